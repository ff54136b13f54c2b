#include <catch2/catch.hpp>

#include "unicode_fold.h"

using dipnews::fold_accents;
using dipnews::fold_case_and_accents;

TEST_CASE("Latin letters lose their accents and case, including those with the accent built in", "[unicode_fold]") {
  CHECK(fold_case_and_accents("Élysée") == "elysee");
  CHECK(fold_case_and_accents("Belém") == "belem");
  CHECK(fold_case_and_accents("Straße") == "strasse");
  CHECK(fold_case_and_accents("Łódź Øresund Æsir Đakovo Þingvellir") == "lodz oresund aesir dakovo thingvellir");
  CHECK(fold_case_and_accents("Nguyễn Xuân Phúc") == "nguyen xuan phuc");  // Latin Extended Additional
  CHECK(fold_case_and_accents("İstanbul") == "istanbul");
  CHECK(fold_case_and_accents("Kos\xCC\x8Cice") == "kosice");  // decomposed: s + combining caron
}

TEST_CASE("Compatibility forms fold to their plain letters", "[unicode_fold]") {
  CHECK(fold_case_and_accents("\xEF\xBC\xAE\xEF\xBC\xA1\xEF\xBC\xB4\xEF\xBC\xAF") == "nato");  // full-width
  CHECK(fold_case_and_accents("\xEF\xAC\x81nance") == "finance");                              // fi ligature
}

TEST_CASE("Cyrillic folds case and only yo: short i and Ukrainian yi are letters", "[unicode_fold]") {
  CHECK(fold_case_and_accents("ЛАВРОВ") == "лавров");
  CHECK(fold_case_and_accents("Ёлка") == "елка");
  CHECK(fold_case_and_accents("Зеленський") == "зеленський");
  CHECK(fold_case_and_accents("Київ") == "київ");
}

TEST_CASE("Greek loses its tonos and final sigma; Arabic its vowel points", "[unicode_fold]") {
  CHECK(fold_case_and_accents("Αθήνας") == "αθηνασ");
  CHECK(fold_case_and_accents("مُحَمَّد") == "محمد");
}

TEST_CASE("Scripts whose marks change the word keep them", "[unicode_fold]") {
  CHECK(fold_case_and_accents("が") == "が");        // kana: voiced ga is not ka
  CHECK(fold_case_and_accents("한국") == "한국");    // Hangul syllables are not split into jamo
  CHECK(fold_case_and_accents("हिन्दी") == "हिन्दी");  // Devanagari vowel signs and virama
  CHECK(fold_case_and_accents("习近平") == "习近平");
}

TEST_CASE("fold_accents keeps case and leaves ASCII alone", "[unicode_fold]") {
  CHECK(fold_accents("Élysée AND Belém") == "Elysee AND Belem");
  CHECK(fold_accents("title:\"peace plan\" OR NOT x") == "title:\"peace plan\" OR NOT x");
  CHECK(fold_accents("Ёлка ёлка") == "Елка елка");
  CHECK(fold_accents("Straße") == "Strasse");
}

TEST_CASE("decomposed and compatibility input folds as the composed text", "[unicode_fold]") {
  // "Україна" typed with "і" + U+0308 and "Зеленський" with "и" + U+0306 (NFD).
  CHECK(fold_case_and_accents("\xD0\xA3\xD0\xBA\xD1\x80\xD0\xB0\xD1\x96\xCC\x88\xD0\xBD\xD0\xB0") == "україна");
  CHECK(fold_case_and_accents(
            "\xD0\x97\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81\xD1\x8C\xD0\xBA\xD0\xB8\xD0\xB8\xCC\x86") ==
        "зеленський");
  CHECK(fold_accents("\xD0\x97\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81\xD1\x8C\xD0\xBA\xD0\xB8\xD0\xB8\xCC\x86") ==
        "Зеленський");
  CHECK(fold_accents("\xD0\x95\xCC\x88") == "Е");  // "Е" + diaeresis is "Ё", folded to "Е"
  CHECK(fold_accents("E\xCC\x81lyse\xCC\x81"
                     "e") == "Elysee");
  CHECK(fold_case_and_accents("\xEF\xBD\xB6\xEF\xBE\x9E") == "ガ");  // half-width katakana + voicing mark
  CHECK(fold_case_and_accents("\xE3\x81\x8B\xE3\x82\x99") == "が");  // hiragana + combining voicing mark
}

TEST_CASE("symbols keep their own form: no query syntax from folding", "[unicode_fold]") {
  // ICU's Latin-ASCII would spell these "*", "<<", "(c)", "+/-": operators in a query.
  CHECK(fold_case_and_accents("2×3 «Paix» © ±5") == "2×3 «paix» © ±5");
  CHECK(fold_accents("«l’Élysée»") == "«l’Elysee»");
  // Compatibility forms that would be query syntax stay too (full-width quotes, parentheses).
  CHECK(fold_case_and_accents("\xEF\xBC\x82\xEF\xBD\x8E\xEF\xBD\x81\xEF\xBD\x94\xEF\xBD\x8F\xEF\xBC\x82") ==
        "\xEF\xBC\x82nato\xEF\xBC\x82");
  CHECK(fold_case_and_accents("\xEF\xBC\x88") == "\xEF\xBC\x88");  // full-width "("
  // Others fold as NFKC does: superscripts and fractions to digits.
  CHECK(fold_case_and_accents("km²") == "km2");
  CHECK(fold_case_and_accents("½") ==
        "1\xE2\x81\x84"
        "2");  // 1, fraction slash, 2
}
