#include <catch2/catch.hpp>

#include "text_tokens.h"

using namespace dipnews;

namespace {
std::vector<std::string> norms(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(text)) out.push_back(t.norm);
  return out;
}
using Words = std::vector<std::string>;
}  // namespace

TEST_CASE("tokens are folded: case, accents, apostrophes, possessives, hyphens, dotted acronyms", "[tokens]") {
  CHECK(norms("Élysée Straße") == Words{"elysee", "strasse"});
  CHECK(norms("Russia's and Ukraine\xE2\x80\x99s leaders") == Words{"russia", "and", "ukraine", "leaders"});
  CHECK(norms("US-led talks") == Words{"us", "led", "talks"});
  CHECK(norms("the U.S. and the U.N.") == Words{"the", "us", "and", "the", "un"});
  CHECK(norms("Côte d'Ivoire") == Words{"cote", "divoire"});
  CHECK(norms("allies' plans") == Words{"allies", "plans"});
  CHECK(norms("Zelenskyy, Zelensky; Zelenskiy.") == Words{"zelenskyy", "zelensky", "zelenskiy"});
  CHECK(norms("Kyiv. A spokesman") == Words{"kyiv", "a", "spokesman"});
  CHECK(norms("Łukasz Ørsted") == Words{"lukasz", "orsted"});
  // Underscores separate words (a garbled wire once made the tokenizer loop forever).
  CHECK(norms("the grop_j9culd make") == Words{"the", "grop", "j9culd", "make"});
  CHECK(norms("_lead __ trail_") == Words{"lead", "trail"});
}

TEST_CASE("tokens keep their source position in bytes and code points", "[tokens]") {
  const std::string text = "L\xC3\xA9on met U.S. envoys";
  const auto t = tokenize(text);
  REQUIRE(t.size() == 4);
  CHECK(t[0].char_begin == 0);
  CHECK(t[0].char_end == 4);
  CHECK(t[0].byte_end == 5);
  CHECK(t[2].norm == "us");
  CHECK(text.substr(t[2].byte_begin, t[2].byte_end - t[2].byte_begin) == "U.S");
  CHECK(t[2].all_caps);
  CHECK(t[2].char_begin == 9);
  CHECK(t[0].capitalised);
  CHECK_FALSE(t[1].capitalised);
}

TEST_CASE("normalize_phrase and upper-case detection", "[tokens]") {
  CHECK(normalize_phrase("  Vladimir   PUTIN ") == "vladimir putin");
  CHECK(fold_case_and_accents("Zelenskyy") == "zelenskyy");
  CHECK(is_mostly_upper_case("THE ALLIES AFTER NASSAU IN DECEMBER 1960, THE U.S. FIRST PROPOSED"));
  CHECK_FALSE(is_mostly_upper_case("The allies after Nassau in December 1960, the US first proposed"));
}

TEST_CASE("tokenize terminates on any mix of separators and keeps offsets ordered", "[tokens]") {
  // Fixed-seed random strings from the characters that have special cases.
  const std::vector<std::string> pieces = {"a", "B", "_", "'",        "\xE2\x80\x99", ".",  "-",  " ",
                                           "s", "U", "1", "\xC3\xA9", "\xCC\x81",     "\n", "S.", "'s"};
  unsigned state = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int k = 0; k < 12; ++k) {
      state = state * 1103515245u + 12345u;
      text += pieces[(state >> 16) % pieces.size()];
    }
    INFO(text);
    const auto tokens = tokenize(text);
    std::size_t last_end = 0;
    for (const auto& t : tokens) {
      CHECK(t.byte_begin >= last_end);
      CHECK(t.byte_end > t.byte_begin);
      CHECK(t.byte_end <= text.size());
      CHECK_FALSE(t.norm.empty());
      last_end = t.byte_end;
    }
  }
}

TEST_CASE("count_word_runs is never fewer than the tokens tokenize() returns", "[tokens]") {
  CHECK(count_word_runs("") == 0);
  CHECK(count_word_runs("a b c") == 3);
  CHECK(count_word_runs("Côte d'Ivoire's U.S.-backed plan") == 8);
  for (const char* text : {"a b c", "Côte d'Ivoire's U.S.-backed plan",
                           "a\xE2\x80\x94"
                           "b\xE2\x80\x94"
                           "c",
                           "x_y z", "O'Brien's 3.5% rise", "  ...  ", "UN/EU talks"}) {
    INFO(text);
    CHECK(count_word_runs(text) >= tokenize(text).size());
  }
}

TEST_CASE("Han and kana characters are tokens of their own; Hangul and Cyrillic words are not split", "[tokens]") {
  CHECK(norms("习近平主席会见普京") == Words{"习", "近", "平", "主", "席", "会", "见", "普", "京"});
  // A name is the phrase of its characters, whatever text surrounds it.
  CHECK(normalize_phrase("习近平") == "习 近 平");
  CHECK(norms("東京タワー") == Words{"東", "京", "タ", "ワ", "ー"});
  CHECK(norms("Xi习近平Putin") == Words{"xi", "习", "近", "平", "putin"});
  CHECK(norms("윤석열 대통령") == Words{"윤석열", "대통령"});
  CHECK(norms("Сергей Лавров") == Words{"сергей", "лавров"});
  // Each character is at a code point of its own: evidence can point at it.
  const auto t = tokenize("会见普京。");
  REQUIRE(t.size() == 4);
  CHECK(t[2].char_begin == 2);
  CHECK(t[2].char_end == 3);
  CHECK(t[2].byte_begin == 6);
  CHECK(t[2].byte_end == 9);
  CHECK_FALSE(t[2].capitalised);
  // Never fewer word runs than tokens (the indexer sizes its work on it).
  CHECK(count_word_runs("习近平主席 met Putin") >= tokenize("习近平主席 met Putin").size());
  // A Han character after a dot is no part of a dotted acronym.
  CHECK(norms("U.习") == Words{"u", "习"});
}

TEST_CASE("decomposed letters are tokens of the composed letter, offsets on the original", "[tokens]") {
  // "Україна Зеленський" with "і" + U+0308 and "и" + U+0306 (NFD).
  const std::string text =
      "\xD0\xA3\xD0\xBA\xD1\x80\xD0\xB0\xD1\x96\xCC\x88\xD0\xBD\xD0\xB0 "
      "\xD0\x97\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81\xD1\x8C\xD0\xBA\xD0\xB8\xD0\xB8\xCC\x86";
  const auto t = tokenize(text);
  REQUIRE(t.size() == 2);
  CHECK(t[0].norm == "україна");
  CHECK(t[1].norm == "зеленський");
  CHECK(t[0].char_end == 8);  // 8 code points in the original, 7 letters composed
  CHECK(t[1].char_begin == 9);
  CHECK(t[1].byte_end == text.size());
  CHECK(t[1].capitalised);
  CHECK(norms("\xEF\xBD\xB6\xEF\xBE\x9E") == Words{"ガ"});  // half-width katakana + voicing mark
}
