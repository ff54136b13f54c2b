// Errors that named neither the cause nor the way out: a
// path too long for Linux ("cannot open file"), a directory the indexer cannot create ("mkdir
// failed"), and more shards than the limit of open files allows ("Couldn't open
// postlist.glass"). docs/reliability.md's hostile-input table lists them.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli.h"
#include "temp_dir.h"

using namespace dipnews;
using test::run_index;
using test::run_search;

namespace fs = std::filesystem;

namespace {

const std::string one_article = "{\"id\":\"a1\",\"title\":\"Oil talks\",\"body\":\"oil price talks in vienna\"}\n";

// Creates `levels` nested directories of `name` under `dir` and a file `file` at the bottom,
// one level at a time through directory descriptors: the whole path may exceed PATH_MAX,
// which no single system call accepts. Returns the whole path as a string.
std::string make_deep_file(const std::string& dir, const std::string& name, int levels, const std::string& file,
                           const std::string& content) {
  int fd = ::open(dir.c_str(), O_DIRECTORY | O_RDONLY);
  REQUIRE(fd >= 0);
  std::string path = dir;
  for (int i = 0; i < levels; ++i) {
    REQUIRE(::mkdirat(fd, name.c_str(), 0755) == 0);
    const int next = ::openat(fd, name.c_str(), O_DIRECTORY | O_RDONLY);
    ::close(fd);
    REQUIRE(next >= 0);
    fd = next;
    path += "/" + name;
  }
  const int out = ::openat(fd, file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::close(fd);
  REQUIRE(out >= 0);
  REQUIRE(::write(out, content.data(), content.size()) == static_cast<ssize_t>(content.size()));
  ::close(out);
  return path + "/" + file;
}

// Runs BINARY ARGS under `ulimit -n LIMIT` (soft and hard alike, as the shell's ulimit -n sets
// them), or `ulimit -Sn LIMIT` (the soft limit only) when `soft_only`.
test::ProcessResult run_limited(const char* binary, unsigned limit, bool soft_only,
                                const std::vector<std::string>& args) {
  std::vector<std::string> argv{
      "/bin/sh", "-c",
      std::string("ulimit ") + (soft_only ? "-Sn " : "-n ") + std::to_string(limit) + " && exec \"$@\"", "sh", binary};
  argv.insert(argv.end(), args.begin(), args.end());
  return test::run_process(argv);
}

rlim_t hard_file_limit() {
  rlimit limit{};
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
  return limit.rlim_max;
}

}  // namespace

TEST_CASE("errors: a path too long is named so, with the limit it breaks - not 'cannot open file'", "[e2e][errors]") {
  test::TempDir dir;
  const std::string long_name(300, 'n');

  SECTION("a file in a directory tree deeper than PATH_MAX") {
    const std::string deep = dir / "deep";
    fs::create_directory(deep);
    const std::string file =
        make_deep_file(deep, std::string(250, 'd'), 16, std::string(200, 'f') + ".jsonl", one_article);
    REQUIRE(file.size() >= PATH_MAX);
    auto r = run_index({"--db", dir / "db", deep});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(": error: cannot open file: File name too long: the path has " + std::to_string(file.size()) +
                     " bytes, Linux takes at most " + std::to_string(PATH_MAX - 1)) != std::string::npos);
    CHECK(test::summary_counts(r.err) == test::Counts{0, 0, 0, 0, 1});
    test::run_process({"rm", "-rf", deep});  // rm walks by descriptors; TempDir's remove_all cannot
  }
  SECTION("a file named on the command line") {
    const std::string file = dir / (long_name + ".jsonl");
    auto r = run_index({"--db", dir / "db", file});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(file + ": error: cannot read: File name too long: one name in the path has 306 bytes, a file "
                            "name at most 255") != std::string::npos);
  }
  SECTION("--delete-from") {
    auto r = run_index({"--db", dir / "db", "--delete-from", dir / long_name});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(dir / long_name + ": error: cannot open file: File name too long: one name in the path has 300 "
                                       "bytes, a file name at most 255") != std::string::npos);
  }
  SECTION("--db") {
    const std::string db = dir / long_name;
    auto r = run_index({"--db", db, "-"}, one_article);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    const std::string expected = "': File name too long: one name in the path has 300 bytes, a file name at most 255";
    CHECK(r.err.find(db + expected) != std::string::npos);
    auto s = run_search({"--db", db, "oil"});
    INFO(s.err);
    CHECK(s.exit_code == 1);
    CHECK(s.err.find("cannot read '" + db + expected) != std::string::npos);  // not "no database at"
  }
}

