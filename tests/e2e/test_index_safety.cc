// Nothing lost, nothing run: what the indexer may write, compact or restart, and
// what an index directory may make a search do. Each case was a defect found by an attack on
// the binaries; docs/reliability.md's hostile-input table lists them.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "cli.h"
#include "temp_dir.h"

using namespace dipnews;
using test::run_index;
using test::run_search;

namespace fs = std::filesystem;

namespace {

const std::string two_articles =
    "{\"id\":\"a1\",\"title\":\"Oil talks\",\"body\":\"oil price talks in vienna\"}\n"
    "{\"id\":\"a2\",\"title\":\"Ceasefire\",\"body\":\"ceasefire holds on the border\"}\n";

std::set<std::string> entries(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

unsigned mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

int count(const std::string& db, const std::string& query = "*") {
  auto r = run_search({"--db", db, "--count", query});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return std::stoi(r.out);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// 1. --compact and foreign directories.

TEST_CASE("safety: --db naming a directory of other files is refused - nothing written, nothing deleted",
          "[e2e][safety]") {
  test::TempDir dir;
  const auto s = dir / "s";
  fs::create_directories(s);
  dir.write("s/today.jsonl", two_articles);
  dir.write("s/notes.txt", "my notes\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--db", s, "--compact", s}, std::vector<std::string>{"--db", s, s},
        std::vector<std::string>{"--db", s, "--compact"}}) {
    auto r = run_index(args);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err == "dipnews-index: '" + s +
                       "' is not a dipnews index: it holds files that are not an index's (notes.txt and today.jsonl); "
                       "refusing to write there (give --db a new or empty directory, or move those out)\n");
    CHECK(entries(s) == std::set<std::string>{"notes.txt", "today.jsonl"});
  }
  // A sub-directory is not an index's either; an empty directory is a new index.
  fs::remove(s + "/notes.txt");
  fs::remove(s + "/today.jsonl");
  fs::create_directories(s + "/keep");
  CHECK(run_index({"--db", s, "-"}, two_articles).exit_code == 1);
  CHECK(fs::exists(s + "/keep"));
  fs::remove(s + "/keep");
  CHECK(run_index({"--db", s, "-"}, two_articles).exit_code == 0);
  // A single-file database (xapian-compact --single-file) is read, never written.
  REQUIRE(std::system(("xapian-compact --single-file " + s + " " + dir / "single.db >/dev/null").c_str()) == 0);
  auto single = run_index({"--db", dir / "single.db", "-"}, two_articles);
  CHECK(single.exit_code == 1);
  CHECK(single.err == "dipnews-index: '" + dir / "single.db" +
                          "' is not a directory: dipnews-index writes an index into a directory (give --db a new or "
                          "empty directory)\n");
  CHECK(count(s) == 2);
}

