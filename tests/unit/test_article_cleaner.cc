#include <catch2/catch.hpp>

#include "bundled_data.h"

#include "input/article_cleaner.h"
#include "resource_limits.h"

using namespace dipnews;

namespace {
Article article(std::string id, std::string body) {
  Article a;
  a.id = std::move(id);
  a.body = std::move(body);
  return a;
}
}  // namespace

TEST_CASE("cleaning drops boilerplate and tidies paragraphs", "[cleaner]") {
  const auto& f = test::bundled_boilerplate();
  Article a = article("  id-1 ", "\n\nFirst.  \nRecommended\n\n\n\nSecond.\nShare this article\n");
  a.title = "  Talks \n resume ";
  a.source = " Meridian   Post ";
  a.language = " EN ";
  REQUIRE_FALSE(clean_article(a, f));
  CHECK(a.id == "id-1");
  CHECK(a.title == "Talks resume");
  CHECK(a.source == "Meridian Post");
  CHECK(a.language == "en");
  CHECK(a.body == "First.\n\nSecond.");
}

TEST_CASE("cleaning rejects what cannot be indexed", "[cleaner]") {
  const auto& f = test::bundled_boilerplate();
  Article only_boilerplate = article("a", "Recommended\nAdvertisement\n");
  CHECK(clean_article(only_boilerplate, f) == "empty article (no title and no body text)");
  Article headline_only = article("b", "");
  headline_only.title = "Flash: talks collapse";
  CHECK_FALSE(clean_article(headline_only, f));
  Article blank_id = article("  ", "x");
  CHECK(clean_article(blank_id, f) == "empty id");
  Article long_source = article("a", "x");
  for (int i = 0; i < 100; ++i) long_source.source += "\xC8\xBA";  // U+023A: 2 bytes, lower case is 3
  CHECK(clean_article(long_source, f) == "source name too long");
  Article bad_language = article("a", "x");
  bad_language.language = std::string(300, 'x');
  CHECK_THAT(*clean_article(bad_language, f), Catch::StartsWith("bad language tag"));
  Article bad_tag = article("a", "x");
  bad_tag.actors = {"ok", "\xFF"};
  CHECK(clean_article(bad_tag, f) == "field \"actors\" is not valid UTF-8");
  Article long_id = article(std::string(201, 'x'), "x");
  CHECK(clean_article(long_id, f) == "id longer than 200 bytes");
  // Ids are printed by every format: no control character of any kind (C0, C1, bidi).
  for (const std::string id : {"a\tb", "a\nb", "a\x1b[2Jb",
                               "a\xC2\x9B"
                               "2Jb",
                               "a\xC2\x85"
                               "b",
                               "a\xE2\x80\xAE"
                               "b",
                               "a\xE2\x81\xA6"
                               "b",
                               "a\xE2\x80\xA8"
                               "b"}) {
    INFO(id);
    Article bad_id = article(id, "x");
    CHECK(clean_article(bad_id, f) == "id contains control characters (C0, C1 or bidi controls)");
  }
  Article spaced_id = article("my notes 2025.html", "x");  // ids from file names have spaces
  CHECK_FALSE(clean_article(spaced_id, f));
  Article latin1 = article("a", "caf\xE9");
  CHECK(clean_article(latin1, f) == "field \"body\" is not valid UTF-8");
}

TEST_CASE("tidy_paragraphs keeps single line breaks and merges blank runs", "[cleaner]") {
  CHECK(tidy_paragraphs("a\nb\n\n\n c \n\n") == "a\nb\n\n c");
  CHECK(tidy_paragraphs("\n \n") == "");
}

// Found by fuzz_article: a human tag becomes a term (XCOUNTRY + its slug); one over Xapian's
// 245 bytes made the writer throw and lost every article since the last commit.
TEST_CASE("a human tag too long to be a term rejects its article - not the run", "[cleaner]") {
  const auto& f = test::bundled_boilerplate();
  Article long_actor = article("a", "x");
  long_actor.actors = {"ukr", std::string(300, 'x')};
  CHECK(clean_article(long_actor, f) ==
        "a tag in field \"actors\" is too long to index (\"" + std::string(40, 'x') + "...\")");
  Article long_topic = article("a", "x");
  long_topic.topics = {std::string(238, 't')};  // XCOUNTRY + 238 bytes = 246
  CHECK_THAT(*clean_article(long_topic, f), Catch::StartsWith("a tag in field \"topics\" is too long"));
  Article longest_ok = article("a", "x");
  longest_ok.actors = {std::string(237, 'a')};  // XCOUNTRY + 237 bytes = 245: still a term
  longest_ok.topics = {std::string(237, 't')};
  CHECK_FALSE(clean_article(longest_ok, f));
}

TEST_CASE("control characters become spaces - an article over the size limit is rejected", "[cleaner]") {
  const auto& f = test::bundled_boilerplate();
  Article controls = article("a", std::string("nul\0here \x1b[31mred\x7f\tand\ttabs\n", 28));
  controls.title = std::string("T\0itle", 6);
  CHECK_FALSE(clean_article(controls, f));
  CHECK(controls.body == "nul here  [31mred \tand\ttabs");
  CHECK(controls.title == "T itle");
  Article big = article("a", std::string(limits::max_article_bytes + 1, 'x'));
  CHECK(clean_article(big, f) == "article longer than 16 MiB, the most one article may have");
}

TEST_CASE("an article of more words than the limit is rejected - title and body together", "[cleaner]") {
  const auto& f = test::bundled_boilerplate();
  std::string words;
  for (std::size_t i = 0; i < limits::max_article_words; ++i) words += "a ";
  Article at_limit = article("a", words);
  CHECK_FALSE(clean_article(at_limit, f));
  Article over = article("a", words);
  over.title = "One";
  CHECK(clean_article(over, f) ==
        "article of more than " + std::to_string(limits::max_article_words) + " words, the most one article may have");
  Article hyphens = article("a", std::string(2 * limits::max_article_words + 2, '-'));
  for (std::size_t i = 0; i < hyphens.body.size(); i += 2) hyphens.body[i] = 'x';  // x-x-x-...: one word each
  CHECK(clean_article(hyphens, f));
}
