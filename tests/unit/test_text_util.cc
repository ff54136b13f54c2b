#include <catch2/catch.hpp>

#include "text_util.h"

using namespace dipnews;

TEST_CASE("slugify folds case and punctuation into one canonical term", "[text]") {
  CHECK(slugify("Meridian Post") == "meridian-post");
  CHECK(slugify("  Le Monde (Paris) ") == "le-monde-paris");
  CHECK(slugify("meridian-post") == "meridian-post");
  CHECK(slugify("ÉLYSÉE Palace") == "élysée-palace");
  CHECK(slugify("snake_case") == "snake-case");
  CHECK(slugify("--!!--") == "");
}

TEST_CASE("fold_quotes turns typographic quotes into ASCII ones", "[text]") {
  CHECK(fold_quotes("Trump\xE2\x80\x99s \xE2\x80\x9C" "deal\xE2\x80\x9D") == "Trump's \"deal\"");
  CHECK(fold_quotes("plain 'text'") == "plain 'text'");
  CHECK(fold_quotes("dash \xE2\x80\x94 stays") == "dash \xE2\x80\x94 stays");
}

TEST_CASE("whitespace helpers", "[text]") {
  CHECK(trim("  a b \n") == "a b");
  CHECK(collapse_whitespace("  a \n\n b\tc  ") == "a b c");
  CHECK(starts_with_ci("Title: x", "title:"));
  CHECK_FALSE(starts_with_ci("Tit", "title"));
}

TEST_CASE("UTF-8 helpers count code points and never split a sequence", "[text]") {
  CHECK(utf8_length("Zelensky\xC3\xBF") == 9);
  CHECK(utf8_truncate("ab\xC3\xA9", 3) == "ab");
  CHECK(utf8_truncate("ab\xC3\xA9", 4) == "ab\xC3\xA9");
  CHECK(is_valid_utf8("caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80"));
  CHECK_FALSE(is_valid_utf8("caf\xE9"));        // Latin-1 é
  CHECK_FALSE(is_valid_utf8("\xC3"));           // truncated sequence
  CHECK_FALSE(is_valid_utf8("\x80 stray"));     // continuation byte first
  CHECK_FALSE(is_valid_utf8("\xE2\x80"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong, three bytes
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // UTF-16 surrogate D800
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));       // U+10FFFF itself
  CHECK(is_valid_utf8("\xED\x9F\xBF"));            // U+D7FF, just below the surrogates
}

TEST_CASE("one_line: control characters from the input are shown, never acted on", "[text_util]") {
  CHECK(one_line("in.jsonl:3: error: bad date \"2025\n12-01\"") == "in.jsonl:3: error: bad date \"2025\\n12-01\"");
  CHECK(one_line("a\rb\tc") == "a\\rb\\tc");
  CHECK(one_line("zel\x1b[31minsky\x7f") == "zel\\x1b[31minsky\\x7f");
  CHECK(one_line("Zelenskyy — Зеленський") == "Zelenskyy — Зеленський");  // UTF-8 untouched
}
