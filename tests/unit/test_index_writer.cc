#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <sstream>
#include <vector>

#include <xapian.h>

#include "database.h"
#include "document_data.h"
#include "error.h"
#include "sample_index.h"
#include "schema.h"

using namespace dipnews;

TEST_CASE("writer adds - skips unchanged - replaces changed and removes by id", "[writer]") {
  test::TempDir dir;
  const std::string path = dir / "db";
  Article a = test::make_article("a1", "Title", "Body one.", "2025-12-15", "Meridian Post");
  {
    test::IndexRun run(path, {.commit = {10}});
    CHECK(run.write(a) == WriteOutcome::added);
    run.writer().commit();
  }
  {
    test::IndexRun run(path, {.commit = {10}});
    CHECK(run.write(a) == WriteOutcome::unchanged);
    a.body = "Body two.";
    CHECK(run.write(a) == WriteOutcome::replaced);
    CHECK(run.write(test::make_article("a2", "Other", "Text.")) == WriteOutcome::added);
    CHECK(run.writer().remove("a2"));
    CHECK_FALSE(run.writer().remove("a2"));
    run.writer().commit();
  }
  Xapian::Database db(path);
  CHECK(db.get_doccount() == 1);
  CHECK(db.get_metadata(schema::metadata::schema_version) == std::to_string(schema::version));
  auto pl = db.postlist_begin(schema::id_term("a1"));
  REQUIRE(pl != db.postlist_end(schema::id_term("a1")));
  const Xapian::Document doc = db.get_document(*pl);
  CHECK(decode_document_data(doc.get_data()).body == "Body two.");
  CHECK(doc.get_value(schema::slot::date) == "2025-12-15");
  CHECK(db.term_exists(schema::source_term("Meridian Post")));
  CHECK(db.term_exists("Zbodi"));   // stemmed body word
  CHECK(db.term_exists("Stitle"));  // title: field, unstemmed (phrases)...
  CHECK(db.term_exists("ZStitl"));  // ...and stemmed (ranked search)
}

TEST_CASE("title words weigh twice and the title: field adds nothing to the document length", "[writer]") {
  test::TempDir dir;
  const std::string path = dir / "db";
  {
    test::IndexRun run(path, {.commit = {10}});
    run.write(test::make_article("a1", "peace plan", "talks on the plan went on.", "2025-12-15", "Meridian Post"));
    run.writer().commit();
  }
  Xapian::Database db(path);
  const Xapian::docid docid = *db.postlist_begin(schema::id_term("a1"));
  Xapian::termcount free_text_wdf = 0;
  for (auto t = db.termlist_begin(docid); t != db.termlist_end(docid); ++t) {
    const std::string term = *t;
    if (term.rfind(schema::prefix::title, 0) == 0 || term.rfind(std::string("Z") + schema::prefix::title, 0) == 0) {
      CHECK(t.get_wdf() == 0);  // title: terms...
    } else {
      free_text_wdf += t.get_wdf();
    }
    if (term == "plan") CHECK(t.get_wdf() == schema::title_weight + 1);
  }
  CHECK(db.get_doclength(docid) == free_text_wdf);
  // ...keep their positions, for title: phrases.
  CHECK(db.positionlist_begin(docid, "Splan") != db.positionlist_end(docid, "Splan"));
}

TEST_CASE("a second writer on the same index is refused as busy", "[writer]") {
  test::TempDir dir;
  IndexWriter first(dir / "db");
  CHECK_THROWS_AS(IndexWriter(dir / "db"), DatabaseBusy);
}

TEST_CASE("an index of another schema version is refused for writing and searching", "[writer]") {
  test::TempDir dir;
  {
    Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE);
    db.set_metadata(schema::metadata::schema_version, "999");
    db.add_document(Xapian::Document());
    db.commit();
  }
  CHECK_THROWS_AS(IndexWriter(dir / "db"), RuntimeFailure);
  CHECK_THROWS_WITH(open_for_search({dir / "db"}), Catch::Contains("schema version 999"));
}

