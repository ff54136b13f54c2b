#include <catch2/catch.hpp>

#include <chrono>
#include <utility>
#include <vector>

#include "bundled_data.h"
#include "error.h"
#include "input/boilerplate.h"
#include "resource_limits.h"
#include "temp_dir.h"

using namespace dipnews;

TEST_CASE("the bundled patterns drop typical scraped page furniture", "[boilerplate]") {
  const auto& f = test::bundled_boilerplate();
  for (const char* line : {"Unlock the White House Watch newsletter for free",
                           "Recommended",
                           "  RECOMMENDED  ",
                           "Sign up to our Morning Dispatch",
                           "Advertisement",
                           "Share this article",
                           "Follow the topics in this article",
                           "Copyright The Meridian Post 2025. All rights reserved.",
                           "4 min read",
                           "Listen to this article",
                           "Read more: Talks resume in Geneva",
                           "Your guide to what Trump\xE2\x80\x99s second term means for Washington",
                           "Reject all cookies",
                           "This website uses cookies. By continuing to browse you agree.",
                           "This site uses cookies to improve your experience.",
                           "Manage preferences",
                           "Cookie settings",
                           "Privacy policy",
                           "Sign up",
                           "Sign in here",
                           "Copy link",
                           "Show more",
                           "Load more stories",
                           "Story continues below advertisement",
                           "12 comments",
                           "View comments",
                           "Leave a comment"}) {
    INFO(line);
    CHECK(f.is_boilerplate(line));
  }
}

TEST_CASE("the bundled patterns keep real sentences", "[boilerplate]") {
  const auto& f = test::bundled_boilerplate();
  for (const char* line :
       {"Recommended changes to the sanctions regime were tabled on Monday.",
        "Leaders said they would share the costs of the force.", "The newsletter was leaked to reporters.",
        "Subscribers to the plan included France.",
        "Copyright disputes between Washington and Beijing escalated on Monday.",
        "Your guide to the ministers' positions was circulated by the presidency.",
        "Sign up for the coalition was slower than Paris had hoped.",
        "Related: the summit communique omitted any reference to Crimea.",
        "Read more about the plan in the annex, officials said.",
        "Subscribe to the view that sanctions work, and the numbers disappoint.",
        "Follow-up talks are planned for January.", "Comments by the foreign minister drew a sharp reply from Moscow.",
        "Show more flexibility on territory, the envoy urged Kyiv.",
        "Sign up to the plan was slower in the south than in Kyiv.",
        "Privacy policy experts warned about the data-sharing clause.",
        "This site uses cookies and other trackers, regulators found, in breach of EU law.", ""}) {
    INFO(line);
    CHECK_FALSE(f.is_boilerplate(line));
  }
}

TEST_CASE("strip removes boilerplate lines and keeps the rest in order", "[boilerplate]") {
  const auto& f = test::bundled_boilerplate();
  CHECK(f.strip("Unlock the Brief newsletter for free\nFirst line.\nRecommended\nSecond line.") ==
        "First line.\nSecond line.");
}

TEST_CASE("a bad pattern file names the file and line", "[boilerplate]") {
  test::TempDir dir;
  const auto path = dir.write("bad.txt", "# comment\nfine pattern\n(unclosed\n");
  BoilerplateFilter f;
  try {
    f.load_file(path);
    FAIL("no error for a bad pattern");
  } catch (const RuntimeFailure& e) {
    CHECK_THAT(e.what(), Catch::StartsWith(path + ":3: error: bad pattern"));
  }
  CHECK_THROWS_AS(f.load_file(dir / "missing.txt"), RuntimeFailure);
}

TEST_CASE("a hostile pattern file - NUL bytes, overlong and invalid patterns - one error naming FILE:LINE",
          "[boilerplate]") {
  test::TempDir dir;
  const std::string nul("a\0b", 3);
  for (const auto& [content, problem] : std::vector<std::pair<std::string, std::string>>{
           {"fine\n" + nul + "\n", "NUL byte in the pattern"},
           {"fine\n" + std::string(100000, 'x') + "\n",
            "pattern longer than " + limits::describe_bytes(limits::max_boilerplate_pattern_bytes)},
           {"fine\n\xff\xfe\n", "invalid UTF-8"},
           {"fine\n(?=lookahead)\n", "invalid perl operator: (?="},
           {"fine\n(a)\\1\n", "invalid escape sequence: \\1"}}) {
    const auto path = dir.write("bad.txt", content);
    BoilerplateFilter f;
    try {
      f.load_file(path);
      FAIL("no error for " + problem);
    } catch (const RuntimeFailure& e) {
      CHECK(std::string(e.what()) == path + ":2: error: bad pattern: " + problem);
    }
  }
}

TEST_CASE("patterns match in linear time - (a+)+b against a line of a's returns at once", "[boilerplate]") {
  BoilerplateFilter f;
  f.add_pattern("(a+)+b");
  f.add_pattern("(x*)*y");
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(f.is_boilerplate(std::string(38, 'a')));
  CHECK_FALSE(f.is_boilerplate(std::string(239, 'x')));
  CHECK(f.is_boilerplate(std::string(38, 'a') + "b"));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
}

TEST_CASE("patterns: whole line, any case, UTF-8 characters count as one", "[boilerplate]") {
  BoilerplateFilter f;
  f.add_pattern("advertisement|sponsored");  // the alternation as a whole must match the line
  f.add_pattern("\\(c\\) .{3} ltd");
  CHECK(f.is_boilerplate("ADVERTISEMENT"));
  CHECK(f.is_boilerplate("Sponsored"));
  CHECK_FALSE(f.is_boilerplate("advertisement fees rose"));
  CHECK_FALSE(f.is_boilerplate("the sponsored"));
  CHECK(f.is_boilerplate("(c) \xC3\x89t\xC3\xA9 Ltd"));  // "Été": three characters, five bytes
  CHECK_THROWS_AS(f.add_pattern("(unclosed"), BadPattern);
}
