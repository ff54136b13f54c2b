#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <sstream>

#include <boost/program_options.hpp>

#include "command_line.h"
#include "config_file.h"
#include "error.h"
#include "temp_dir.h"

using namespace dipnews;
namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// Sets (or, with nullopt, unsets) environment variables for one test, and puts them back.
class ScopedEnv {
 public:
  ScopedEnv(std::initializer_list<std::pair<const std::string, std::optional<std::string>>> values) {
    for (const auto& [name, value] : values) {
      const char* old = std::getenv(name.c_str());
      saved_[name] = old ? std::optional<std::string>(old) : std::nullopt;
      set(name, value);
    }
  }
  ~ScopedEnv() {
    for (const auto& [name, value] : saved_) set(name, value);
  }

 private:
  static void set(const std::string& name, const std::optional<std::string>& value) {
    if (value) setenv(name.c_str(), value->c_str(), 1);
    else unsetenv(name.c_str());
  }
  std::map<std::string, std::optional<std::string>> saved_;
};

const ConfigSchema search_schema = {
    "search", {"db", "dictionary", "limit", "format", "no-snippets"}, {"db", "dictionary"}, {{"db", "DIPNEWS_DB"}}};

// The message of the UsageError `f` throws ("" when it throws none).
template <typename F>
std::string usage_error(F f) {
  try {
    f();
  } catch (const UsageError& e) {
    return e.message();
  }
  return "";
}

// A small option table like the searcher's, parsed with the config file.
struct ToyOptions {
  std::vector<std::string> dbs, dictionaries, words;
  long long limit = 10;
  std::string format = "text";
};

po::options_description toy_table(ToyOptions& o) {
  po::options_description desc;
  desc.add_options()("help,h", "help")("version", "version")("db", po::value(&o.dbs))(
      "dictionary", po::value(&o.dictionaries)->composing())("limit", po::value(&o.limit)->default_value(10))(
      "format", po::value(&o.format)->default_value("text"))("no-snippets", "no snippets");
  return desc;
}

constexpr ProgramInfo toy_program = {"toy", "Usage: toy\n", ""};

std::optional<ParsedCommandLine> parse_toy(ToyOptions& o, std::vector<const char*> args, std::ostream& out) {
  args.insert(args.begin(), "toy");
  return parse_command_line(static_cast<int>(args.size()), args.data(), toy_table(o), search_schema, o.words,
                            toy_program, out);
}

}  // namespace

TEST_CASE("the config file is --config, else $DIPNEWS_CONFIG, else the XDG one when it exists", "[config]") {
  test::TempDir home, xdg;
  fs::create_directories(xdg.path() / "dipnews");
  const std::string xdg_file = xdg.write("dipnews/config", "limit = 3\n");
  ScopedEnv env(
      {{"HOME", home.path().string()}, {"XDG_CONFIG_HOME", xdg.path().string()}, {"DIPNEWS_CONFIG", "/elsewhere/cfg"}});

  CHECK(locate_config_file("mine.cfg", false).path == "mine.cfg");
  CHECK(locate_config_file("mine.cfg", false).found_by == "--config");
  CHECK(locate_config_file("", false).path == "/elsewhere/cfg");
  CHECK(locate_config_file("", true).path.empty());
  CHECK(locate_config_file("", true).found_by == "--no-config");
  {
    ScopedEnv no_env({{"DIPNEWS_CONFIG", ""}});  // empty counts as unset, as DIPNEWS_DB
    CHECK(locate_config_file("", false).path == xdg_file);
    CHECK(locate_config_file("", false).found_by == "$XDG_CONFIG_HOME/dipnews/config");
  }
  {
    // Unset, empty or relative $XDG_CONFIG_HOME: ~/.config (the XDG specification's rule).
    for (const char* value : {"", "relative/dir"}) {
      ScopedEnv no_xdg({{"DIPNEWS_CONFIG", std::nullopt}, {"XDG_CONFIG_HOME", std::string(value)}});
      CHECK(locate_config_file("", false).path.empty());  // no ~/.config/dipnews/config yet
      CHECK_THAT(locate_config_file("", false).found_by, Catch::Contains(home / ".config/dipnews/config"));
      fs::create_directories(home.path() / ".config/dipnews");
      const std::string home_file = home.write(".config/dipnews/config", "");
      CHECK(locate_config_file("", false).path == home_file);
      CHECK(locate_config_file("", false).found_by == "~/.config/dipnews/config");
      fs::remove(home_file);
    }
  }
}

TEST_CASE("config file: shared keys, the binary's section, the other section passed over", "[config]") {
  test::TempDir dir;
  const std::string path = dir.write("config",
                                     "# my settings\n"
                                     "db = news.db   # beside this file\n"
                                     "dictionary = ~/my.actors\n"
                                     "\n"
                                     "[index]\n"
                                     "jobs = 2\n"
                                     "whatever = the indexer checks its own section\n"
                                     "[search]\n"
                                     "  limit=20  \n"
                                     "db = /abs/other.db\r\n");
  ScopedEnv env({{"HOME", "/home/someone"}});
  const auto settings = read_config_file(path, search_schema);
  REQUIRE(settings.size() == 4);
  CHECK(settings[0].key == "db");
  CHECK(settings[0].value == (dir / "news.db"));  // relative to the file's directory
  CHECK(settings[0].line == 2);
  CHECK(settings[0].overridden_by == "[search]");  // the section's own db wins
  CHECK(settings[1].value == "/home/someone/my.actors");
  CHECK(settings[1].overridden_by.empty());
  CHECK(settings[2].section == "search");
  CHECK(settings[2].key == "limit");
  CHECK(settings[2].value == "20");
  CHECK(settings[2].line == 9);
  CHECK(settings[3].value == "/abs/other.db");  // CRLF line ends are whitespace
}