TEST_CASE("errors: an index directory that cannot be created says which and why - not 'mkdir failed'",
          "[e2e][errors]") {
  test::TempDir dir;
  dir.write("file", "not a directory\n");

  SECTION("its parent does not exist") {
    const std::string db = dir / "missing/sub/news.db";
    auto r = run_index({"--db", db, "-"}, one_article);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cannot create the directory '" + db + "': its parent directory '" + dir / "missing/sub" +
                     "' does not exist (create it first)") != std::string::npos);
    CHECK(r.err.find("mkdir failed") == std::string::npos);
    CHECK_FALSE(fs::exists(dir / "missing"));
  }
  SECTION("a file stands where its parent should be") {
    const std::string db = dir / "file/news.db";
    for (const bool sharded : {false, true}) {
      std::vector<std::string> args{"--db", db, "-"};
      if (sharded) args.insert(args.begin(), {"--shards", "2"});
      auto r = run_index(args, one_article);
      INFO((sharded ? "--shards 2: " : "") << r.err);
      CHECK(r.exit_code == 1);
      CHECK(r.err.find("cannot create the directory '" + db + "': '" + dir / "file" + "' is not a directory") !=
            std::string::npos);
    }
  }
  SECTION("no write permission (as nobody, when root)") {
    const std::string as_nobody = std::string("runuser -u nobody -- test -x ") + DIPNEWS_INDEX_BIN + " 2>/dev/null";
    if (::geteuid() != 0 || ::system(as_nobody.c_str()) != 0) {
      WARN("skipped: needs root, runuser, and a binary the user nobody can run");
      return;
    }
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec);
    fs::create_directory(dir / "locked");
    fs::permissions(dir / "locked", fs::perms::owner_all | fs::perms::others_exec | fs::perms::others_read);
    const std::string db = dir / "locked/news.db";
    auto r = test::run_process(
        {"/bin/sh", "-c", "exec runuser -u nobody -- \"$@\"", "sh", DIPNEWS_INDEX_BIN, "--db", db, "-"}, one_article);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cannot create the directory '" + db + "': Permission denied (no write permission in '" +
                     dir / "locked" + "')") != std::string::npos);
  }
}

TEST_CASE("errors: more shards than open files allow are refused before anything is written, with the numbers",
          "[e2e][errors]") {
  test::TempDir dir;
  const std::string input = dir.write("a.jsonl", one_article);

  SECTION("a new --shards index") {
    auto r = run_limited(DIPNEWS_INDEX_BIN, 256, false, {"--db", dir / "s", "--shards", "40", input});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("too many open files: --shards 40 needs about 40 x 14 = 560 open files to index, over this "
                     "process's limit of 256 (ulimit -n, raised to the hard limit): raise it (ulimit -n 1024) or use "
                     "fewer shards") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "s"));  // nothing half made
  }
  SECTION("an existing sharded index, indexed into and searched") {
    REQUIRE(run_index({"--db", dir / "s", "--shards", "20", input}).exit_code == 0);
    {
      auto r = run_limited(DIPNEWS_INDEX_BIN, 128, false, {"--db", dir / "s", input});
      INFO(r.err);
      CHECK(r.exit_code == 1);
      CHECK(r.err.find("too many open files: '" + dir / "s" +
                       "' of 20 shards needs about 20 x 14 = 280 open files to index into it") != std::string::npos);
    }
    // The shards holding no article keep fewer files open than 5: 24 is too few for 20 all the same.
    auto s = run_limited(DIPNEWS_SEARCH_BIN, 24, false, {"--db", dir / "s", "--count", "oil"});
    INFO(s.err);
    CHECK(s.exit_code == 1);
    CHECK(s.err.find("too many open files: '" + dir / "s/shard-") != std::string::npos);
    CHECK(s.err.find("of this search, each keeping about 5 open, over this process's limit of 24 (ulimit -n") !=
          std::string::npos);
  }
  SECTION("a low soft limit under a higher hard one is raised, as far as the hard limit allows") {
    if (hard_file_limit() < 2048) {
      WARN("skipped: the hard limit of open files is under 2048");
      return;
    }
    auto r = run_limited(DIPNEWS_INDEX_BIN, 64, true, {"--db", dir / "s", "--shards", "40", input});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    auto s = run_limited(DIPNEWS_SEARCH_BIN, 64, true, {"--db", dir / "s", "--count", "oil"});
    INFO(s.err);
    CHECK(s.exit_code == 0);
    CHECK(s.out == "1\n");
  }
}
