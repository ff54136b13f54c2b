#include <catch2/catch.hpp>

#include <algorithm>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "schema.h"
#include "temp_dir.h"

using namespace dipnews;
using nlohmann::json;
using test::run_index;
using test::run_search;

namespace {

const std::string& corpus_db() { return test::bundled_corpus_db(); }

json search_json(std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", corpus_db(), "--format=json"});
  auto r = run_search(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("JSON search output is valid and has the fields docs/reference.md lists", "[e2e][search]") {
  const json j = search_json({"ceasefire"});
  CHECK(j["format_version"] == 6);
  CHECK(j["query"] == "ceasefire");
  CHECK(j["parsed"] == "Query(Zceasefir@1)");
  CHECK(j["total"]["estimated"].get<int>() >= 10);
  REQUIRE(j["hits"].size() == 10);
  double previous = 1e300;
  for (std::size_t i = 0; i < j["hits"].size(); ++i) {
    const json& h = j["hits"][i];
    CHECK(h["rank"] == i + 1);
    CHECK(h["score"].get<double>() <= previous);  // ranked
    previous = h["score"].get<double>();
    CHECK_FALSE(h["id"].get<std::string>().empty());
    CHECK(h["title"].is_string());
    CHECK(h["actors"].is_array());
    CHECK(h["topics"].is_array());
    const std::string snippet = h["snippet"];
    CHECK_FALSE(snippet.empty());
    CHECK(h.contains("date"));
    CHECK(h.contains("source"));
    CHECK(h.contains("url"));
  }
}

TEST_CASE("fields - dates and sorting over the bundled corpus", "[e2e][search]") {
  const json wire = search_json({"--limit=50", "source:\"Global Affairs Wire\""});
  REQUIRE(wire["hits"].size() > 0);
  for (const auto& h : wire["hits"]) CHECK(h["source"] == "Global Affairs Wire");

  const json december = search_json({"--limit=100", "--sort=newest", "date:2025-12"});
  REQUIRE(december["hits"].size() > 0);
  std::string last = "9999";
  for (const auto& h : december["hits"]) {
    const std::string date = h["date"];
    CHECK(date.rfind("2025-12-", 0) == 0);
    CHECK(date <= last);
    last = date;
  }

  const json ranged = search_json({"--limit=100", "--since=2025-12-14", "--until=2025-12-15", "*"});
  REQUIRE(ranged["hits"].size() > 0);
  for (const auto& h : ranged["hits"]) {
    CHECK(h["date"] >= "2025-12-14");
    CHECK(h["date"] <= "2025-12-15");
  }

  const std::string some_id = december["hits"][0]["id"];
  const json by_id = search_json({"id:" + some_id});
  REQUIRE(by_id["hits"].size() == 1);
  CHECK(by_id["hits"][0]["id"] == some_id);
}

TEST_CASE("option --count prints the exact number of matches", "[e2e][search]") {
  auto all = run_search({"--db", corpus_db(), "--count", "*"});
  CHECK(all.exit_code == 0);
  CHECK(std::stoi(all.out) == test::bundled_article_count());
  auto none = run_search({"--db", corpus_db(), "--count", "xyzzyplugh"});
  CHECK(none.exit_code == 0);  // zero hits is success
  CHECK(none.out == "0\n");
}

TEST_CASE("text output is readable and has no colour when piped", "[e2e][search]") {
  auto r = run_search({"--db", corpus_db(), "--limit=2", "BlackRock"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("match 'BlackRock' (showing 1-2)"));
  CHECK_THAT(r.out, Catch::Contains(" 1. "));
  CHECK(r.out.find('\x1b') == std::string::npos);
  auto coloured = run_search({"--db", corpus_db(), "--limit=1", "--color=always", "BlackRock"});
  CHECK_THAT(coloured.out, Catch::Contains("\x1b[1;33mBlackRock\x1b[0m"));
  auto nothing = run_search({"--db", corpus_db(), "xyzzyplugh"});
  CHECK(nothing.out == "No articles match 'xyzzyplugh'.\n");
}

TEST_CASE("query words joined from several arguments - -- lets a query start with '-'", "[e2e][search]") {
  auto joined = run_search({"--db", corpus_db(), "--count", "security", "guarantees"});
  auto quoted = run_search({"--db", corpus_db(), "--count", "security guarantees"});
  CHECK(joined.out == quoted.out);
  const int berlin = std::stoi(run_search({"--db", corpus_db(), "--count", "Berlin"}).out);
  const int berlin_ceasefire = std::stoi(run_search({"--db", corpus_db(), "--count", "Berlin ceasefire"}).out);
  auto negated = run_search({"--db", corpus_db(), "--count", "--", "-ceasefire", "Berlin"});
  CHECK(negated.exit_code == 0);
  CHECK(std::stoi(negated.out) == berlin - berlin_ceasefire);
  REQUIRE(berlin_ceasefire > 0);
  // A query of exclusions only means "every article but these".
  const int all = test::bundled_article_count();
  const int ceasefire = std::stoi(run_search({"--db", corpus_db(), "--count", "ceasefire"}).out);
  CHECK(std::stoi(run_search({"--db", corpus_db(), "--count", "--", "-ceasefire"}).out) == all - ceasefire);
  CHECK(std::stoi(run_search({"--db", corpus_db(), "--count", "* -ceasefire"}).out) == all - ceasefire);
  CHECK(std::stoi(run_search({"--db", corpus_db(), "--count", "* OR ceasefire"}).out) == all);
}

TEST_CASE("search errors: usage and syntax exit 2 - missing or foreign index exit 1", "[e2e][search]") {
  test::TempDir dir;
  auto missing = run_search({"--db", dir / "nope.db", "ceasefire"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "dipnews-search: no database at '" + dir / "nope.db" +
                           "' (create one with: dipnews-index --db " + dir / "nope.db" + " FILE...)\n");

  auto syntax = run_search({"--db", corpus_db(), "ceasefire AND"});
  CHECK(syntax.exit_code == 2);
  CHECK_THAT(syntax.err, Catch::StartsWith("dipnews-search: query error: "));
  CHECK(syntax.out.empty());

  auto bad_date = run_search({"--db", corpus_db(), "date:2025-02-30"});
  CHECK(bad_date.exit_code == 2);
  CHECK_THAT(bad_date.err, Catch::Contains("bad date '2025-02-30'"));

  auto bad_format = run_search({"--db", corpus_db(), "--format=xml", "x"});
  CHECK(bad_format.exit_code == 2);
  CHECK(bad_format.err ==
        "dipnews-search: --format: invalid value 'xml' (choose from: text, json, jsonl, tsv, csv, ids, trec)\n");

  CHECK(run_search({"--db", corpus_db()}).exit_code == 2);
  CHECK(run_search({"--db", corpus_db(), "--limit=ten", "x"}).exit_code == 2);
  CHECK(run_search({"--db", corpus_db(), "--limit=-1", "x"}).exit_code == 2);
  CHECK(run_search({"--db", corpus_db(), "--offset=-1", "x"}).exit_code == 2);
  auto empty_field = run_search({"--db", corpus_db(), "date:"});
  CHECK(empty_field.exit_code == 2);
  CHECK(empty_field.err == "dipnews-search: query error: date: needs a value\n");
  // A bad option value is a usage error even before the database is looked at.
  auto bad_since = run_search({"--db", dir / "nope.db", "--since=2025-13", "x"});
  CHECK(bad_since.exit_code == 2);
  CHECK_THAT(bad_since.err, Catch::Contains("--since: bad date '2025-13'"));

  {
    Xapian::WritableDatabase other(dir / "other.db", Xapian::DB_CREATE);
    other.set_metadata(schema::metadata::schema_version, "0");
    other.add_document(Xapian::Document());
  }
  auto foreign = run_search({"--db", dir / "other.db", "x"});
  CHECK(foreign.exit_code == 1);
  CHECK_THAT(foreign.err, Catch::Contains("has index schema version 0 but this dipnews reads version"));
}

TEST_CASE("actor and topic fields: any spelling - same field ORs - different fields AND", "[e2e][search]") {
  auto count = [](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", corpus_db(), "--count"});
    auto r = run_search(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return std::stoi(r.out);
  };
  const int zelenskyy = count({"actor:zelenskyy"});
  CHECK(zelenskyy > 10);
  CHECK(count({"actor:Zelensky"}) == zelenskyy);
  CHECK(count({"actor:\"Volodymyr Zelenskiy\""}) == zelenskyy);
  CHECK(count({"person:zelensky"}) == zelenskyy);
  CHECK(count({"--actor", "zelensky"}) == zelenskyy);
  const int putin = count({"actor:putin"});
  const int both = count({"actor:putin", "actor:zelensky"});
  CHECK(both >= std::max(putin, zelenskyy));  // same field: OR
  CHECK(count({"--actor=putin", "--actor=zelensky", "*"}) == both);
  const int with_topic = count({"actor:putin", "topic:ceasefire"});
  const json hits = search_json({"--limit=3", "actor:putin topic:ceasefire"});
  for (const auto& h : hits["hits"]) {
    CHECK(h["matched_actors"] == json::array({"vladimir-putin"}));
    CHECK(h["matched_topics"] == json::array({"ceasefire"}));
  }
  CHECK_THAT(run_search({"--db", corpus_db(), "--limit=1", "actor:putin"}).out, Catch::Contains("*vladimir-putin*"));
  CHECK(with_topic <= putin);  // different fields: AND
  CHECK(count({"--actor=putin", "--topic=ceasefire", "*"}) == with_topic);
  CHECK(count({"country:German"}) == count({"country:deu"}));

  auto unknown = run_search({"--db", corpus_db(), "actor:zelinsky"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "dipnews-search: query error: unknown actor 'zelinsky' (did you mean 'zelensky'?)\n");
  auto wrong_type = run_search({"--db", corpus_db(), "--actor=nato", "--topic=ceasfire", "*"});
  CHECK(wrong_type.exit_code == 2);
  CHECK_THAT(wrong_type.err, Catch::Contains("--topic: unknown topic 'ceasfire' (did you mean 'ceasefire'?)"));
  CHECK(run_search({"--db", corpus_db(), "country:nato"}).exit_code == 2);
}

TEST_CASE("option --explain-query shows on stderr how fields were resolved", "[e2e][search]") {
  auto r =
      run_search({"--db", corpus_db(), "--explain-query", "--count", "--actor=Kremlin", "country:German -ceasefire"});
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "dipnews-search: field country:German -> deu\n"
        "dipnews-search: field --actor Kremlin -> rus\n"
        "dipnews-search: parsed Query(((0 * XCOUNTRYdeu AND_NOT Zceasefir@1) FILTER XACTORrus))\n");
  CHECK(std::stoi(r.out) >= 0);  // results stay on stdout, alone
  CHECK(r.out.find("dipnews-search") == std::string::npos);
}

TEST_CASE("aggregations in a format with no room for them are refused, not dropped", "[e2e][search]") {
  for (const char* format : {"--format=tsv", "--format=csv", "--format=ids", "--format=jsonl"}) {
    auto r = run_search({"--db", corpus_db(), "--facets=topic", format, "ceasefire"});
    INFO(format);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("need --format=json or text"));
  }
  CHECK(run_search({"--db", corpus_db(), "--timeline=month", "--format=text", "ceasefire"}).exit_code == 0);
  CHECK(run_search({"--db", corpus_db(), "--batch", "-", "--facets=topic", "--format=jsonl"}, "q\tceasefire\n")
            .exit_code == 0);
  CHECK(
      run_search({"--db", corpus_db(), "--batch", "-", "--facets=topic", "--format=tsv"}, "q\tceasefire\n").exit_code ==
      2);
}

TEST_CASE("facets and timeline are exact over the whole match set", "[e2e][search]") {
  const json j = search_json({"--limit=1", "--facets=actor,country,topic,source", "--timeline=month", "ceasefire"});
  const int total = j["aggregated_matches"];  // exact, whatever the page or collapsing
  REQUIRE(total > 10);
  CHECK(std::stoi(run_search({"--db", corpus_db(), "--count", "ceasefire"}).out) == total);
  CHECK(j["hits"].size() == 1);  // facets do not depend on the page shown
  for (const auto& value : j["facets"]["country"]) {
    const std::string id = value["id"];
    const auto n = run_search({"--db", corpus_db(), "--count", "ceasefire country:" + id});
    INFO(id);
    CHECK(std::stoi(n.out) == value["count"].get<int>());
  }
  int in_periods = 0;
  std::string previous;
  for (const auto& p : j["timeline"]["periods"]) {
    in_periods += p["count"].get<int>();
    CHECK(p["count"] <= p["total"]);
    const double total_in_period = p["total"].get<double>();
    CHECK(p["share"].get<double>() == Approx(total_in_period > 0 ? p["count"].get<double>() / total_in_period : 0.0));
    // Month after month, those without a match included: a chart shows the gaps.
    const std::string period = p["period"];
    if (!previous.empty()) {
      const int y = std::stoi(previous.substr(0, 4)), m = std::stoi(previous.substr(5, 2));
      char next[32];
      std::snprintf(next, sizeof next, "%04d-%02d", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
      CHECK(period == next);
    }
    previous = period;
  }
  const auto& periods = j["timeline"]["periods"];
  REQUIRE_FALSE(periods.empty());
  CHECK(periods.front()["count"] > 0);
  CHECK(periods.back()["count"] > 0);
  CHECK(std::any_of(periods.begin(), periods.end(), [](const json& p) { return p["count"] == 0; }));
  CHECK(in_periods + j["timeline"]["undated"].get<int>() == total);
  int sources = 0;
  for (const auto& v : j["facets"]["source"]) sources += v["count"].get<int>();
  CHECK(sources <= total);  // single-valued: scraped articles have no source

  auto text = run_search({"--db", corpus_db(), "--count", "--facets=topic", "--timeline=year", "ceasefire"});
  CHECK_THAT(text.out, Catch::StartsWith(std::to_string(total) + "\n\nOver all " + std::to_string(total) +
                                         " matching articles\n  topic: ceasefire " + std::to_string(total)));
  CHECK_THAT(text.out, Catch::Contains("per year (matching / all articles):"));
  CHECK(run_search({"--db", corpus_db(), "--facets=colour", "x"}).exit_code == 2);

  // A bare --cooccur means actors and leaves the next word to the query.
  const json co = search_json({"--count", "--cooccur", "actor:putin"});
  CHECK(co["query"] == "actor:putin");
  CHECK(co["cooccur"]["field"] == "actor");
  REQUIRE(co["cooccur"]["values"].size() > 0);
  double last = 1e9;
  for (const auto& v : co["cooccur"]["values"]) {
    CHECK(v["id"] != "vladimir-putin");
    CHECK(v["count"].get<int>() >= 2);
    CHECK(v["lift"].get<double>() <= last);
    last = v["lift"];
  }
  CHECK(search_json({"--count", "--cooccur=topic", "actor:putin"})["cooccur"]["field"] == "topic");
  // A value is left out when the query names it, by its exact term: country:germany
  // (XCOUNTRYdeu) leaves out deu, not eu; source:"Meridian Post" leaves out Meridian Post.
  const json germany = search_json({"--count", "--facets=actor", "--cooccur=actor", "country:germany"});
  auto listed = [](const json& values, const std::string& id) {  // in two matches or more
    return std::any_of(values.begin(), values.end(),
                       [&](const json& v) { return v["id"] == id && v["count"].get<int>() >= 2; });
  };
  REQUIRE(listed(germany["facets"]["actor"], "eu"));
  CHECK(listed(germany["cooccur"]["values"], "eu"));
  CHECK_FALSE(listed(germany["cooccur"]["values"], "deu"));
  const json meridian = search_json({"--count", "--facets=source", "--cooccur=source", "source:\"Meridian Post\""});
  REQUIRE(listed(meridian["facets"]["source"], "Meridian Post"));
  CHECK_FALSE(listed(meridian["cooccur"]["values"], "Meridian Post"));
  CHECK(run_search({"--db", corpus_db(), "--timeline=decade", "x"}).exit_code == 2);
}

TEST_CASE("line formats for scripts: jsonl - tsv - csv - ids", "[e2e][search]") {
  const json reference = search_json({"--limit=5", "ceasefire"});
  std::vector<std::string> ids;
  for (const auto& h : reference["hits"]) ids.push_back(h["id"]);
  REQUIRE(ids.size() == 5);
  auto lines = [](const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      out.push_back(line);
    }
    return out;
  };
  auto run = [&](const std::string& format) {
    auto r = run_search({"--db", corpus_db(), "--limit=5", "--format=" + format, "ceasefire"});
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  CHECK(lines(run("ids")) == ids);
  const auto jsonl = lines(run("jsonl"));
  REQUIRE(jsonl.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) CHECK(json::parse(jsonl[i])["id"] == ids[i]);
  const auto tsv = lines(run("tsv"));
  REQUIRE(tsv.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) {
    CHECK(tsv[i].rfind(std::to_string(i + 1) + "\t" + ids[i] + "\t", 0) == 0);
    CHECK(std::count(tsv[i].begin(), tsv[i].end(), '\t') == 8);
  }
  const std::string csv = run("csv");
  CHECK(csv.rfind("rank,id,score,date,source,title,url,actors,topics\r\n", 0) == 0);
  CHECK(lines(csv).size() == 6);
  CHECK_THAT(csv, Catch::Contains("\r\n1," + ids[0] + ","));
}

TEST_CASE("option --similar ranks articles like a given one - combinable with filters", "[e2e][search]") {
  const std::string wire = "global-affairs-wire-20251215-berlin-talks-outcome";
  const json j = search_json({"--similar=" + wire, "--limit=3", "--no-collapse"});
  std::vector<std::string> top;
  for (const auto& h : j["hits"]) top.push_back(h["id"]);
  std::sort(top.begin(), top.end());
  // Its three wire copies are the articles most like it; it is not among its own results.
  CHECK(top == std::vector<std::string>{"danube-herald-20251215-berlin-wire-guarantees",
                                        "levant-review-20251215-berlin-wire-land-dispute",
                                        "pacific-ledger-20251215-berlin-wire-article5"});
  const json filtered = search_json({"--similar=" + wire, "--actor=putin", "--until=2025-12-31", "--limit=50"});
  REQUIRE(filtered["hits"].size() > 0);
  for (const auto& h : filtered["hits"]) {
    CHECK(h["id"] != wire);
    const auto actors = h["actors"].get<std::vector<std::string>>();
    CHECK(std::count(actors.begin(), actors.end(), "vladimir-putin") == 1);
    CHECK(h["date"] <= "2025-12-31");
  }
  auto unknown = run_search({"--db", corpus_db(), "--similar=no-such-article"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "dipnews-search: --similar: no article with id 'no-such-article'\n");
}

TEST_CASE("wire copies: one hit per story by default - every copy with --no-collapse", "[e2e][search]") {
  const std::string wire = "global-affairs-wire-20251215-berlin-talks-outcome";
  const json collapsed = search_json({"--limit=50", "BlackRock"});
  std::vector<std::string> story_ids, copy_ids;
  for (const auto& h : collapsed["hits"]) {
    if (h["story"] != wire) continue;
    story_ids.push_back(h["id"]);
    for (const auto& c : h["copies"]) copy_ids.push_back(c["id"]);
  }
  REQUIRE(story_ids.size() == 1);  // the four copies are one hit...
  CHECK(copy_ids.size() == 3);     // ...carried by three more outlets
  std::sort(copy_ids.begin(), copy_ids.end());
  copy_ids.push_back(story_ids[0]);
  std::sort(copy_ids.begin(), copy_ids.end());
  CHECK(copy_ids == std::vector<std::string>{"danube-herald-20251215-berlin-wire-guarantees", wire,
                                             "levant-review-20251215-berlin-wire-land-dispute",
                                             "pacific-ledger-20251215-berlin-wire-article5"});
  const json every = search_json({"--limit=50", "--no-collapse", "BlackRock"});
  int members = 0;
  for (const auto& h : every["hits"]) {
    members += h["story"] == wire;
    CHECK(h["copies"].empty());
  }
  CHECK(members == 4);
  // Independent reports of the same Berlin talks are stories of their own.
  const json berlin = search_json({"--limit=50", "--no-collapse", "date:2025-12-15", "Berlin"});
  for (const auto& h : berlin["hits"]) {
    const std::string id = h["id"];
    if (id.find("wire") == std::string::npos) CHECK(h["story"] == id);
  }
  auto text = run_search({"--db", corpus_db(), "--limit=50", "BlackRock"});
  CHECK_THAT(text.out, Catch::Contains("carried by 4 outlets: "));
}

TEST_CASE("counts agree: text header, --count, --count-stories, JSON and ids give the same two numbers",
          "[e2e][search]") {
  // BlackRock: the four wire copies of one story and other articles, so articles > stories.
  for (const std::string query : {"BlackRock", "*", "ceasefire"}) {
    INFO(query);
    const auto articles = run_search({"--db", corpus_db(), "--count", query});
    const auto stories = run_search({"--db", corpus_db(), "--count-stories", query});
    REQUIRE(articles.exit_code == 0);
    REQUIRE(stories.exit_code == 0);
    const long n_articles = std::stol(articles.out), n_stories = std::stol(stories.out);
    if (query == "BlackRock") CHECK(n_stories == n_articles - 3);  // three copies folded into the fourth
    CHECK(n_stories <= n_articles);

    const json page = search_json({query});
    CHECK(page["total"]["estimated"] == n_articles);
    CHECK(page["total"]["lower"] == n_articles);  // exact: small enough to count
    CHECK(page["stories"]["estimated"] == n_stories);
    CHECK(page["stories"]["upper"] == n_stories);
    const json counted = search_json({"--count", query});
    CHECK(counted["count"] == n_articles);
    CHECK(counted["story_count"] == n_stories);
    CHECK(search_json({"--no-collapse", query})["stories"].is_null());

    const auto ids = run_search({"--db", corpus_db(), "--format=ids", "--limit=100000", query});
    CHECK(std::count(ids.out.begin(), ids.out.end(), '\n') == n_stories);  // one line per story
    const auto every = run_search({"--db", corpus_db(), "--format=ids", "--limit=100000", "--no-collapse", query});
    CHECK(std::count(every.out.begin(), every.out.end(), '\n') == n_articles);

    const auto text = run_search({"--db", corpus_db(), query});
    const std::string header = n_articles == n_stories ? std::to_string(n_articles) + " articles match"
                                                       : std::to_string(n_articles) + " articles in " +
                                                             std::to_string(n_stories) + " stories match";
    CHECK_THAT(text.out, Catch::StartsWith(header));
  }
  const auto both = run_search({"--db", corpus_db(), "--count", "--count-stories", "x"});
  CHECK(both.exit_code == 2);
  const auto uncollapsed = run_search({"--db", corpus_db(), "--count-stories", "--no-collapse", "x"});
  CHECK(uncollapsed.exit_code == 2);
  CHECK_THAT(uncollapsed.err, Catch::Contains("--no-collapse"));
}

TEST_CASE("did you mean: misspelt words are corrected from the index's vocabulary when nothing matches",
          "[e2e][search]") {
  auto text = run_search({"--db", corpus_db(), "cesefire monitorng"});
  CHECK(text.exit_code == 0);
  CHECK(text.out == "No articles match 'cesefire monitorng'.\nDid you mean: ceasefire monitoring\n");
  const json j = search_json({"Zelenskyy sanctons source:\"Meridian Pst\""});
  CHECK(j["hits"].empty());
  CHECK(j["suggestion"] == "Zelenskyy sanctions source:\"Meridian Pst\"");  // field values are left alone
  CHECK(search_json({"ceasefire"})["suggestion"].is_null());                // only when nothing matches
  CHECK(search_json({"xqzvwk"})["suggestion"].is_null());                   // nothing close enough
}

TEST_CASE("batch: every query in input order - a bad one reported for its qid - exit 1 at the end", "[e2e][search]") {
  const std::string queries = "# morning brief\nq1\tceasefire Berlin\n\nq2\tactor:zelinsky\nsanctions Iran\nq4\t*\n";
  auto jsonl =
      run_search({"--db", corpus_db(), "--batch", "-", "--format=jsonl", "--limit=2", "--facets=topic"}, queries);
  CHECK(jsonl.exit_code == 1);
  CHECK_THAT(jsonl.err, Catch::Contains("query q2: query error: unknown actor 'zelinsky'"));
  std::vector<json> lines;
  std::istringstream in(jsonl.out);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0]["qid"] == "q1");
  CHECK(lines[0]["hits"].size() == 2);
  CHECK(lines[0]["facets"].contains("topic"));
  CHECK(lines[1]["qid"] == "q2");
  CHECK(lines[1]["error"]["code"] == 2);
  CHECK_FALSE(lines[1].contains("hits"));
  CHECK(lines[2]["qid"] == "5");  // no qid given: its line number
  CHECK(lines[3]["qid"] == "q4");

  // The same query alone gives the same hits as in the batch.
  const json single = search_json({"--limit=2", "ceasefire Berlin"});
  CHECK(single["hits"][0]["id"] == lines[0]["hits"][0]["id"]);

  auto trec = run_search({"--db", corpus_db(), "--batch", "-", "--format=trec", "--limit=3"}, "t1\tceasefire\n");
  CHECK(trec.exit_code == 0);
  std::istringstream trec_lines(trec.out);
  int rank = 0;
  for (std::string line; std::getline(trec_lines, line);) {
    ++rank;
    CHECK_THAT(line, Catch::Matches("t1 Q0 \\S+ " + std::to_string(rank) + " [0-9.]+ dipnews"));
  }
  CHECK(rank == 3);
  auto tsv = run_search({"--db", corpus_db(), "--batch", "-", "--format=tsv", "--limit=1"}, "x\tceasefire\n");
  CHECK_THAT(tsv.out, Catch::Matches("x\t1\t\\S+\t[0-9.]+\n"));
  // The same score, written the same way, by a single query's tsv.
  auto single_tsv = run_search({"--db", corpus_db(), "--format=tsv", "--limit=1", "ceasefire"});
  const auto score_of = [](const std::string& line, int column) {
    std::istringstream fields(line);
    std::string field;
    for (int i = 0; i <= column; ++i) std::getline(fields, field, '\t');
    return field;
  };
  CHECK(score_of(single_tsv.out, 2) == score_of(tsv.out.substr(0, tsv.out.size() - 1), 3));
  CHECK_THAT(score_of(single_tsv.out, 2), Catch::Matches("[0-9]+\\.[0-9]{6}"));
  auto csv =
      run_search({"--db", corpus_db(), "--batch", "-", "--format=csv", "--limit=2"}, "a\tceasefire\nb\tsanctions\n");
  CHECK(csv.exit_code == 0);
  CHECK_THAT(csv.out, Catch::StartsWith("qid,rank,id,score,date,source,title,url,actors,topics\r\n"));
  CHECK_THAT(csv.out, Catch::Contains("\r\na,1,") && Catch::Contains("\r\na,2,") && Catch::Contains("\r\nb,1,"));
  CHECK(run_search({"--db", corpus_db(), "--batch", "-", "--format=ids"}, "q\n").exit_code == 2);
  CHECK(run_search({"--db", corpus_db(), "--format=trec", "ceasefire"}).exit_code == 2);
  CHECK(run_search({"--db", corpus_db(), "--batch", "/no/such/file"}).exit_code == 1);
}

TEST_CASE("batch --count: each query's number of matches in tsv, csv, jsonl and text - not in trec", "[e2e][search]") {
  const std::string queries = "a\tceasefire\nall\t*\n";
  const std::string ceasefire = run_search({"--db", corpus_db(), "--count", "ceasefire"}).out;  // "N\n"
  const std::string everything = std::to_string(test::bundled_article_count()) + "\n";
  auto tsv = run_search({"--db", corpus_db(), "--batch", "-", "--count", "--format=tsv"}, queries);
  CHECK(tsv.exit_code == 0);
  CHECK(tsv.out == "a\t" + ceasefire + "all\t" + everything);
  auto csv = run_search({"--db", corpus_db(), "--batch", "-", "--count", "--format=csv"}, queries);
  CHECK(csv.out == "qid,count\r\na," + ceasefire.substr(0, ceasefire.size() - 1) + "\r\nall," +
                       everything.substr(0, everything.size() - 1) + "\r\n");
  auto jsonl = run_search({"--db", corpus_db(), "--batch", "-", "--count", "--format=jsonl"}, queries);
  const json first = json::parse(jsonl.out.substr(0, jsonl.out.find('\n')));
  CHECK(first["qid"] == "a");
  CHECK(first["count"] == std::stoi(ceasefire));
  CHECK_FALSE(first.contains("hits"));
  auto text = run_search({"--db", corpus_db(), "--batch", "-", "--count", "--format=text"}, queries);
  CHECK_THAT(text.out, Catch::Contains("## a: ceasefire\n" + ceasefire));
  auto trec = run_search({"--db", corpus_db(), "--batch", "-", "--count", "--format=trec"}, queries);
  CHECK(trec.exit_code == 2);
  CHECK_THAT(trec.err, Catch::Contains("--count has no TREC form"));
}

TEST_CASE("batch input: a byte-order mark is skipped - a qid TREC cannot carry is an error - a directory is named",
          "[e2e][search]") {
  auto bom = run_search({"--db", corpus_db(), "--batch", "-", "--format=tsv", "--limit=1"},
                        "\xEF\xBB\xBF# a comment saved by Notepad\nq1\tceasefire\n");
  CHECK(bom.exit_code == 0);
  CHECK_THAT(bom.out, Catch::Matches("q1\t1\t\\S+\t[0-9.]+\n"));  // the comment was not run as a query
  auto trec = run_search({"--db", corpus_db(), "--batch", "-", "--format=trec", "--limit=1"},
                         "my q\tceasefire\nok\tceasefire\n");
  CHECK(trec.exit_code == 1);
  CHECK_THAT(trec.err, Catch::Contains("-:1: query my q: the qid 'my q' has a space"));
  CHECK_THAT(trec.out, Catch::StartsWith("ok Q0 "));
  auto dir = run_search({"--db", corpus_db(), "--batch", DIPNEWS_CORPUS_DIR});
  CHECK(dir.exit_code == 1);
  CHECK_THAT(dir.err, Catch::Contains("a directory, not a batch file"));
  CHECK_THAT(run_search({"--db", corpus_db(), "--batch", "/no/such/file"}).err,
             Catch::Contains("No such file or directory"));
}

TEST_CASE("a field typed in capitals, or a field's phrase left open, is read as meant", "[e2e][search]") {
  const auto count = [](const std::string& query) {
    auto r = run_search({"--db", corpus_db(), "--count", query});
    INFO(query << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    return std::stoi(r.out);
  };
  CHECK(count("Actor:putin") == count("actor:putin"));
  CHECK(count("Title:berlin") == count("title:berlin"));
  CHECK(count("title:berlin") > 0);
  // An open phrase after a field runs to the end, as an open phrase alone does; it was read
  // as the words "title", "peace" and "plan" (no article).
  CHECK(count("title:\"peace plan") == count("title:\"peace plan\""));
  CHECK(count("title:\"peace plan\"") > 0);
}

TEST_CASE("an error stays one line - control characters of the query are shown escaped", "[e2e][search]") {
  auto single = run_search({"--db", corpus_db(), "actor:\"zel\ninsky\""});
  CHECK(single.exit_code == 2);
  CHECK_THAT(single.err, Catch::Contains("unknown actor 'zel\\ninsky'"));
  CHECK(std::count(single.err.begin(), single.err.end(), '\n') == 1);
  auto batch = run_search({"--db", corpus_db(), "--batch", "-", "--format=text"}, "q\tactor:\"zel\x1b[31minsky\"\n");
  CHECK(batch.exit_code == 1);
  CHECK(batch.err.find('\x1b') == std::string::npos);
  CHECK(batch.out.find('\x1b') == std::string::npos);
  CHECK_THAT(batch.err, Catch::Contains("zel\\x1b[31minsky"));
}

TEST_CASE("messages read as English - one article matches - not an organisation", "[e2e][search]") {
  auto one = run_search({"--db", corpus_db(), "--limit=1", "id:2025-08-16-alaska-summit"});
  CHECK_THAT(one.out, Catch::StartsWith("1 article matches 'id:2025-08-16-alaska-summit' (showing 1-1)\n"));
  auto wrong_kind = run_search({"--db", corpus_db(), "org:deu"});
  CHECK(wrong_kind.exit_code == 2);
  CHECK_THAT(wrong_kind.err, Catch::Contains("is country deu, not an organisation (use actor: for any kind)"));
}

TEST_CASE("batch --explain-query says how each query was understood, led by its file, line and qid", "[e2e][search]") {
  auto r = run_search({"--db", corpus_db(), "--batch", "-", "--format=tsv", "--limit=1", "--explain-query"},
                      "a\tactor:putin ceasefire\nb\tsanctions\n");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("dipnews-search: -:1: query a: field actor:putin -> vladimir-putin\n"));
  CHECK_THAT(r.err, Catch::Contains("dipnews-search: -:1: query a: parsed Query("));
  CHECK_THAT(r.err, Catch::Contains("dipnews-search: -:2: query b: parsed Query(Zsanction@1)\n"));
  CHECK(r.out.find("parsed") == std::string::npos);  // stdout keeps the results alone
}

TEST_CASE("questions AND cannot answer are relaxed to ranked OR - keywords stay AND", "[e2e][search]") {
  const std::string question = "why did the envoys meet Zelenskyy in Berlin about guarantees";
  const json relaxed = search_json({"--limit=3", question});
  CHECK(relaxed["relaxed"] == true);
  REQUIRE(relaxed["hits"].size() == 3);
  const json strict = search_json({"--default-op=and", "--limit=3", question});
  CHECK(strict["relaxed"] == false);
  CHECK(strict["hits"].empty());
  CHECK(search_json({"--limit=3", "ceasefire Berlin"})["relaxed"] == false);                // keywords: AND kept
  CHECK(search_json({"--limit=3", "ceasefire AND Berlin AND talks"})["relaxed"] == false);  // operators: as typed
  const int any = std::stoi(run_search({"--db", corpus_db(), "--count", "--default-op=or", "ceasefire tariffs"}).out);
  const int all = std::stoi(run_search({"--db", corpus_db(), "--count", "ceasefire tariffs"}).out);
  CHECK(any > all);
  auto text = run_search({"--db", corpus_db(), "--limit=1", question});
  CHECK_THAT(text.out, Catch::Contains("Too few articles have all these words"));
  CHECK(run_search({"--db", corpus_db(), "--default-op=xor", "x"}).exit_code == 2);
}

TEST_CASE("results that cannot be written fail - single query, batch and catalogues exit 1", "[e2e][search]") {
  const std::vector<std::vector<std::string>> runs = {
      {"ceasefire"}, {"--batch", "-", "--format=tsv"}, {"--batch", "-", "--format=jsonl"}, {"--list-topics"}};
  for (auto args : runs) {
    args.insert(args.begin(), {"--db", corpus_db()});
    auto r = test::run_to_full_disk(DIPNEWS_SEARCH_BIN, args, "q1\tceasefire\nq2\tsanctions\n");
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("cannot write results to standard output"));
  }
}

TEST_CASE("a relaxed question matches the same articles whatever the page - --limit, --offset, --count",
          "[e2e][search]") {
  // Eight articles have all four words: fewer than a default page, so the question is relaxed
  // for every page size (it was relaxed only when the page asked for more than eight).
  const std::string question = "security guarantees berlin merz";
  const json ten = search_json({"--limit=10", question});
  REQUIRE(ten["relaxed"] == true);
  REQUIRE(ten["hits"].size() == 10);
  const json one = search_json({"--limit=1", question});
  CHECK(one["relaxed"] == true);
  CHECK(one["hits"][0]["id"] == ten["hits"][0]["id"]);
  CHECK(search_json({"--limit=3", "--offset=3", question})["hits"][0]["id"] == ten["hits"][3]["id"]);
  const int count = std::stoi(run_search({"--db", corpus_db(), "--count", question}).out);
  CHECK(count > 10);  // the relaxed count (all four words: 8)
  CHECK(count >= ten["total"]["lower"].get<int>());
  CHECK(count <= ten["total"]["upper"].get<int>());
}

TEST_CASE("ranked questions are expanded by feedback from the best articles - --feedback=0 turns it off",
          "[e2e][search]") {
  const std::string question = "WHAT SECURITY GUARANTEES DID THE ENVOYS OFFER ZELENSKYY IN BERLIN?";
  auto explained = run_search({"--db", corpus_db(), "--explain-query", "--limit=3", question});
  CHECK(explained.exit_code == 0);
  CHECK_THAT(explained.err, Catch::Contains("dipnews-search: feedback added "));
  auto plain = run_search({"--db", corpus_db(), "--explain-query", "--feedback=0", "--limit=3", question});
  CHECK(plain.exit_code == 0);
  CHECK_THAT(plain.err, !Catch::Contains("feedback added"));
  // Feedback reorders but never adds: the same articles match either way.
  const auto count = [&](const std::string& feedback) {
    return search_json({"--limit=1000", "--no-collapse", "--feedback=" + feedback, question})["hits"].size();
  };
  CHECK(count("0") == count("5"));
  CHECK(run_search({"--db", corpus_db(), "--feedback=-1", "x"}).exit_code == 2);
  CHECK(run_search({"--db", corpus_db(), "--feedback=101", "x"}).exit_code == 2);
}

TEST_CASE("the default database comes from $DIPNEWS_DB", "[e2e][search]") {
  auto r = test::run_process({DIPNEWS_SEARCH_BIN, "--count", "*"}, "", {"DIPNEWS_DB=" + corpus_db()});
  CHECK(r.exit_code == 0);
  CHECK(std::stoi(r.out) == test::bundled_article_count());
}

TEST_CASE("searcher --help and --version", "[e2e][search]") {
  auto help = run_search({"--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::StartsWith("Usage: dipnews-search"));
  CHECK_THAT(help.out, Catch::Contains("--format"));
  CHECK_THAT(run_search({"--version"}).out, Catch::StartsWith("dipnews-search "));
}

TEST_CASE("batch --jobs: the same output in input order for any number of workers", "[e2e][search]") {
  std::string queries;
  for (int i = 0; i < 60; ++i) {
    const char* words[] = {"ceasefire", "sanctions", "Berlin talks", "actor:nosuchactor", "tariffs", "guarantees"};
    queries.append("q").append(std::to_string(i)).append("\t").append(words[i % 6]).append("\n");
  }
  auto one = run_search({"--db", corpus_db(), "--batch", "-", "--format=jsonl", "--jobs=1"}, queries);
  auto four = run_search({"--db", corpus_db(), "--batch", "-", "--format=jsonl", "--jobs=4"}, queries);
  CHECK(one.exit_code == 1);  // the unknown actor fails every sixth query, and the batch goes on
  CHECK(four.exit_code == 1);
  CHECK(four.out == one.out);
  CHECK(four.err == one.err);
  std::istringstream lines(four.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    const std::string qid = json::parse(line)["qid"];
    CHECK(qid == std::string("q").append(std::to_string(n++)));
  }
  CHECK(n == 60);
  CHECK(run_search({"--db", corpus_db(), "--batch", "-", "--jobs=-2"}, "x\n").exit_code == 2);
}
