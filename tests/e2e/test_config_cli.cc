// The config file and the recorded dictionaries, through the real binaries: every run gets
// a HOME and an XDG_CONFIG_HOME of its own (never the developer's), and whatever else a
// test sets.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "process.h"
#include "schema.h"
#include "temp_dir.h"

using dipnews::test::ProcessResult;
using dipnews::test::run_process;
using dipnews::test::TempDir;
namespace fs = std::filesystem;

namespace {

using Env = std::vector<std::string>;

// A home of its own, with an XDG_CONFIG_HOME inside that holds no config until a test writes one.
struct Home {
  TempDir dir;
  std::string xdg() const { return dir / "xdg"; }
  Env env() const {
    return {"HOME=" + dir.path().string(), "XDG_CONFIG_HOME=" + xdg(), "DIPNEWS_CONFIG=", "DIPNEWS_DB=", "NO_COLOR="};
  }
};

ProcessResult run(const char* binary, const Home& home, const std::vector<std::string>& args, const Env& env = {},
                  const std::string& input = "") {
  std::vector<std::string> argv{binary};
  argv.insert(argv.end(), args.begin(), args.end());
  Env all = home.env();
  all.insert(all.end(), env.begin(), env.end());  // later entries win
  return run_process(argv, input, all);
}

ProcessResult index(const Home& home, const std::vector<std::string>& args, const Env& env = {},
                    const std::string& input = "") {
  return run(DIPNEWS_INDEX_BIN, home, args, env, input);
}

ProcessResult search(const Home& home, const std::vector<std::string>& args, const Env& env = {}) {
  return run(DIPNEWS_SEARCH_BIN, home, args, env);
}

std::string article(const std::string& id, const std::string& body) {
  return R"({"id":")" + id + R"(","title":"Envoys meet","date":"2025-12-01","body":")" + body + "\"}\n";
}

// An index holding one article of id `id`.
std::string one_article_index(const Home& home, const std::string& path, const std::string& id) {
  const auto r = index(home, {"--quiet", "--db", path, "-"}, {}, article(id, "Envoys discussed a ceasefire."));
  if (r.exit_code != 0) throw std::runtime_error("indexing failed: " + r.err);
  return path;
}

const char* const my_actors =
    "dictionary: actors\n"
    "version: 2026-11-28.1\n"
    "\n"
    "actor: zz-test-envoy\n"
    "type: person\n"
    "name: Zebulon Testenvoy\n";

}  // namespace

TEST_CASE("config precedence: command line, then $DIPNEWS_DB, then the config file", "[config]") {
  Home home;
  const std::string file_db = one_article_index(home, home.dir / "file.db", "from-file");
  const std::string env_db = one_article_index(home, home.dir / "env.db", "from-env");
  const std::string cli_db = one_article_index(home, home.dir / "cli.db", "from-cli");
  const std::string config = home.dir.write("my.conf", "db = file.db\n[search]\nformat = ids\n");
  const Env with_config{"DIPNEWS_CONFIG=" + config};

  CHECK(search(home, {"*"}, with_config).out == "from-file\n");  // the file's db, and its format
  CHECK(search(home, {"*"}, {"DIPNEWS_CONFIG=" + config, "DIPNEWS_DB=" + env_db}).out == "from-env\n");
  CHECK(search(home, {"--db", cli_db, "*"}, {"DIPNEWS_CONFIG=" + config, "DIPNEWS_DB=" + env_db}).out == "from-cli\n");
  CHECK(search(home, {"--format=tsv", "*"}, with_config).out.rfind("1\tfrom-file\t", 0) == 0);  // option beats file
  // --config beats $DIPNEWS_CONFIG.
  const std::string other = home.dir.write("other.conf", "db = cli.db\n[search]\nformat = ids\n");
  CHECK(search(home, {"--config", other, "*"}, with_config).out == "from-cli\n");
  // --print-config says which file, and what overrides what.
  const auto printed = search(home, {"--print-config"}, {"DIPNEWS_CONFIG=" + config, "DIPNEWS_DB=" + env_db});
  CHECK(printed.exit_code == 0);
  CHECK(printed.out == "config file: " + config + " ($DIPNEWS_CONFIG)\n" + config + ":1: db = " + file_db +
                           " (overridden by $DIPNEWS_DB)\n" + config + ":3: [search] format = ids\n");
}

