#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include <xapian.h>

#include "database.h"
#include "error.h"
#include "sample_index.h"
#include "schema.h"
#include "shards.h"

using namespace dipnews;

namespace {

const std::string wire_story =
    "The United States is prepared to give Ukraine security guarantees similar to the collective defence "
    "commitment of the alliance as part of a deal to end the war, officials said on Monday after two days of "
    "talks in Berlin, but the two sides have yet to settle the demand for territory in the east. Envoys met the "
    "president at the chancellery on Sunday and Monday with the chancellor acting as host.";

// Ids that the hash sends to different shards of `shards`.
std::vector<std::string> ids_in_distinct_shards(unsigned shards) {
  std::vector<std::string> ids;
  std::set<unsigned> used;
  for (int i = 0; used.size() < shards; ++i) {
    const std::string id = "copy-" + std::to_string(i);
    if (used.insert(shard_of(id, shards)).second) ids.push_back(id);
  }
  return ids;
}

std::string story_of(const Xapian::Database& db, const std::string& id) {
  auto it = db.postlist_begin(schema::id_term(id));
  REQUIRE(it != db.postlist_end(schema::id_term(id)));
  return db.get_document(*it).get_value(schema::slot::story);
}

}  // namespace

TEST_CASE("stub files: Xapian's lines and remote tcp HOST:PORT - bad lines name FILE:LINE", "[shards]") {
  test::TempDir dir;
  const auto stub = dir.write("news.stub",
                              "# shards of the news index\n"
                              "auto shard-0\n"
                              "glass /srv/news/shard-1\n"
                              "\n"
                              "remote tcp search2.example:33333\n"
                              "remote 10.0.0.7:33334\n"
                              "remote tcp [::1]:33335\n"
                              "remote :ssh search3 xapian-progsrv /srv/news/shard-5\n");
  const auto entries = read_stub(stub);
  REQUIRE(entries.size() == 6);
  CHECK(entries[0].kind == StubEntry::Kind::local);
  CHECK(entries[0].path == dir / "shard-0");  // relative to the stub's directory
  CHECK(entries[0].line == 2);
  CHECK(entries[1].path == "/srv/news/shard-1");
  CHECK(entries[2].kind == StubEntry::Kind::remote_tcp);
  CHECK(entries[2].host == "search2.example");
  CHECK(entries[2].port == 33333);
  CHECK(entries[3].host == "10.0.0.7");
  CHECK(entries[3].port == 33334);
  CHECK(entries[4].host == "::1");
  CHECK(entries[4].describe() == "[::1]:33335");
  CHECK(entries[5].kind == StubEntry::Kind::remote_program);
  CHECK(entries[5].program == "ssh");
  CHECK(entries[5].args == "search3 xapian-progsrv /srv/news/shard-5");

  CHECK_THROWS_WITH(read_stub(dir.write("a.stub", "auto x\nflint y\n")),
                    Catch::Contains("a.stub:2: error: unknown database type 'flint'"));
  CHECK_THROWS_WITH(read_stub(dir.write("b.stub", "remote tcp host\n")), Catch::Contains("b.stub:1: error"));
  CHECK_THROWS_WITH(read_stub(dir.write("c.stub", "remote tcp host:99999\n")), Catch::Contains("port 1-65535"));
  CHECK_THROWS_AS(read_stub(dir / "missing.stub"), RuntimeFailure);
}

TEST_CASE("an article's shard is a fixed function of its id", "[shards]") {
  // Pinned: indexes written by earlier versions route articles the same way.
  CHECK(shard_of("a", 4) == 0);
  CHECK(shard_of("a", 7) == 5);
  CHECK(shard_of("2025-08-16-alaska-summit", 4) == 1);
  CHECK(shard_of("2025-08-16-alaska-summit", 7) == 2);
  CHECK(shard_of("anything", 1) == 0);
  std::vector<int> per_shard(4);
  for (int i = 0; i < 4000; ++i) ++per_shard[shard_of("article-" + std::to_string(i), 4)];
  for (const int n : per_shard) CHECK((n > 900 && n < 1100));
}

TEST_CASE("sharded layout: created with its stub - its number of shards kept - other paths refused", "[shards]") {
  test::TempDir dir;
  const std::string path = dir / "news.db";
  const WriteLayout layout = layout_for_writing(path, 3);
  CHECK(layout.sharded);
  REQUIRE(layout.paths.size() == 3);
  CHECK(layout.paths[2] == path + "/shard-2");
  REQUIRE(stub_file_of(path));
  CHECK(*stub_file_of(path) == path + "/XAPIANDB");

  CHECK(layout_for_writing(path, 0).paths == layout.paths);  // --shards left out: as it is
  CHECK(layout_for_writing(path, 3).paths == layout.paths);
  CHECK(layout_for_writing(path + "/XAPIANDB", 0).paths == layout.paths);  // the stub file itself
  CHECK_THROWS_WITH(layout_for_writing(path, 4), Catch::Contains("has 3 shards, not 4"));

  const std::string plain = test::write_sample_index(dir);
  CHECK_FALSE(layout_for_writing(plain, 0).sharded);
  CHECK_THROWS_WITH(layout_for_writing(plain, 2), Catch::Contains("is a single index, not a sharded one"));

  std::filesystem::create_directory(dir / "other");
  dir.write("other/notes.txt", "x");
  CHECK_THROWS_WITH(layout_for_writing(dir / "other", 2), Catch::Contains("is not a dipnews index"));
  const auto remote = dir.write("remote.stub", "remote tcp localhost:3333\n");
  CHECK_THROWS_WITH(layout_for_writing(remote, 0), Catch::Contains("listing other databases"));
}

