#include <catch2/catch.hpp>

#include "input/boilerplate.h"
#include "bundled_data.h"
#include "error.h"
#include "temp_dir.h"

using namespace dipnews;

TEST_CASE("the bundled patterns drop typical scraped page furniture", "[boilerplate]") {
  const auto& f = test::bundled_boilerplate();
  for (const char* line : {"Unlock the White House Watch newsletter for free", "Recommended", "  RECOMMENDED  ",
                           "Sign up to our Morning Dispatch", "Advertisement", "Share this article",
                           "Follow the topics in this article", "Copyright The Meridian Post 2025. All rights reserved.",
                           "4 min read", "Listen to this article", "Read more: Talks resume in Geneva",
                           "Your guide to what Trump\xE2\x80\x99s second term means for Washington",
                           "Reject all cookies", "This website uses cookies. By continuing to browse you agree.",
                           "This site uses cookies to improve your experience.",
                           "Manage preferences", "Cookie settings", "Privacy policy", "Sign up", "Sign in here",
                           "Copy link", "Show more", "Load more stories", "Story continues below advertisement",
                           "12 comments", "View comments", "Leave a comment"}) {
    INFO(line);
    CHECK(f.is_boilerplate(line));
  }
}

TEST_CASE("the bundled patterns keep real sentences", "[boilerplate]") {
  const auto& f = test::bundled_boilerplate();
  for (const char* line : {"Recommended changes to the sanctions regime were tabled on Monday.",
                           "Leaders said they would share the costs of the force.",
                           "The newsletter was leaked to reporters.", "Subscribers to the plan included France.",
                           "Copyright disputes between Washington and Beijing escalated on Monday.",
                           "Your guide to the ministers' positions was circulated by the presidency.",
                           "Sign up for the coalition was slower than Paris had hoped.",
                           "Related: the summit communique omitted any reference to Crimea.",
                           "Read more about the plan in the annex, officials said.",
                           "Subscribe to the view that sanctions work, and the numbers disappoint.",
                           "Follow-up talks are planned for January.",
                           "Comments by the foreign minister drew a sharp reply from Moscow.",
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