TEST_CASE("readers see only committed batches while a writer is still writing", "[writer]") {
  test::TempDir dir;
  const std::string path = dir / "db";
  {
    test::IndexRun run(path, {.commit = {2}});  // commits after every second change
    run.write(test::make_article("c1", "One", "x"));
    run.write(test::make_article("c2", "Two", "x"));
    run.write(test::make_article("c3", "Three", "x"));
    // Reading while the writer is open sees the last commit only: c1 and c2.
    CHECK(Xapian::Database(path).get_doccount() == 2);
  }
}

TEST_CASE("the memory budget commits before the article count does", "[writer]") {
  test::TempDir dir;
  const std::string path = dir / "db";
  // Each article's text is about 20 KB, estimated at 20 bytes a byte (400 KB) in memory:
  // a 1 MB budget commits after the third, long before the 1,000-article interval.
  const std::string text(20000, 'w');
  test::IndexRun run(path, {.commit = {.articles = 1000, .memory_bytes = 1u << 20}});
  for (const char* id : {"m1", "m2", "m3", "m4"}) run.write(test::make_article(id, "Title", text));
  CHECK(Xapian::Database(path).get_doccount() == 3);
}

namespace {

std::string wire_text(const std::string& edit) {
  return "Foreign ministers meeting in Vienna agreed on Tuesday to reopen the grain corridor through the Black Sea, "
         "ending a four month standoff that had pushed wheat prices to their highest level since the spring. Under "
         "the deal, inspectors from both sides will check cargo ships at two ports, and a joint centre in Istanbul "
         "will settle disputes within forty eight hours. " +
         edit;
}

// id -> story of every article of the index (plain or sharded).
std::map<std::string, std::string> stories_of(const std::string& path) {
  const Xapian::Database db = open_for_search({path});
  std::map<std::string, std::string> stories;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    stories[doc.get_value(schema::slot::id)] = doc.get_value(schema::slot::story);
    CHECK(db.term_exists(schema::prefix::story + doc.get_value(schema::slot::story)));
  }
  return stories;
}

}  // namespace

TEST_CASE("a story whose first article leaves is re-keyed - also when its copies are not committed yet", "[writer]") {
  for (const unsigned shards : {0u, 2u}) {
    INFO("shards " << shards);
    test::TempDir dir;
    const std::string path = dir / "db";
    {
      test::IndexRun run(path, {.commit = {100}, .shards = shards});
      run.write(test::make_article("a", "Grain deal", wire_text("")));
      run.write(test::make_article("b", "Grain deal", wire_text("Reuters.")));
      run.write(test::make_article("c", "Grain deal", wire_text("AP.")));
      run.write(test::make_article("d", "Grain deal", wire_text("AFP.")));
      CHECK(run.writer().remove("a"));  // b, c and d follow it, uncommitted
      run.writer().commit();
    }
    CHECK(stories_of(path) == std::map<std::string, std::string>{{"b", "b"}, {"c", "b"}, {"d", "b"}});
    {
      test::IndexRun run(path, {.commit = {100}, .shards = shards});
      CHECK(run.write(test::make_article("b", "Museum",
                                         "A museum of glaciers opened in a mountain village, with ice "
                                         "cores, old maps and photographs of the retreating ice.")) ==
            WriteOutcome::replaced);
      CHECK(run.write(test::make_article("e", "Grain deal", wire_text("DPA."))) == WriteOutcome::added);
      run.writer().commit();
    }
    CHECK(stories_of(path) == std::map<std::string, std::string>{{"b", "b"}, {"c", "c"}, {"d", "c"}, {"e", "c"}});
  }
}

namespace {
std::uint64_t indexed_of(const Xapian::Database& db, const std::string& id) {
  const Xapian::Document doc = db.get_document(*db.postlist_begin(schema::id_term(id)));
  const auto value = schema::parse_indexed_value(doc.get_value(schema::slot::indexed));
  REQUIRE(value);
  return *value;
}
}  // namespace

