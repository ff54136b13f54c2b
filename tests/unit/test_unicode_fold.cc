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