TEST_CASE("safety: --compact refuses an index beside other files - and keeps modes and a symbolic link",
          "[e2e][safety]") {
  test::TempDir dir;
  const auto db = dir / "real.db";
  REQUIRE(run_index({"--db", db, "-"}, two_articles).exit_code == 0);

  SECTION("a file put into the index directory is never deleted") {
    dir.write("real.db/notes.txt", "mine\n");
    auto r = run_index({"--db", db, "--compact"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("(notes.txt)"));
    CHECK(fs::exists(db + "/notes.txt"));
    CHECK(count(db) == 2);
  }
  SECTION("directory and file modes survive") {
    fs::permissions(db, fs::perms::owner_all, fs::perm_options::replace);
    for (const auto& e : fs::directory_iterator(db)) {
      fs::permissions(e.path(), fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    }
    auto r = run_index({"--db", db, "--compact"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(mode_of(db) == 0700);
    for (const auto& e : fs::directory_iterator(db)) {
      INFO(e.path());
      CHECK(mode_of(e.path()) == 0600);
    }
    CHECK(count(db) == 2);
  }
  SECTION("a symbolic link stays a link to the compacted index") {
    const auto link = dir / "link.db";
    fs::create_directory_symlink("real.db", link);
    auto r = run_index({"--db", link, "--compact"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(fs::is_symlink(link));
    CHECK(fs::read_symlink(link) == "real.db");
    CHECK(count(link) == 2);
    CHECK(entries(dir.path().string()) == std::set<std::string>{"link.db", "real.db"});
  }
  SECTION("the current directory is refused - no copy left beside it") {
    auto r = test::run_process({"/bin/sh", "-c", "cd \"$1\" && exec \"$0\" --db . --compact", DIPNEWS_INDEX_BIN, db});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("while it is the current directory"));
    CHECK(entries(dir.path().string()) == std::set<std::string>{"real.db"});
  }
  SECTION("a copy left by a killed compaction is removed by the next run, its index files only") {
    fs::create_directories(db + ".compacting-999999999");  // no such pid
    dir.write("real.db.compacting-999999999/postlist.glass", "x");
    fs::create_directories(db + ".compacting-999999998");
    dir.write("real.db.compacting-999999998/postlist.glass", "x");
    dir.write("real.db.compacting-999999998/mine.txt", "x");
    fs::create_directories(db + ".compacting-1");  // a live process's (init)
    REQUIRE(run_index({"--db", db, "-"}, two_articles).exit_code == 0);
    CHECK(entries(dir.path().string()) ==
          std::set<std::string>{"real.db", "real.db.compacting-1", "real.db.compacting-999999998"});
    CHECK(entries(db + ".compacting-999999998") == std::set<std::string>{"mine.txt"});
    REQUIRE(run_index({"--db", db, "--compact"}).exit_code == 0);
    CHECK(entries(dir.path().string()) ==
          std::set<std::string>{"real.db", "real.db.compacting-1", "real.db.compacting-999999998"});
  }
  // No run leaves its pid file behind.
  CHECK_FALSE(fs::exists(db + "/dipnews-writer.pid"));
}

// ---------------------------------------------------------------------------------------
// 2. Stub lines that run programs.

TEST_CASE("safety: a stub line 'remote :PROGRAM' runs nothing unless --allow-remote-programs", "[e2e][safety]") {
  test::TempDir dir;
  const auto marker = dir / "PWNED";
  const auto x = dir / "x.db";
  fs::create_directories(x);
  dir.write("x.db/XAPIANDB", "# looks harmless\nremote :/usr/bin/touch " + marker + "\n");
  const std::string refusal =
      "dipnews-search: " + x +
      "/XAPIANDB:2: error: this stub database line would run the program "
      "'/usr/bin/touch' (remote :PROGRAM); refused: a database must not run programs unless you "
      "allow it with --allow-remote-programs\n";
  SECTION("named by --db, searched or listed (bash completion lists actors)") {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--db", x, "oil"}, std::vector<std::string>{"--db", x, "--list-actors"},
          std::vector<std::string>{"--db", x, "--batch", "-"}}) {
      auto r = run_search(args, "oil\n");
      CHECK(r.exit_code == 1);
      CHECK(r.err == refusal);
      CHECK_FALSE(fs::exists(marker));
    }
  }
  SECTION("the default ./dipnews.db") {
    fs::rename(x, dir / "dipnews.db");
    auto r =
        test::run_process({"/bin/sh", "-c", "cd \"$1\" && exec \"$0\" oil", DIPNEWS_SEARCH_BIN, dir.path().string()},
                          "", {"DIPNEWS_DB="});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("dipnews.db/XAPIANDB:2: error: this stub database line would run the program"));
    CHECK_FALSE(fs::exists(marker));
  }
  SECTION("behind a stub listing a stub") {
    dir.write("outer", "auto x.db\n");
    auto r = run_search({"--db", dir / "outer", "oil"});
    CHECK(r.err == refusal);
    CHECK_FALSE(fs::exists(marker));
  }
  SECTION("the indexer never runs one: a stub it did not write, or one put into a shard, is refused") {
    CHECK(run_index({"--db", x, "-"}, two_articles).exit_code == 2);
    const auto s = dir / "s.db";
    REQUIRE(run_index({"--db", s, "--shards", "2", "-"}, two_articles).exit_code == 0);
    fs::remove_all(s + "/shard-1");
    fs::create_directories(s + "/shard-1");
    dir.write("s.db/shard-1/XAPIANDB", "remote :/usr/bin/touch " + marker + "\n");
    auto r = run_index({"--db", s, "-"}, two_articles);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("shard-1' is not a dipnews index: it holds a stub database (XAPIANDB)"));
    CHECK(run_index({"--db", s, "--compact"}).exit_code == 1);
    CHECK(run_search({"--db", s, "oil"}).exit_code == 1);
    CHECK_FALSE(fs::exists(marker));
  }
  SECTION("allowed, the program runs (and, not being a Xapian server, fails)") {
    auto r = run_search({"--db", x, "--allow-remote-programs", "oil"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("cannot reach remote database /usr/bin/touch"));
    CHECK(fs::exists(marker));
  }
  SECTION("remote tcp lines stay allowed") {
    dir.write("x.db/XAPIANDB", "remote tcp 127.0.0.1:1\n");
    auto r = run_search({"--db", x, "oil"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("cannot reach remote database 127.0.0.1:1"));
  }
}

// ---------------------------------------------------------------------------------------
// 3. An index whose creation was killed before its first commit.

namespace {

// What a run SIGKILLed while Xapian creates a glass database leaves (seen with strace
// -e inject=rename:signal=KILL on the first rename of v.tmp to iamglass): the lock file, the
// version file not yet renamed into place, and the first two tables, empty.
void leave_unfinished_index(const test::TempDir& dir, const std::string& name) {
  fs::create_directories(dir / name);
  dir.write(name + "/flintlock", "");
  dir.write(name + "/v.tmp", std::string("\x0f\x0dXapian Glass", 14));
  dir.write(name + "/termlist.glass", "");
  dir.write(name + "/postlist.glass", "");
}

}  // namespace

TEST_CASE("safety: an index killed before its first commit is started again - a search says so", "[e2e][safety]") {
  test::TempDir dir;
  const auto db = dir / "new.db";
  leave_unfinished_index(dir, "new.db");
  auto search = run_search({"--db", db, "oil"});
  CHECK(search.exit_code == 1);
  CHECK(search.err == "dipnews-search: '" + db +
                          "': index was never completed (an indexing run was interrupted before its first commit): "
                          "re-run dipnews-index\n");
  auto r = run_index({"--db", db, "-"}, two_articles);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(count(db) == 2);
  CHECK_FALSE(fs::exists(db + "/v.tmp"));

  SECTION("a file of the user's in it is never taken for a leftover") {
    leave_unfinished_index(dir, "mixed.db");
    dir.write("mixed.db/notes.txt", "mine\n");
    CHECK(run_index({"--db", dir / "mixed.db", "-"}, two_articles).exit_code == 1);
    CHECK(fs::exists(dir / "mixed.db/notes.txt"));
    CHECK(fs::exists(dir / "mixed.db/postlist.glass"));
  }
  SECTION("tables too big for a first commit are a damaged index, kept") {
    leave_unfinished_index(dir, "lost.db");
    dir.write("lost.db/postlist.glass", std::string(2 << 20, 'x'));
    auto lost = run_index({"--db", dir / "lost.db", "-"}, two_articles);
    CHECK(lost.exit_code == 1);
    CHECK_THAT(lost.err, Catch::Contains("without their version file iamglass"));
    CHECK(fs::file_size(dir / "lost.db/postlist.glass") == 2u << 20);
  }
}

TEST_CASE("safety: a sharded index killed before every shard was created is completed by the next run",
          "[e2e][safety]") {
  test::TempDir dir;
  const auto s = dir / "s.db";
  std::string input;
  for (int i = 0; i < 40; ++i)
    input += "{\"id\":\"n" + std::to_string(i) + "\",\"body\":\"oil talks " + std::to_string(i) + "\"}\n";
  REQUIRE(run_index({"--db", s, "--shards", "4", "-"}, input).exit_code == 0);

  SECTION("a shard created halfway, the shards after it missing") {
    fs::remove_all(s + "/shard-2");
    fs::remove_all(s + "/shard-3");
    leave_unfinished_index(dir, "s.db/shard-2");
    auto search = run_search({"--db", s, "oil"});
    CHECK(search.exit_code == 1);
    CHECK_THAT(search.err, Catch::Contains("shard-2': index was never completed"));
    fs::remove_all(s + "/shard-2");
    search = run_search({"--db", s, "oil"});
    CHECK(search.err == "dipnews-search: '" + s +
                            "': index was never completed (an indexing run was interrupted before its first commit): "
                            "re-run dipnews-index\n");
    leave_unfinished_index(dir, "s.db/shard-2");
  }
  SECTION("only the stub's temporary file written") {
    fs::remove_all(s);
    fs::create_directories(s);
    dir.write("s.db/XAPIANDB.new", "# dipnews-index --shards 4");
    CHECK_THAT(run_search({"--db", s, "oil"}).err, Catch::Contains("index was never completed"));
  }
  auto r = run_index({"--db", s, "--shards", "4", "-"}, input);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(count(s) == 40);
}

// ---------------------------------------------------------------------------------------
// 8. One shard of a sharded index.

TEST_CASE("safety: --db naming one shard of a sharded index is refused", "[e2e][safety]") {
  test::TempDir dir;
  const auto s = dir / "s.db";
  REQUIRE(run_index({"--db", s, "--shards", "3", "-"}, two_articles).exit_code == 0);
  auto r = run_index({"--db", s + "/shard-1", "-"}, "{\"id\":\"x\",\"body\":\"oil\"}\n");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("shard-1' is shard 1 of 3 of a sharded index: index into the whole index"));
  CHECK(count(s) == 2);
}

// ---------------------------------------------------------------------------------------
// 4. A damaged index.

namespace {

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("safety: a damaged index is checked before anything is written - never written on", "[e2e][safety]") {
  test::TempDir dir;
  const auto db = dir / "c.db";
  REQUIRE(run_index({"--db", db, "--quiet", DIPNEWS_CORPUS_DIR}).exit_code == 0);
  // The run recorded the state of the files it left: the next run checks only if they changed.
  CHECK_THAT(file_bytes(db + "/dipnews-checked"), Catch::Contains("\nposition.glass "));
  // 200 random bytes in each block of the positional table (Xapian 1.4 crashed in commit()
  // on such damage: SIGSEGV, double free, or an endless loop).
  {
    std::fstream table(db + "/position.glass", std::ios::in | std::ios::out | std::ios::binary);
    const auto size = static_cast<std::streamoff>(fs::file_size(db + "/position.glass"));
    std::uint32_t state = 17;
    for (std::streamoff block = 0; block + 8192 <= size; block += 8192) {
      table.seekp(block + 1000);
      for (int i = 0; i < 200; ++i) {
        state = state * 1664525u + 1013904223u;
        table.put(static_cast<char>(state >> 24));
      }
    }
  }
  std::map<std::string, std::string> before;
  for (const auto& e : fs::directory_iterator(db)) before[e.path().filename().string()] = file_bytes(e.path().string());

  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--db", db, "-"}, std::vector<std::string>{"--db", db, "--compact"},
        std::vector<std::string>{"--db", db, "--delete", "x"}}) {
    auto r = run_index(args, "{\"id\":\"more\",\"body\":\"oil talks\"}\n");
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::StartsWith("dipnews-index: '" + db + "': index is corrupt: "));
    CHECK_THAT(r.err,
               Catch::EndsWith(" (run xapian-check " + db +
                               " for details; rebuild it with dipnews-index into a new --db); nothing was written\n"));
  }
  std::map<std::string, std::string> after;
  for (const auto& e : fs::directory_iterator(db)) after[e.path().filename().string()] = file_bytes(e.path().string());
  CHECK(after == before);
}
