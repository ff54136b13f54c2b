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
  CHECK(fold_quotes("Trump\xE2\x80\x99s \xE2\x80\x9C"
                    "deal\xE2\x80\x9D") == "Trump's \"deal\"");
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
  CHECK_FALSE(is_valid_utf8("caf\xE9"));     // Latin-1 é
  CHECK_FALSE(is_valid_utf8("\xC3"));        // truncated sequence
  CHECK_FALSE(is_valid_utf8("\x80 stray"));  // continuation byte first
  CHECK_FALSE(is_valid_utf8("\xE2\x80"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong, three bytes
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // UTF-16 surrogate D800
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF itself
  CHECK(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
}

TEST_CASE("one_line: control characters from the input are shown, never acted on", "[text_util]") {
  CHECK(one_line("in.jsonl:3: error: bad date \"2025\n12-01\"") == "in.jsonl:3: error: bad date \"2025\\n12-01\"");
  CHECK(one_line("a\rb\tc") == "a\\rb\\tc");
  CHECK(one_line("zel\x1b[31minsky\x7f") == "zel\\x1b[31minsky\\x7f");
  CHECK(one_line("Zelenskyy — Зеленський") == "Zelenskyy — Зеленський");  // UTF-8 untouched
}

TEST_CASE("one_line: C1 controls, bidi controls, line separators and stray bytes are shown escaped", "[text_util]") {
  CHECK(one_line("a\xC2\x9B"
                 "31mb") == "a\\u009b31mb");  // U+009B CSI
  CHECK(one_line("a\xC2\x85"
                 "b") == "a\\u0085b");                                // U+0085 NEL
  CHECK(one_line("x\xE2\x80\xAEtxt.exe") == "x\\u202etxt.exe");       // U+202E RLO
  CHECK(one_line("\xE2\x81\xA6i\xE2\x81\xA9") == "\\u2066i\\u2069");  // isolates
  CHECK(one_line("a\xE2\x80\xA8"
                 "b\xE2\x80\xA9") == "a\\u2028b\\u2029");
  CHECK(one_line("caf\xE9 \x9B") == "caf\\xe9 \\x9b");  // not UTF-8: the bytes
  CHECK(one_line("\xC2\xA0\xE2\x80\x8B\xE2\x80\xA6") ==
        "\xC2\xA0\xE2\x80\x8B\xE2\x80\xA6");  // NBSP, ZWSP, ellipsis stay
}

TEST_CASE("control code points: found, turned into spaces, escaped in JSON text", "[text_util]") {
  CHECK(is_control_code_point(0x0));
  CHECK(is_control_code_point(0x7F));
  CHECK(is_control_code_point(0x85));
  CHECK(is_control_code_point(0x9F));
  CHECK_FALSE(is_control_code_point(0xA0));
  CHECK(is_control_code_point(0x202A));
  CHECK(is_control_code_point(0x202E));
  CHECK_FALSE(is_control_code_point(0x202F));
  CHECK(is_control_code_point(0x2066));
  CHECK(is_control_code_point(0x2069));
  CHECK_FALSE(is_control_code_point(0x206A));
  CHECK(has_control_code_point("id\xC2\x9B"));
  CHECK(has_control_code_point("id\xE2\x80\xAE"));
  CHECK_FALSE(has_control_code_point("id with spaces \xC3\xA9"));
  CHECK_FALSE(has_control_code_point("\x9B"));  // a stray byte is not UTF-8, which is refused elsewhere

  CHECK(controls_to_spaces("a\tb\nc\r\x1b\xC2\x85\xE2\x80\xAEz") == "a b c    z");
  CHECK(controls_to_spaces("a\tb\nc\r\x1b", "\t\n\r") == "a\tb\nc\r ");
  CHECK(controls_to_spaces("caf\xE9 \xC3\xA9") == "caf\xE9 \xC3\xA9");

  CHECK(escape_json_controls("{\"t\":\"a\xC2\x9B\x7F\xE2\x81\xA6\xC3\xA9\\n\"}") ==
        "{\"t\":\"a\\u009b\\u007f\\u2066\xC3\xA9\\n\"}");
}