TEST_CASE("each article written gets a larger indexed value - an unchanged one keeps its own", "[writer]") {
  test::TempDir dir;
  const std::string path = dir / "db";
  Article a = test::make_article("a", "Title", "Body a.");
  {
    test::IndexRun run(path, {.commit = {10}});
    run.write(a);
    run.write(test::make_article("b", "Title", "Body b."));
    run.writer().commit();
  }
  const std::uint64_t first_a = indexed_of(Xapian::Database(path), "a");
  const std::uint64_t first_b = indexed_of(Xapian::Database(path), "b");
  CHECK(first_b > first_a);
  // A value far in the future (a clock set back since): later values still go above it.
  const std::uint64_t future = first_b + 3'600'000'000ull;
  {
    Xapian::WritableDatabase db(path);
    Xapian::Document doc = db.get_document(*db.postlist_begin(schema::id_term("b")));
    doc.add_value(schema::slot::indexed, schema::indexed_value(future));
    db.replace_document(schema::id_term("b"), doc);
    db.commit();
  }
  {
    test::IndexRun run(path, {.commit = {10}});
    CHECK(run.write(a) == WriteOutcome::unchanged);
    run.write(test::make_article("c", "Title", "Body c."));
    run.writer().commit();
  }
  Xapian::Database db(path);
  CHECK(indexed_of(db, "a") == first_a);  // unchanged: not new
  CHECK(indexed_of(db, "c") > future);
  CHECK(schema::parse_indexed_value(db.get_value_upper_bound(schema::slot::indexed)) == indexed_of(db, "c"));
}

namespace {

// id -> every term of its document with its wdf and positions: what a search can see of it.
std::map<std::string, std::string> terms_by_id(const std::string& path) {
  const Xapian::Database db(path);
  std::map<std::string, std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    std::string& terms = out[db.get_document(*it).get_value(schema::slot::id)];
    for (auto t = db.termlist_begin(*it); t != db.termlist_end(*it); ++t) {
      (terms += *t) += ':';
      terms += std::to_string(t.get_wdf());
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) (terms += ',') += std::to_string(*p);
      terms += ' ';
    }
  }
  return out;
}

// The part databases in the work directory of a run writing `index`.
std::size_t parts_begun(const std::filesystem::path& index) {
  std::size_t parts = 0;
  for (const auto& entry : std::filesystem::directory_iterator(index.parent_path())) {
    if (entry.path().filename().string().rfind(index.filename().string() + ".parts-", 0) != 0) continue;
    for (const auto& part : std::filesystem::directory_iterator(entry.path())) parts += part.is_directory();
  }
  return parts;
}

}  // namespace

TEST_CASE("bounded parts: full parts are closed for new ones, and the merge holds every article once", "[writer]") {
  test::TempDir dir;
  const std::string direct = dir / "direct", merged = dir / "merged";
  std::vector<Article> articles;
  for (int i = 0; i < 20; ++i) {
    const std::string n = std::to_string(i);
    articles.push_back(test::make_article(std::string("n").append(n), std::string("Report ").append(n),
                                          std::string("Talks in city number ").append(n).append(" went on late.")));
  }
  {
    test::IndexRun run(direct, {.commit = {2}});
    for (const auto& a : articles) run.write(a);
    run.writer().finish();
  }
  {
    test::IndexRun run(merged, {.commit = {2}, .parts = 2, .part_articles = 3});
    for (const auto& a : articles) run.write(a);
    run.writer().commit();
    // 20 articles, 2 writers, closed at 3 articles (checked at the commit after every 2):
    // far more parts than writers.
    CHECK(parts_begun(merged) >= 6);
    run.writer().finish();
  }
  CHECK(parts_begun(merged) == 0);  // merged and removed
  CHECK(Xapian::Database(merged).get_doccount() == 20);
  CHECK(terms_by_id(merged) == terms_by_id(direct));
}