TEST_CASE("config file errors name the file and the line", "[config]") {
  test::TempDir dir;
  auto error_for = [&](const std::string& text) {
    const std::string path = dir.write("config", text);
    return usage_error([&] { read_config_file(path, search_schema); });
  };
  const std::string path = dir / "config";
  CHECK(error_for("db = a.db\n\nlimit 20\n") ==
        path + ":3: 'limit 20' is not a 'key = value' line, a [section] or a # comment");
  CHECK(error_for("[search]\nlimt = 20\n") ==
        path + ":2: unknown key 'limt' in [search] (known: db, dictionary, limit, format, no-snippets)");
  CHECK(error_for("limit = 20\n") == path + ":1: unknown key 'limit' before any section (known: db, dictionary)");
  CHECK_THAT(error_for("db = x\n[serach]\n"), Catch::StartsWith(path + ":2: unknown section [serach]"));
  CHECK_THAT(error_for("[]\n"), Catch::StartsWith(path + ":1: unknown section []"));
  CHECK(error_for("[search]\n = 3\n") == path + ":2: no key before '='");
  CHECK(error_for("\xEF\xBB\xBF[search]\ndb =\n") == path + ":2: db: empty path");
  CHECK_THAT(usage_error([&] { read_config_file(dir / "missing", search_schema); }),
             Catch::Contains("cannot read config file '" + (dir / "missing") + "': No such file or directory"));
  CHECK_THAT(usage_error([&] { read_config_file(dir.path().string(), search_schema); }),
             Catch::Contains("a directory"));
  CHECK(usage_error([&] { read_config_file("/dev/zero", search_schema); }) ==
        "config file '/dev/zero': over 1 MiB, not a config file");
}

TEST_CASE("precedence: command line, then environment, then config file, then defaults", "[config]") {
  test::TempDir dir;
  const std::string config = dir.write("config",
                                       "db = file.db\n"
                                       "dictionary = file.actors\n"
                                       "[search]\n"
                                       "limit = 20\n"
                                       "no-snippets = yes\n");
  std::ostringstream out;
  SECTION("the file's values replace the defaults") {
    ScopedEnv env({{"DIPNEWS_DB", std::nullopt}});
    ToyOptions o;
    const auto parsed = parse_toy(o, {"--config", config.c_str()}, out);
    REQUIRE(parsed);
    CHECK(o.limit == 20);
    CHECK(o.format == "text");
    CHECK(o.dbs == std::vector<std::string>{dir / "file.db"});
    CHECK(parsed->vm.count("no-snippets"));
  }
  SECTION("the command line and the environment win; dictionaries add up") {
    ScopedEnv env({{"DIPNEWS_DB", "env.db"}});
    ToyOptions o;
    const auto parsed = parse_toy(o, {"--config", config.c_str(), "--limit", "5", "--dictionary", "cli.actors"}, out);
    REQUIRE(parsed);
    CHECK(o.limit == 5);
    CHECK(o.dbs.empty());  // $DIPNEWS_DB, read where the database is chosen
    CHECK(o.dictionaries == std::vector<std::string>{"cli.actors", dir / "file.actors"});
    CHECK(parsed->settings[0].overridden_by == "$DIPNEWS_DB");
    CHECK(parsed->settings[2].overridden_by == "--limit");
  }
  SECTION("--no-config reads nothing; --print-config says what is read") {
    ToyOptions o;
    ScopedEnv env({{"DIPNEWS_CONFIG", config}, {"DIPNEWS_DB", std::nullopt}});
    REQUIRE(parse_toy(o, {"--no-config"}, out));
    CHECK(o.limit == 10);
    CHECK_FALSE(parse_toy(o, {"--print-config", "--limit=3"}, out));
    CHECK(out.str() == "config file: " + config + " ($DIPNEWS_CONFIG)\n" + config + ":1: db = " + (dir / "file.db") +
                           "\n" + config + ":2: dictionary = " + (dir / "file.actors") + "\n" + config +
                           ":4: [search] limit = 20 (overridden by --limit)\n" + config +
                           ":5: [search] no-snippets = yes\n");
    CHECK(usage_error([&] {
            parse_toy(o, {"--no-config", "--config", "x"}, out);
          }) == "--config and --no-config do not go together");
  }
}

TEST_CASE("config values are checked with their line", "[config]") {
  test::TempDir dir;
  std::ostringstream out;
  ToyOptions o;
  auto error_for = [&](const std::string& text) {
    const std::string path = dir.write("config", text);
    return usage_error([&] {
      const auto parsed = parse_toy(o, {"--config", path.c_str()}, out);
      parsed->check([&] {
        if (o.limit < 0) throw UsageError("--limit: must be between 0 and 1000000");
      });
    });
  };
  const std::string path = dir / "config";
  CHECK(error_for("[search]\n\nlimit = ten\n") == path + ":3: limit: invalid value 'ten'");
  CHECK(error_for("[search]\nlimit = 1\nlimit = 2\n") == path + ":3: limit: set twice (it takes one value)");
  CHECK(error_for("[search]\nno-snippets = maybe\n") == path + ":2: no-snippets: 'maybe' is not true or false");
  CHECK(error_for("[search]\nformat = csv\nlimit = -4\n") == path + ":3: --limit: must be between 0 and 1000000");
  CHECK(error_for("[search]\nno-snippets = off\n").empty());  // a switch set false is not set
}