TEST_CASE("the XDG config file: $XDG_CONFIG_HOME/dipnews/config, else ~/.config/dipnews/config", "[config]") {
  Home home;
  const std::string db = one_article_index(home, home.dir / "news.db", "xdg-1");
  fs::create_directories(fs::path(home.xdg()) / "dipnews");
  home.dir.write("xdg/dipnews/config", "db = ../../news.db\n");  // relative to the file's directory
  CHECK(search(home, {"--format=ids", "*"}).out == "xdg-1\n");
  CHECK_THAT(search(home, {"--print-config"}).out,
             Catch::StartsWith("config file: " + home.xdg() + "/dipnews/config ($XDG_CONFIG_HOME/dipnews/config)"));
  // $XDG_CONFIG_HOME unset: ~/.config.
  fs::create_directories(home.dir.path() / ".config/dipnews");
  home.dir.write(".config/dipnews/config", "db = ~/news.db\n");
  CHECK(search(home, {"--format=ids", "*"}, {"XDG_CONFIG_HOME="}).out == "xdg-1\n");
  CHECK(search(home, {"--print-config"}, {"XDG_CONFIG_HOME="})
            .out.rfind("config file: " + (home.dir / ".config/dipnews/config") + " (~/.config/dipnews/config)", 0) ==
        0);
  // None at all: ./dipnews.db as always, and --print-config says where it looked.
  fs::remove_all(home.dir.path() / ".config");
  CHECK(search(home, {"--print-config"}, {"XDG_CONFIG_HOME="}).out ==
        "config file: none (no " + (home.dir / ".config/dipnews/config") + ")\n");
}

TEST_CASE("config errors: file and line, exit 2; --no-config reads none", "[config]") {
  Home home;
  const std::string db = one_article_index(home, home.dir / "news.db", "a-1");
  const std::string bad_line = home.dir.write("bad.conf", "# mine\ndb = news.db\nlimit 5\n");
  const std::string bad_key = home.dir.write("key.conf", "[search]\nlimt = 5\n");
  const std::string bad_value = home.dir.write("value.conf", "[index]\nmemory = 2\n");
  for (const char* bin : {DIPNEWS_INDEX_BIN, DIPNEWS_SEARCH_BIN}) {
    CAPTURE(bin);
    auto r = run(bin, home, {"--print-config"}, {"DIPNEWS_CONFIG=" + bad_line});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(bad_line + ":3: 'limit 5' is not a 'key = value' line"));
    r = run(bin, home, {"--config", home.dir / "missing.conf", "--print-config"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("cannot read config file '" + (home.dir / "missing.conf") +
                                      "': No such file or directory"));
  }
  auto r = search(home, {"--db", db, "*"}, {"DIPNEWS_CONFIG=" + bad_key});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(bad_key + ":2: unknown key 'limt' in [search]"));
  // A typo in the indexer's section is the indexer's to report; the searcher passes over it.
  r = index(home, {"--db", db, "-"}, {"DIPNEWS_CONFIG=" + bad_value}, article("a-2", "More talks."));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(bad_value + ":2: --memory: must be between 16 and 1000000 (MB)"));
  CHECK(search(home, {"--db", db, "--count", "*"}, {"DIPNEWS_CONFIG=" + bad_value}).out == "1\n");
  // --no-config: the bad file is not read at all.
  r = search(home, {"--no-config", "--db", db, "--count", "*"}, {"DIPNEWS_CONFIG=" + bad_line});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "1\n");
}

TEST_CASE("the [index] section: relative paths, boilerplate, switches", "[config]") {
  Home home;
  fs::create_directories(home.dir.path() / "conf");
  home.dir.write("conf/site.txt", "Read more at the Testwire\n");
  const std::string config = home.dir.write("conf/config",
                                            "db = ../news.db\n"
                                            "[index]\n"
                                            "boilerplate = site.txt\n"
                                            "quiet = true\n");
  const std::string text = "Title: Envoys meet\nDate: 2025-12-01\nID: b-1\n\nEnvoys met.\nRead more at the Testwire\n";
  const std::string input = home.dir.write("b-1.txt", text);
  const auto r = index(home, {input}, {"DIPNEWS_CONFIG=" + config});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());                            // quiet = true: no summary line
  CHECK(fs::exists(home.dir.path() / "news.db"));  // ../news.db from conf/
  const auto hit = search(home, {"--db", home.dir / "news.db", "--format=json", "id:b-1"});
  CHECK_THAT(hit.out, Catch::Contains("Envoys met."));
  CHECK_THAT(hit.out, !Catch::Contains("Testwire"));  // dropped by the boilerplate file of the config
}

