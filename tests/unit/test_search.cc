#include <catch2/catch.hpp>

#include <set>

#include "database.h"
#include "lazy_dictionary.h"
#include "query/stop_words.h"
#include "sample_index.h"
#include "search.h"

using namespace dipnews;

namespace {

struct Fixture {
  test::TempDir dir;
  LazyDictionary dictionary{Dictionary{}};
  Searcher searcher{std::vector<std::string>{test::write_sample_index(dir)}, dictionary};

  std::vector<std::string> ids(SearchRequest r) {
    std::vector<std::string> out;
    for (const auto& h : searcher.search(r).hits) out.push_back(h.article.id);
    return out;
  }
  static SearchRequest request(std::string text) {
    SearchRequest r;
    r.text = std::move(text);
    return r;
  }
};

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE_METHOD(Fixture, "ranking: title matches outrank body-only matches", "[search]") {
  // "guarantees" is in berlin-2's title and in berlin-1's body only.
  CHECK(ids(request("guarantees")) == Ids{"berlin-2", "berlin-1"});
}

TEST_CASE_METHOD(Fixture, "title: matches titles only and still ranks its matches", "[search]") {
  // "ceasefire" is in the titles of berlin-1 and undated-1, and in berlin-2's body only.
  const auto hits = searcher.search(request("title:ceasefire")).hits;
  REQUIRE(hits.size() == 2);
  CHECK(std::set<std::string>{hits[0].article.id, hits[1].article.id} ==
        std::set<std::string>{"berlin-1", "undated-1"});
  for (const auto& hit : hits) CHECK(hit.score > 0);  // the title: terms alone weigh nothing
  CHECK(ids(request("title:\"security guarantees\"")) == Ids{"berlin-2"});
  CHECK(ids(request("title:\"guarantees security\"")).empty());
}

TEST_CASE_METHOD(Fixture, "default AND - stemming - phrases", "[search]") {
  CHECK(ids(request("ceasefire berlin")) == Ids{"berlin-1"});
  CHECK(ids(request("monitor")).size() == 1);  // stem of "Monitoring"
  CHECK(ids(request("\"Article 5\"")) == Ids{"berlin-2"});
  CHECK(ids(request("\"5 Article\"")).empty());
}

TEST_CASE_METHOD(Fixture, "sorting by date keeps undated articles last both ways", "[search]") {
  auto r = request("ceasefire");
  r.sort = SortOrder::newest;
  CHECK(ids(r) == Ids{"berlin-2", "berlin-1", "undated-1"});
  r.sort = SortOrder::oldest;
  CHECK(ids(r) == Ids{"berlin-1", "berlin-2", "undated-1"});
}

TEST_CASE_METHOD(Fixture, "date and source filters", "[search]") {
  auto r = request("*");
  r.sort = SortOrder::oldest;
  r.filters.since = "2025";
  CHECK(ids(r) == Ids{"trade-1", "berlin-1", "berlin-2"});
  r.filters.until = "2025-06";
  CHECK(ids(r) == Ids{"trade-1"});
  CHECK(ids(request("date:2024")) == Ids{"sudan-1"});
  auto by_source = request("*");
  by_source.sort = SortOrder::newest;
  by_source.filters.sources = {"meridian post"};
  CHECK(ids(by_source) == Ids{"berlin-1", "undated-1"});
}

TEST_CASE_METHOD(Fixture, "limit - offset and ranks count from the whole result", "[search]") {
  auto r = request("*");
  r.sort = SortOrder::oldest;
  r.offset = 1;
  r.limit = 2;
  const auto result = searcher.search(r);
  REQUIRE(result.hits.size() == 2);
  CHECK(result.hits[0].rank == 2);
  CHECK(result.hits[0].article.id == "trade-1");
  CHECK(result.hits[1].rank == 3);
  CHECK(result.total.estimated == 5);
}

TEST_CASE_METHOD(Fixture, "count is exact and returns no hits", "[search]") {
  auto r = request("ceasefire");
  r.count_only = true;
  const auto result = searcher.search(r);
  CHECK(result.hits.empty());
  CHECK(result.total.exact());
  CHECK(result.total.estimated == 3);
}

TEST_CASE_METHOD(Fixture, "hits carry stored fields and a highlighted snippet", "[search]") {
  const auto result = searcher.search(request("tariff"));
  REQUIRE(result.hits.size() == 1);
  const Hit& h = result.hits[0];
  CHECK(h.article.title == "Tariff truce extended");
  CHECK(h.article.source == "Pacific Ledger");
  CHECK(h.article.date == "2025-05-12");
  CHECK(h.score > 0);
  REQUIRE_FALSE(h.snippet.highlights.empty());
  const auto [b, e] = h.snippet.highlights[0];
  CHECK(h.snippet.text.substr(b, e - b) == "tariff");  // ASCII text: code points == bytes
}

TEST_CASE("initials match however they are typed", "[search]") {
  test::TempDir dir;
  const auto path = dir / "db";
  {
    test::IndexRun run(path, {.commit = {10}});
    run.write(test::make_article("aid-1", "Aid", "The U.S. aid package was signed."));
    run.write(test::make_article("other-1", "Aid", "A package of aid for us all."));
  }
  const LazyDictionary dictionary{Dictionary{}};
  Searcher s(std::vector<std::string>{path}, dictionary);
  for (const char* typed : {"U.S. aid", "u.s. aid", "U.S AID", "\"u.s. aid\""}) {
    SearchRequest r;
    r.text = typed;
    const auto hits = s.search(r).hits;
    INFO(typed);
    REQUIRE(hits.size() >= 1);
    CHECK(hits[0].article.id == "aid-1");
  }
}

TEST_CASE("several databases are searched as one", "[search]") {
  test::TempDir a, b;
  const auto path_a = a / "db";
  const auto path_b = b / "db";
  {
    test::IndexRun run_a(path_a, {.commit = {10}});
    run_a.write(test::make_article("a-1", "Summit in Rome", "Leaders met."));
    test::IndexRun run_b(path_b, {.commit = {10}});
    run_b.write(test::make_article("b-1", "Summit in Seoul", "Leaders met again."));
  }
  const LazyDictionary dictionary{Dictionary{}};
  Searcher s(std::vector<std::string>{path_a, path_b}, dictionary);
  SearchRequest r;
  r.text = "summit";
  CHECK(s.search(r).hits.size() == 2);
}

TEST_CASE_METHOD(Fixture, "ranked queries drop stop words - keyword queries keep every word", "[search]") {
  SearchRequest any = request("the ceasefire");
  any.default_op = DefaultOp::any;
  const SearchResult ranked = searcher.search(any);
  // Without the stop word, exactly the three ceasefire articles match; with it, all five would.
  CHECK(ranked.total.estimated == 3);
  // All words required: "the" is still asked for (it could be meant), so only berlin-2 matches.
  CHECK(ids(request("the ceasefire")) == Ids{"berlin-2"});
}

TEST_CASE_METHOD(Fixture, "a shouted question is folded, stemmed and relaxed", "[search]") {
  const SearchResult r = searcher.search(request("MONITORING OF CEASEFIRE TALKS AND GUARANTEES IN BERLIN ."));
  CHECK(r.relaxed);
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].article.id.rfind("berlin-", 0) == 0);
  CHECK(r.total.estimated == 3);
  // Capitalised words are not stemmed by Xapian's parser (proper names); a shouted word is:
  // "GUARANTEE" finds "guarantees".
  CHECK(searcher.search(request("GUARANTEE")).total.estimated == 2);
  CHECK(searcher.search(request("Guarantee")).total.estimated == 0);
}

