#include <catch2/catch.hpp>

#include "bundled_data.h"

#include <sstream>

#include "collecting_sink.h"
#include "input/text_reader.h"
#include "resource_limits.h"

using namespace dipnews;
using namespace std::string_literals;

namespace {
test::CollectingSink read(const std::string& text, const std::string& path) {
  const BoilerplateFilter& filter = test::bundled_boilerplate();
  std::istringstream in(text);
  test::CollectingSink sink;
  TextReader(filter).read(in, path, sink);
  return sink;
}
}  // namespace

TEST_CASE("text with a header block", "[text_reader]") {
  auto s = read(
      "Title: Talks in Berlin\nDate: 2025-12-16T09:30:00Z\nSource: Atlantic Courier\n"
      "URL: https://ac.example/1\nID: ac-1\nAuthor: ignored\nActors: ukr, deu\n\n"
      "First paragraph.\n\nSecond paragraph.\n",
      "dir/whatever.txt");
  REQUIRE(s.errors.empty());
  REQUIRE(s.articles.size() == 1);
  const Article& a = s.articles[0];
  CHECK(a.id == "ac-1");
  CHECK(a.title == "Talks in Berlin");
  CHECK(a.date == "2025-12-16");
  CHECK(a.source == "Atlantic Courier");
  CHECK(a.url == "https://ac.example/1");
  CHECK(a.actors == std::vector<std::string>{"ukr", "deu"});
  CHECK(a.body == "First paragraph.\n\nSecond paragraph.\n");
}

TEST_CASE("text header: id and date default from the file name", "[text_reader]") {
  auto s = read("Title: T\nSource: S\n\nBody.\n", "corpus/2025-08-16-alaska-summit.md");
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].id == "2025-08-16-alaska-summit");
  CHECK(s.articles[0].date == "2025-08-16");
}

TEST_CASE("raw scraped text: boilerplate skipped - first real line is the title", "[text_reader]") {
  auto s = read(
      "\xEF\xBB\xBFUnlock the Diplomatic Brief newsletter for free\r\n"
      "Sign up to our Morning Dispatch\r\n\r\n"
      "Leaders meet in Berlin\r\nFirst line of the story.\r\nRecommended\r\nSecond line.\r\n",
      "scraped/berlin.txt");
  REQUIRE(s.errors.empty());
  REQUIRE(s.articles.size() == 1);
  const Article& a = s.articles[0];
  CHECK(a.title == "Leaders meet in Berlin");
  CHECK(a.id == "berlin");
  CHECK(a.date.empty());
  // The reader leaves body boilerplate to the cleaner, which treats every format alike.
  CHECK(a.body == "First line of the story.\nRecommended\nSecond line.\n");
}

TEST_CASE("a headline with a colon is not a header", "[text_reader]") {
  auto s = read("Berlin: talks resume on Monday\nBody.\n", "x.txt");
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].title == "Berlin: talks resume on Monday");
  CHECK(s.articles[0].body == "Body.\n");
}

TEST_CASE("text header errors name the line", "[text_reader]") {
  auto bad_date = read("Title: T\nDate: yesterday\n\nBody.\n", "a.txt");
  CHECK(bad_date.articles.empty());
  REQUIRE(bad_date.errors.size() == 1);
  CHECK(bad_date.errors[0].to_string() == "a.txt:2: error: bad date \"yesterday\" (expected YYYY-MM-DD or RFC 3339)");

  auto malformed = read("Title: T\nthis is not a header\n\nBody.\n", "b.txt");
  REQUIRE(malformed.errors.size() == 1);
  CHECK(malformed.errors[0].line == 2);
  CHECK_THAT(malformed.errors[0].what, Catch::StartsWith("malformed header line"));
}

TEST_CASE("text from stdin needs an ID header", "[text_reader]") {
  auto s = read("Title: T\n\nBody.\n", stdin_label);
  CHECK(s.articles.empty());
  REQUIRE(s.errors.size() == 1);
  CHECK_THAT(s.errors[0].what, Catch::Contains("ID"));
}

TEST_CASE("text: a file with NUL bytes is binary - a file over the article limit is not read", "[text_reader]") {
  auto binary = read("Title: T\nID: x\n\nbody\0\n"s, "in/x.txt");
  CHECK(binary.articles.empty());
  REQUIRE(binary.errors.size() == 1);
  CHECK(binary.errors[0].line == 4);
  CHECK(binary.errors[0].what == "binary data (NUL bytes), not text");
  auto big = read(std::string(limits::max_article_bytes + 1, 'x'), "in/big.txt");
  CHECK(big.articles.empty());
  REQUIRE(big.errors.size() == 1);
  CHECK(big.errors[0].line == 0);
  CHECK(big.errors[0].what == "larger than 16 MiB, the most one article may have");
  CHECK(read(std::string(limits::max_article_bytes, 'x'), "in/limit.txt").articles.size() == 1);
}