TEST_CASE("an index refuses a run without the dictionaries it was tagged with", "[config][dictionaries]") {
  Home home;
  const std::string db = home.dir / "news.db";
  const std::string actors = home.dir.write("my.actors", my_actors);
  const std::string first = article("d-1", "Zebulon Testenvoy met envoys in Geneva.");
  auto r = index(home, {"--quiet", "--db", db, "--dictionary", actors, "-"}, {}, first);
  REQUIRE(r.exit_code == 0);
  // The searcher resolves the index's own dictionary without being told.
  CHECK(search(home, {"--db", db, "--format=ids", "actor:zz-test-envoy"}).out == "d-1\n");

  // Without it: refused, naming the file and the ways on; nothing written.
  const std::string second = article("d-2", "Zebulon Testenvoy flew home.");
  r = index(home, {"--db", db, "-"}, {}, first + second);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("index '" + db + "' was tagged with dictionaries this run does not have: " +
                                    actors + " (my.actors@2026-11-28.1)"));
  CHECK_THAT(r.err, Catch::Contains("--retag"));
  CHECK(search(home, {"--db", db, "--count", "*"}).out == "1\n");
  CHECK(search(home, {"--db", db, "--format=ids", "actor:zz-test-envoy"}).out == "d-1\n");

  // Given again (here by the config file, from its copy elsewhere: same content), it goes on.
  fs::create_directories(home.dir.path() / "conf");
  fs::copy_file(actors, home.dir.path() / "conf/moved.actors");
  const std::string config = home.dir.write("conf/config", "dictionary = moved.actors\n");
  r = index(home, {"--quiet", "--db", db, "-"}, {"DIPNEWS_CONFIG=" + config}, first + second);
  CHECK(r.exit_code == 0);
  CHECK(search(home, {"--db", db, "--format=ids", "--sort=oldest", "actor:zz-test-envoy"}).out == "d-1\nd-2\n");

  // The recorded file gone: the searcher says so, and the actor is unknown.
  fs::remove(actors);
  fs::remove(home.dir.path() / "conf/moved.actors");
  r = search(home, {"--db", db, "--count", "*"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("warning: the index was tagged with the dictionary " +
                                    (home.dir / "conf/moved.actors") + " (moved.actors@2026-11-28.1), which is gone"));

  // --retag: the new set (no dictionary of one's own) replaces it, explicitly.
  r = index(home, {"--quiet", "--db", db, "--retag"});
  CHECK(r.exit_code == 0);
  r = search(home, {"--db", db, "--count", "*"});
  CHECK(r.err.empty());
  r = index(home, {"--quiet", "--db", db, "-"}, {}, article("d-3", "Talks."));
  CHECK(r.exit_code == 0);
  CHECK(search(home, {"--db", db, "--count", "*"}).out == "3\n");
}

TEST_CASE("recorded dictionaries: an edited one is used and said; an index from before the record is guarded too",
          "[config][dictionaries]") {
  Home home;
  const std::string db = home.dir / "news.db";
  const std::string actors = home.dir.write("my.actors", my_actors);
  REQUIRE(index(home, {"--quiet", "--db", db, "--dictionary", actors, "-"}, {},
                article("e-1", "Zebulon Testenvoy met envoys in Geneva."))
              .exit_code == 0);
  // Edited since: the search uses it as it is now, and says the index is behind.
  home.dir.write("my.actors", std::string(my_actors) + "alias: Zeb\n");
  auto r = search(home, {"--db", db, "--format=ids", "actor:Zeb"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "e-1\n");
  CHECK_THAT(r.err, Catch::Contains("warning: the dictionary " + actors +
                                    " changed since the index was tagged with "
                                    "my.actors@2026-11-28.1 (dipnews-index --retag brings the index up to date)"));
  // An edited file at its recorded path still stands for itself: the run goes on.
  CHECK(index(home, {"--quiet", "--db", db, "--dictionary", actors, "-"}, {}, article("e-2", "Talks.")).exit_code == 0);
  CHECK(search(home, {"--db", db, "--count", "*"}).err.empty());  // recorded as it is now

  // An index written before dictionaries were recorded names them in its dictionary version only.
  {
    Xapian::WritableDatabase w(db);
    w.set_metadata(dipnews::schema::metadata::dictionaries, "");
    w.commit();
  }
  r = index(home, {"--db", db, "-"}, {}, article("e-3", "More talks."));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("was tagged with dictionaries this run does not have: my.actors@2026-11-28.1;"));
  CHECK(
      index(home, {"--quiet", "--db", db, "--dictionary", actors, "-"}, {}, article("e-3", "More talks.")).exit_code ==
      0);
}