TEST_CASE_METHOD(Fixture, "feedback reorders the matches but never adds articles", "[search]") {
  SearchRequest plain = request("guarantees ceasefire");
  plain.default_op = DefaultOp::any;
  plain.limit = 100;
  plain.feedback.articles = 0;
  SearchRequest fed = plain;
  fed.feedback.articles = 2;
  const SearchResult without = searcher.search(plain);
  const SearchResult with = searcher.search(fed);
  CHECK(without.expansion.empty());
  CHECK_FALSE(with.expansion.empty());
  auto sorted_ids = [](const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.article.id);
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(sorted_ids(with) == sorted_ids(without));
  // Keyword (all-word) queries are never expanded.
  SearchRequest keywords = request("guarantees ceasefire");
  keywords.feedback.articles = 2;
  CHECK(searcher.search(keywords).expansion.empty());
}

namespace {

// The feedback words a ranked query gets from its 2 best articles in an index of `articles`,
// every word eligible (max_share 1.0: the common-word cut left out).
std::vector<std::string> feedback_words(const std::vector<Article>& articles, const std::string& query) {
  test::TempDir dir;
  const auto path = dir / "db";
  {
    test::IndexRun run(path, {.commit = {10}});
    for (const auto& a : articles) run.write(a);
  }
  const LazyDictionary dictionary{Dictionary{}};
  Searcher s(std::vector<std::string>{path}, dictionary);
  SearchRequest r;
  r.text = query;
  r.default_op = DefaultOp::any;
  r.feedback.articles = 2;
  r.feedback.max_share = 1.0;
  return s.search(r).expansion;
}

bool contains(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

TEST_CASE("feedback keeps words longer than a short string - each expansion word intact", "[search]") {
  // Stems over 15 bytes live on the heap, where moving a string onto itself emptied it.
  const auto words = feedback_words(
      {test::make_article("long-1", "Counterintelligence services",
                          "Counterintelligence officers met internationalisation experts; counterintelligence again."),
       test::make_article("long-2", "Counterintelligence review",
                          "A counterintelligence review of internationalisation and counterintelligence."),
       test::make_article("other-1", "Harvest report", "Wheat and barley prices rose."),
       test::make_article("other-2", "Weather report", "Rain fell on the plains.")},
      "counterintelligence");
  REQUIRE_FALSE(words.empty());
  for (const auto& word : words) CHECK_FALSE(word.empty());
  CHECK(contains(words, "internationalis"));
}

TEST_CASE("feedback adds no function words - the stems the ranked query drops stay out", "[search]") {
  CHECK(is_stop_word_stem("Zthe"));
  CHECK(is_stop_word_stem("Zourselv"));  // "ourselves", as the English stemmer writes it
  CHECK_FALSE(is_stop_word_stem("Zpeac"));
  CHECK_FALSE(is_stop_word_stem("the"));  // unstemmed terms are not ranked words
  // Russian, Ukrainian and Arabic function words too; not French ones, whose "un" is the U.N.
  CHECK(is_stop_word_stem("Zи"));
  CHECK(is_stop_word_stem("Zдля"));
  CHECK(is_stop_word_stem("Zпісня") == false);  // a Ukrainian content word ("song")
  CHECK(is_stop_word_stem("Zпісля"));           // "після", as the (Russian) stemmer of Ukrainian writes it
  CHECK_FALSE(is_stop_word_stem("Zun"));
  CHECK_FALSE(is_stop_word_stem("Zлавр"));

  // Function words dominate both matching articles: without the stop list they would lead
  // the expansion.
  const auto words = feedback_words(
      {test::make_article("ceasefire-1", "Ceasefire monitors",
                          "Whom were the monitors against? Against whom was the ceasefire? Monitors were there, "
                          "against whom it was."),
       test::make_article("ceasefire-2", "Ceasefire talks",
                          "Whom was the truce against, and whom were monitors against? The monitors were against it."),
       test::make_article("other-1", "Harvest report", "Wheat and barley prices rose.")},
      "ceasefire");
  std::string listed;
  for (const auto& word : words) listed += "[" + word + "]";
  INFO("expansion: " << listed);
  REQUIRE_FALSE(words.empty());
  for (const char* stop : {"whom", "against", "was", "were", "the", "it", "there"}) CHECK_FALSE(contains(words, stop));
  CHECK(contains(words, "monitor"));
}