TEST_CASE("bounded parts: a follower in a closed part is re-keyed where it lives", "[writer]") {
  test::TempDir dir;
  const std::string path = dir / "db";
  {
    test::IndexRun run(path, {.commit = {100}});
    run.write(test::make_article("a", "Grain deal", wire_text("")));
    run.writer().commit();
  }
  {
    // Copies of "a" go to parts closed at every commit; then "a" is rewritten with other text,
    // so that its followers, now in closed parts, get a story of their own.
    test::IndexRun run(path, {.commit = {1}, .parts = 2, .part_articles = 1});
    for (const char* id : {"b", "c", "d"}) {
      CHECK(run.write(test::make_article(id, "Grain deal", wire_text(id))) == WriteOutcome::added);
    }
    CHECK(run.write(test::make_article("a", "Museum",
                                       "A museum of glaciers opened in a mountain village, with ice cores, "
                                       "old maps and photographs of the retreating ice.")) == WriteOutcome::replaced);
    run.writer().finish();
  }
  CHECK(Xapian::Database(path).get_doccount() == 4);  // no follower written twice
  CHECK(stories_of(path) == std::map<std::string, std::string>{{"a", "a"}, {"b", "b"}, {"c", "b"}, {"d", "b"}});
}

namespace {

std::string museum_text(const std::string& edit) {
  return "A museum of glaciers opened in a mountain village on Sunday, with ice cores drilled a century apart, "
         "old survey maps and photographs that show the ice retreating up the valley year after year. " +
         edit;
}

// Every term of the article but its story term, with wdf and positions.
std::string terms_but_story(const std::map<std::string, std::string>& terms, const std::string& id) {
  std::string out;
  std::istringstream in(terms.at(id));
  for (std::string term; in >> term;) {
    if (term.rfind(schema::prefix::story, 0) != 0) (out += term) += ' ';
  }
  return out;
}

}  // namespace

TEST_CASE("a story re-indexed copy after copy: the copies left follow the smallest of them, at every commit",
          "[writer]") {
  for (const unsigned shards : {0u, 2u}) {
    INFO("shards " << shards);
    test::TempDir dir;
    const std::string path = dir / "db";
    const auto id = [](int i) { return std::string(i < 10 ? "c0" : "c") + std::to_string(i); };
    {
      test::IndexRun run(path, {.commit = {100}, .shards = shards});
      for (int i = 0; i < 30; ++i) run.write(test::make_article(id(i), "Grain deal", wire_text(id(i))));
      run.writer().commit();
    }
    std::map<std::string, std::string> old_terms;
    Xapian::rev old_revision = 0;
    if (shards == 0) {
      old_terms = terms_by_id(path);
      old_revision = Xapian::Database(path).get_revision();
    }
    {
      // The story's first half is re-indexed with another story's text, one copy after the
      // other, each the first article of what is left when its turn comes.
      test::IndexRun run(path, {.commit = {4}, .shards = shards});
      for (int i = 0; i < 15; ++i) {
        CHECK(run.write(test::make_article(id(i), "Museum", museum_text(id(i)))) == WriteOutcome::replaced);
        if (i == 3) {
          // The first commit: the four rewritten copies are one story, the others another.
          std::map<std::string, std::string> expected;
          for (int k = 0; k < 30; ++k) expected[id(k)] = k < 4 ? "c00" : "c04";
          CHECK(stories_of(path) == expected);
        }
      }
      run.writer().commit();
    }
    std::map<std::string, std::string> expected;
    for (int k = 0; k < 30; ++k) expected[id(k)] = k < 15 ? "c00" : "c15";
    CHECK(stories_of(path) == expected);
    if (shards == 0) {
      // The followers were re-keyed at the commits the run makes anyway (one every four
      // articles, and the last), not at a commit of their own each time a copy left.
      CHECK(Xapian::Database(path).get_revision() - old_revision <= 4);
      // A follower re-keyed keeps every other term, wdf and position.
      const auto new_terms = terms_by_id(path);
      CHECK(terms_but_story(new_terms, "c20") == terms_but_story(old_terms, "c20"));
      CHECK(new_terms.at("c20").find(std::string(schema::prefix::story) + "c15:") != std::string::npos);
    }
  }
}
