#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "error.h"
#include "saved_searches.h"
#include "temp_dir.h"

using namespace dipnews;
using Words = std::vector<std::string>;

TEST_CASE("saved search lines split their words as the shell does", "[saved]") {
  CHECK(split_shell_words("--limit=5 actor:putin") == Words{"--limit=5", "actor:putin"});
  CHECK(split_shell_words("  a\t b  ") == Words{"a", "b"});
  CHECK(split_shell_words("'actor:\"Volodymyr Zelenskyy\"' x") == Words{"actor:\"Volodymyr Zelenskyy\"", "x"});
  CHECK(split_shell_words("\"a \\\"b\\\" \\\\ c\"") == Words{"a \"b\" \\ c"});
  CHECK(split_shell_words("a\\ b c") == Words{"a b", "c"});
  CHECK(split_shell_words("x''y \"\"") == Words{"xy", ""});
  CHECK(split_shell_words("") == Words{});
  CHECK_FALSE(split_shell_words("'unterminated"));
  CHECK_FALSE(split_shell_words("\"unterminated \\\""));
}

TEST_CASE("saved search names are short file-safe words", "[saved]") {
  for (const char* good : {"ukraine", "brief-2", "a.b_c", "X"}) CHECK(is_saved_search_name(good));
  for (const char* bad : {"", "-x", ".hidden", "a b", "a/b", "é", "a=b"}) {
    INFO(bad);
    CHECK_FALSE(is_saved_search_name(bad));
  }
  CHECK_FALSE(is_saved_search_name(std::string(65, 'a')));
}

namespace {
std::string error_of(const std::string& content) {
  test::TempDir dir;
  try {
    load_saved_searches({dir.write("searches", content), true});
  } catch (const UsageError& e) {
    return e.message();
  }
  return "";
}
}  // namespace

TEST_CASE("a saved searches file: NAME = ARGS lines, comments and blank lines", "[saved]") {
  test::TempDir dir;
  const std::string file = dir.write("searches",
                                     "# morning\n"
                                     "\n"
                                     "ukraine = --sort=newest 'actor:\"Volodymyr Zelenskyy\"' topic:peace-talks\r\n"
                                     "  sudan=country:sdn famine  \n");
  const auto searches = load_saved_searches({file, true});
  REQUIRE(searches.size() == 2);
  CHECK(searches[0].name == "ukraine");
  CHECK(searches[0].line == 3);
  CHECK(searches[0].args == Words{"--sort=newest", "actor:\"Volodymyr Zelenskyy\"", "topic:peace-talks"});
  CHECK(searches[1].name == "sudan");
  CHECK(searches[1].text == "country:sdn famine");
  CHECK(searches[1].where() == file + ":4");
}

TEST_CASE("bad saved search lines are named by file and line", "[saved]") {
  CHECK_THAT(error_of("a = x\nno equals sign\n"), Catch::Contains("searches:2: expected NAME = OPTIONS AND QUERY"));
  CHECK_THAT(error_of("bad name = x\n"), Catch::Contains("searches:1: bad saved search name 'bad name'"));
  CHECK_THAT(error_of("a = x\n\nA = y\na = z\n"),
             Catch::Contains("searches:4: saved search 'a' is already defined at line 1"));
  CHECK_THAT(error_of("a = 'x\n"), Catch::Contains("searches:1: saved search 'a': unterminated quote"));
  CHECK_THAT(error_of("a =   \n"), Catch::Contains("searches:1: saved search 'a' has no options or query"));
}

TEST_CASE("the saved searches file: option, then environment, then XDG", "[saved]") {
  test::TempDir dir;
  const char* home = std::getenv("HOME");
  const std::string old_home = home ? home : "";
  ::setenv("HOME", (dir / "home").c_str(), 1);
  ::unsetenv("DIPNEWS_SAVED_SEARCHES");
  ::unsetenv("XDG_CONFIG_HOME");
  CHECK(saved_searches_file("").path == dir / "home" + "/.config/dipnews/searches");
  CHECK_FALSE(saved_searches_file("").explicit_file);
  CHECK(load_saved_searches(saved_searches_file("")).empty());  // no file: no searches, no error
  ::setenv("XDG_CONFIG_HOME", "relative/ignored", 1);
  CHECK(saved_searches_file("").path == dir / "home" + "/.config/dipnews/searches");
  ::setenv("XDG_CONFIG_HOME", (dir / "xdg").c_str(), 1);
  CHECK(saved_searches_file("").path == dir / "xdg" + "/dipnews/searches");
  ::setenv("DIPNEWS_SAVED_SEARCHES", (dir / "env").c_str(), 1);
  CHECK(saved_searches_file("").path == dir / "env");
  CHECK(saved_searches_file("").explicit_file);
  CHECK(saved_searches_file("opt").path == "opt");
  // A file the user named must exist.
  CHECK_THROWS_WITH(load_saved_searches(saved_searches_file("")), Catch::Contains("cannot read the saved searches"));
  ::unsetenv("DIPNEWS_SAVED_SEARCHES");
  ::unsetenv("XDG_CONFIG_HOME");
  if (home) ::setenv("HOME", old_home.c_str(), 1);
}