TEST_CASE("sharded writer: each article in its id's shard and replaced there - wire copies grouped across shards",
          "[shards][writer]") {
  test::TempDir dir;
  const std::string path = dir / "news.db";
  const auto ids = ids_in_distinct_shards(3);
  std::string edited = "BERLIN (Wire) - " + wire_story;
  edited.replace(edited.find("acting as host"), 14, "who hosted the talks");
  {
    test::IndexRun run(path, {.commit = {100}, .shards = 3});
    CHECK(run.writer().shard_count() == 3);
    CHECK(run.write(test::make_article(ids[0], "Guarantees offered", wire_story)) == WriteOutcome::added);
    run.writer().commit();  // the first copy committed, the next two not: both places are searched
    CHECK(run.write(test::make_article(ids[1], "Berlin talks", edited)) == WriteOutcome::added);
    CHECK(run.write(test::make_article(ids[2], "Berlin talks end", "Agency: " + edited)) == WriteOutcome::added);
    run.writer().commit();
  }
  {
    test::IndexRun run(path);  // the next run: the index's own layout, compared with what it holds
    CHECK(run.write(test::make_article(ids[1], "Berlin talks", edited)) == WriteOutcome::unchanged);
    CHECK(run.write(test::make_article(ids[1], "Berlin talks (updated)", edited)) == WriteOutcome::replaced);
    CHECK(run.write(test::make_article("other", "Loan", "Leaders agreed a loan for Kyiv.")) == WriteOutcome::added);
    run.writer().commit();
  }
  for (unsigned k = 0; k < 3; ++k) {
    const Xapian::Database shard(path + "/shard-" + std::to_string(k));
    for (const auto& id : ids) CHECK(shard.term_exists(schema::id_term(id)) == (shard_of(id, 3) == k));
    CHECK(shard.get_metadata(shard_metadata::key).rfind(std::to_string(k) + "/3 ", 0) == 0);
  }
  const Xapian::Database all = open_for_search({path});
  CHECK(all.get_doccount() == 4);
  for (const auto& id : ids) CHECK(story_of(all, id) == ids[0]);
  CHECK(story_of(all, "other") == "other");

  // Shards put back in the wrong places are refused, not written.
  std::filesystem::rename(path + "/shard-0", path + "/tmp");
  std::filesystem::rename(path + "/shard-1", path + "/shard-0");
  std::filesystem::rename(path + "/tmp", path + "/shard-1");
  CHECK_THROWS_WITH(IndexWriter(path), Catch::Contains("moved or mixed by hand"));
}

TEST_CASE("a database given twice is refused - by two spellings of its path, in a stub, or as a copy", "[shards]") {
  test::TempDir dir;
  const std::string path = dir / "news.db";
  {
    test::IndexRun run(path, {.commit = {100}});
    for (const auto& a : test::sample_articles()) run.write(a);
  }
  CHECK(open_for_search({path}).get_doccount() == test::sample_articles().size());
  CHECK_THROWS_WITH(open_for_search({path, dir / "./news.db"}), Catch::Contains("are the same database"));
  const auto stub = dir.write("twice.stub", "auto news.db\nauto news.db\n");
  CHECK_THROWS_WITH(open_for_search({stub}), Catch::Contains("(listed at " + stub + ":2)"));
  std::filesystem::copy(path, dir / "copy.db");
  CHECK_THROWS_WITH(open_for_search({path, dir / "copy.db"}), Catch::Contains("counted twice"));
}

TEST_CASE("searching shards: every shard's schema checked - one listed twice refused - one missing said", "[shards]") {
  test::TempDir dir;
  const std::string path = dir / "news.db";
  {
    test::IndexRun run(path, {.commit = {100}, .shards = 3});
    for (const auto& a : test::sample_articles()) run.write(a);
    run.writer().commit();
  }
  std::vector<std::string> warnings;
  CHECK(open_for_search({path}, &warnings).get_doccount() == test::sample_articles().size());
  CHECK(warnings.empty());

  open_for_search({path + "/shard-1"}, &warnings);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("1 of the 3 shards") && Catch::Contains("missing: shards 0, 2"));

  const auto twice = dir.write("twice.stub", "auto news.db/shard-0\nauto news.db/shard-1\nauto news.db\n");
  CHECK_THROWS_WITH(open_for_search({twice}), Catch::Contains("are the same shard"));

  {
    Xapian::WritableDatabase last(path + "/shard-2", Xapian::DB_OPEN);
    last.set_metadata(schema::metadata::schema_version, "999");
    last.commit();
  }
  CHECK_THROWS_WITH(open_for_search({path}), Catch::Contains("shard-2' has index schema version 999"));
}
