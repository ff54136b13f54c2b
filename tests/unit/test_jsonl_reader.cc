#include <catch2/catch.hpp>

#include <sstream>

#include "collecting_sink.h"
#include "input/jsonl_reader.h"
#include "resource_limits.h"

using namespace dipnews;
using namespace std::string_literals;

namespace {
test::CollectingSink read(const std::string& text) {
  std::istringstream in(text);
  test::CollectingSink sink;
  JsonlReader().read(in, "in.jsonl", sink);
  return sink;
}
}  // namespace

TEST_CASE("JSONL: every field docs/reference.md lists is read", "[jsonl]") {
  auto s = read(R"({"id":"a1","title":"T","body":"B","date":"2025-12-15T10:00:00Z","source":"Meridian Post",)"
                R"("url":"https://x.example/a1","language":"en","actors":["ukr"],"topics":["ceasefire"],"extra":1})"
                "\n");
  REQUIRE(s.errors.empty());
  REQUIRE(s.articles.size() == 1);
  const Article& a = s.articles[0];
  CHECK(a.id == "a1");
  CHECK(a.title == "T");
  CHECK(a.body == "B");
  CHECK(a.date == "2025-12-15");
  CHECK(a.source == "Meridian Post");
  CHECK(a.url == "https://x.example/a1");
  CHECK(a.language == "en");
  CHECK(a.actors == std::vector<std::string>{"ukr"});
  CHECK(a.topics == std::vector<std::string>{"ceasefire"});
  CHECK(a.origin_file == "in.jsonl");
  CHECK(a.origin_line == 1);
}

TEST_CASE("JSONL: a bad line is reported with its number and the others still read", "[jsonl]") {
  auto s = read(
      "{\"id\":\"a\",\"body\":\"x\"}\n"
      "\n"
      "{\"id\":\"b\",\"body\":\n"
      "{\"id\":\"c\",\"body\":\"y\"}\r\n");
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].id == "a");
  CHECK(s.articles[1].id == "c");
  CHECK(s.articles[1].origin_line == 4);
  REQUIRE(s.errors.size() == 1);
  CHECK(s.errors[0].line == 3);
  CHECK_THAT(s.errors[0].to_string(), Catch::StartsWith("in.jsonl:3: error: invalid JSON: "));
  CHECK_THAT(s.errors[0].what, !Catch::Contains("json.exception"));
}

TEST_CASE("JSONL: field problems are named", "[jsonl]") {
  struct Case {
    const char* line;
    const char* message;
  };
  const Case cases[] = {
      {R"({"title":"no id","body":"x"})", "missing required field \"id\""},
      {R"({"id":"a"})", "missing required field \"body\""},
      {R"({"id":"a","body":"x","date":"15/12/2025"})", "bad date \"15/12/2025\" (expected YYYY-MM-DD or RFC 3339)"},
      {R"({"id":"a","body":"x","title":3})", "field \"title\" must be a string"},
      {R"({"id":"a","body":"x","actors":"ukr"})", "field \"actors\" must be an array of strings"},
      {R"({"id":"a","body":"x","actors":["ukr",4]})", "field \"actors\" must be an array of strings"},
      {R"(["id","a"])", "expected a JSON object"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    auto s = read(std::string(c.line) + "\n");
    CHECK(s.articles.empty());
    REQUIRE(s.errors.size() == 1);
    CHECK(s.errors[0].what == c.message);
  }
}

TEST_CASE("JSONL: a wire dateline opens the body", "[jsonl]") {
  auto s = read(R"({"id":"r1","body":"Talks resumed.","dateline":"BERLIN, Dec 15"})");
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].body == "BERLIN, Dec 15 - Talks resumed.");
  auto empty = read(R"({"id":"r2","body":"Talks resumed.","dateline":""})");
  CHECK(empty.articles[0].body == "Talks resumed.");
}

TEST_CASE("JSONL: integer ids are accepted as their decimal text - null optional fields are absent", "[jsonl]") {
  auto s = read(R"({"id":42,"body":"x","date":null,"title":null})");
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].id == "42");
  CHECK(s.articles[0].date.empty());
}

TEST_CASE("JSONL: invalid UTF-8 is an error for that line", "[jsonl]") {
  auto s = read("{\"id\":\"a\",\"body\":\"caf\xE9\"}\n");
  CHECK(s.articles.empty());
  REQUIRE(s.errors.size() == 1);
  CHECK(s.errors[0].what == "not valid UTF-8 (convert the file to UTF-8)");  // not nlohmann's echo of the bytes
}

TEST_CASE("JSONL: a line longer than an article may be is skipped unread - the next lines still read", "[jsonl]") {
  const std::string huge = "{\"id\":\"big\",\"body\":\"" + std::string(limits::max_article_bytes, 'x') + "\"}\n";
  auto s = read("{\"id\":\"a\",\"body\":\"x\"}\n" + huge + "{\"id\":\"c\",\"body\":\"z\"}\n");
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[1].origin_line == 3);
  REQUIRE(s.errors.size() == 1);
  CHECK(s.errors[0].line == 2);
  CHECK(s.errors[0].what == "line longer than 16 MiB, the most one article may have");
}

TEST_CASE("JSONL: NUL bytes - a binary file is skipped at its first line - a damaged line alone", "[jsonl]") {
  auto binary = read("\x1f\x8b\x08\0\0\n{\"id\":\"a\",\"body\":\"x\"}\n"s);
  CHECK(binary.articles.empty());
  REQUIRE(binary.errors.size() == 1);
  CHECK(binary.errors[0].what == "binary data (NUL bytes), not JSONL text; file skipped");
  auto damaged = read("{\"id\":\"a\",\"body\":\"x\"}\n\0\0\0\n{\"id\":\"c\",\"body\":\"z\"}\n"s);
  CHECK(damaged.articles.size() == 2);
  REQUIRE(damaged.errors.size() == 1);
  CHECK(damaged.errors[0].line == 2);
  CHECK(damaged.errors[0].what == "NUL bytes in the line (a damaged file?)");
}
