// Languages (docs/reference.md, Text and languages): detection, the analysis table, free
// text folded and analysed per language at index and query time, and old indexes refused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "database.h"
#include "error.h"
#include "input/language_detection.h"
#include "language.h"
#include "lazy_dictionary.h"
#include "query/query_folding.h"
#include "query/query_languages.h"
#include "sample_index.h"
#include "schema.h"
#include "search.h"
#include "unicode_fold.h"

using namespace dipnews;

namespace {

// Two or three sentences of news in each language, written for these tests.
const std::pair<const char*, const char*> sentences[] = {
    {"en",
     "The foreign ministers met in Geneva on Tuesday to discuss a ceasefire and the exchange of prisoners. "
     "Both delegations said the talks had been difficult but useful."},
    {"ru",
     "Министр иностранных дел России Сергей Лавров во вторник встретился в Женеве с коллегами. "
     "Стороны обсудили прекращение огня и обмен пленными, переговоры продолжатся на следующей неделе."},
    {"uk",
     "Міністр закордонних справ України заявив, що переговори у Женеві були складними. "
     "Сторони обговорили припинення вогню та обмін полоненими, наступна зустріч відбудеться через тиждень."},
    {"fr",
     "Les ministres des Affaires étrangères se sont réunis mardi à Genève pour discuter d'un cessez-le-feu. "
     "Les deux délégations ont jugé les négociations difficiles mais utiles."},
    {"de",
     "Die Außenminister trafen sich am Dienstag in Genf, um über einen Waffenstillstand zu beraten. "
     "Beide Delegationen nannten die Gespräche schwierig, aber nützlich."},
    {"es",
     "Los ministros de Asuntos Exteriores se reunieron el martes en Ginebra para discutir un alto el fuego. "
     "Ambas delegaciones calificaron las conversaciones de difíciles pero útiles."},
    {"ar",
     "اجتمع وزراء الخارجية يوم الثلاثاء في جنيف لمناقشة وقف إطلاق النار وتبادل الأسرى. "
     "وقال الوفدان إن المحادثات كانت صعبة لكنها مفيدة."},
    {"zh", "各国外交部长星期二在日内瓦举行会谈，讨论停火和交换战俘问题。双方代表团表示，会谈虽然艰难，但很有益处。"},
};

std::vector<std::string> ids_of(const SearchResult& result) {
  std::vector<std::string> out;
  for (const auto& hit : result.hits) out.push_back(hit.article.id);
  return out;
}

SearchRequest request(std::string text) {
  SearchRequest r;
  r.text = std::move(text);
  r.default_op = DefaultOp::all;
  return r;
}

// English articles (the sample index's) and the articles in other languages given.
std::string write_index(const test::TempDir& dir, const std::vector<Article>& others, bool english = true) {
  const std::string path = dir / "index.db";
  test::IndexRun run(path, {.commit = {100}});
  if (english) {
    for (const auto& a : test::sample_articles()) run.write(a);
  }
  for (const auto& a : others) run.write(a);
  run.writer().commit();
  return path;
}

Article in_language(std::string id, std::string title, std::string body, std::string language = "") {
  Article a = test::make_article(std::move(id), std::move(title), std::move(body));
  a.language = std::move(language);
  return a;
}

}  // namespace

TEST_CASE("CLD2 finds each language of the table in a few sentences", "[languages]") {
  for (const auto& [code, text] : sentences) {
    INFO(code);
    CHECK(detect_language("", text) == code);
  }
}

TEST_CASE("too little text, or text in no language, leaves the language unknown", "[languages]") {
  CHECK(detect_language("Talks", "").empty());
  CHECK(detect_language("", "1234 5678 9012 3456 7890 1234 5678 9012 3456 7890 12").empty());
  CHECK(detect_language("", "\xff\xfe not UTF-8 at all, but long enough to be read by the detector").empty());
}

TEST_CASE("detection reads whole characters: a cut backs up only from inside one", "[languages]") {
  // Not cut: the last character stays, multi-byte or not.
  CHECK(detection_prefix("Київ") == "Київ");
  // Cut exactly between two-byte characters: all of them kept.
  std::string cyrillic;
  while (cyrillic.size() < max_detection_bytes) cyrillic += "а";
  CHECK(detection_prefix(cyrillic + "б") == cyrillic);
  // Cut inside one: back to its first byte.
  const std::string shifted = "x" + cyrillic;
  CHECK(detection_prefix(shifted) == shifted.substr(0, max_detection_bytes - 1));
}

TEST_CASE("CLD2's codes are stored as ISO 639-1 codes without region or script", "[languages]") {
  CHECK(normalise_detected_code("zh-Hant") == "zh");
  CHECK(normalise_detected_code("iw") == "he");
  CHECK(normalise_detected_code("en") == "en");
  CHECK(normalise_detected_code("haw") == "haw");
}

TEST_CASE("the analysis table: stemmers Xapian has, none for Ukrainian, n-grams for CJK", "[languages]") {
  CHECK(analysis_of_language("ru").stemmer == "russian");
  CHECK(analysis_of_language("fr-CA").stemmer == "french");
  CHECK(analysis_of_language("DE").stemmer == "german");
  CHECK(analysis_of_language("es").stemmer == "spanish");
  CHECK(analysis_of_language("ar").stemmer == "arabic");
  CHECK(analysis_of_language("uk").name == "ukrainian");
  CHECK(analysis_of_language("uk").stemmer == "russian");  // Xapian has no Ukrainian one
  for (const char* cjk : {"zh", "zh-Hant", "ja", "ko"}) {
    CHECK(analysis_of_language(cjk).cjk);
    CHECK(analysis_of_language(cjk).stemmer.empty());
  }
  // No language, or one without its own analysis: English, as before languages.
  CHECK(&analysis_of_language("") == &default_analysis());
  CHECK(&analysis_of_language("pt-BR") == &default_analysis());
  CHECK(default_analysis().stemmer == "english");
  // Every stemmer named is one this Xapian has (an unknown name throws).
  for (const auto& analysis : analyses()) {
    if (!analysis.stemmer.empty()) CHECK_NOTHROW(Xapian::Stem(std::string(analysis.stemmer)));
  }
  CHECK_THROWS(Xapian::Stem("ukrainian"));
}

namespace {

// Lines of word forms (one word per line) from a table of tests/data/languages.
std::vector<std::vector<std::string>> forms_table(const std::string& name) {
  std::ifstream in(std::string(DIPNEWS_SOURCE_DIR) + "/tests/data/languages/" + name);
  std::vector<std::vector<std::string>> words;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream forms(line);
    words.emplace_back(std::istream_iterator<std::string>(forms), std::istream_iterator<std::string>());
  }
  return words;
}

}  // namespace

// The measure behind Ukrainian's stemmer (common/language.h): pairs of forms of one word that
// become one term, and pairs of different words that do (none may).
TEST_CASE("the Russian stemmer merges Ukrainian word forms and keeps words apart", "[languages]") {
  const auto words = forms_table("ukrainian-forms.tsv");
  REQUIRE(words.size() >= 20);
  Xapian::Stem stem = stemmer_of(analysis_of_language("uk"));
  std::size_t pairs = 0, merged = 0, apart = 0, wrongly_merged = 0;
  for (std::size_t a = 0; a < words.size(); ++a) {
    for (std::size_t i = 0; i < words[a].size(); ++i) {
      for (std::size_t j = i + 1; j < words[a].size(); ++j) {
        ++pairs;
        merged += stem(words[a][i]) == stem(words[a][j]);
      }
      for (std::size_t b = a + 1; b < words.size(); ++b) {
        for (const auto& other : words[b]) {
          ++apart;
          wrongly_merged += stem(words[a][i]) == stem(other);
        }
      }
    }
  }
  // Unstemmed, no pair merges; measured: 108 of 229 pairs (47%), none of 6,674 wrongly.
  CHECK(merged * 100 >= pairs * 40);
  CHECK(wrongly_merged == 0);
  CHECK(apart > 5000);
}

// The measure behind the Russian surname fix (common/language.cc): forms of one word that
// become one term, and different words that do. The only merges of different words allowed
// are a surname or city in -ов and the word it is made of (Петров/Пётр, Ростов/рост,
// Лавров/лавр), which Snowball itself merges in the nominative.
TEST_CASE("the Russian stemmer merges surname forms without merging other words", "[languages]") {
  const auto words = forms_table("russian-forms.tsv");
  REQUIRE(words.size() >= 25);
  Xapian::Stem stem = stemmer_of(analysis_of_language("ru"));
  auto made_of_a_word = [](const std::string& w) {
    return w.rfind("петр", 0) == 0 || w.rfind("рост", 0) == 0 || w.rfind("лавр", 0) == 0;
  };
  std::size_t pairs = 0, merged = 0, wrongly_merged = 0;
  for (std::size_t a = 0; a < words.size(); ++a) {
    for (std::size_t i = 0; i < words[a].size(); ++i) {
      for (std::size_t j = i + 1; j < words[a].size(); ++j) {
        ++pairs;
        merged += stem(words[a][i]) == stem(words[a][j]);
      }
      for (std::size_t b = a + 1; b < words.size(); ++b) {
        for (const auto& other : words[b]) {
          const bool same = stem(words[a][i]) == stem(other);
          INFO(words[a][i] << " / " << other);
          if (!made_of_a_word(words[a][i])) CHECK_FALSE(same);
          wrongly_merged += same;
        }
      }
    }
  }
  // Measured: 190 of 193 pairs merged (Snowball alone: 167), 47 wrongly, all of the three
  // families above (the earlier fix, re-stemming every -ов/-ев stem: 190 and 47 too, but
  // условия -> усл, готовы -> гот, Киева -> ки).
  CHECK(merged >= 185);
  CHECK(pairs == 193);
  CHECK(wrongly_merged <= 47);
  CHECK(stem("условия") == "услов");
  CHECK(stem("готовы") == stem("готова"));
  CHECK(stem("готовы") == "готов");
  CHECK(stem("киева") == stem("киев"));
  CHECK(stem("киева") == "киев");
  CHECK(stem("лаврова") == stem("лавров"));
  CHECK(stem("песковым") == stem("песков"));
}

// The measure behind the Arabic stemmer (common/language.cc): forms of one word with and
// without their clitic prefixes become one term; different words never do.
TEST_CASE("the Arabic stemmer merges forms with clitics and keeps words apart", "[languages]") {
  const auto words = forms_table("arabic-forms.tsv");
  REQUIRE(words.size() >= 25);
  Xapian::Stem stem = stemmer_of(analysis_of_language("ar"));
  std::size_t pairs = 0, merged = 0;
  for (std::size_t a = 0; a < words.size(); ++a) {
    for (std::size_t i = 0; i < words[a].size(); ++i) {
      for (std::size_t j = i + 1; j < words[a].size(); ++j) {
        ++pairs;
        merged += stem(words[a][i]) == stem(words[a][j]);
      }
      for (std::size_t b = a + 1; b < words.size(); ++b) {
        for (const auto& other : words[b]) {
          INFO(words[a][i] << " / " << other);
          CHECK(stem(words[a][i]) != stem(other));
        }
      }
    }
  }
  // Measured: 98 of 99 pairs (Snowball alone: 35), none of 3,471 wrongly.
  CHECK(pairs == 99);
  CHECK(merged >= 95);
  CHECK(stem("عقوبات") == stem("العقوبات"));
  CHECK(stem("مفاوضات") == stem("المفاوضات"));
  CHECK(stem("بوتين") == stem("لبوتين"));
}

TEST_CASE("language option values: codes split at commas, names refused", "[languages]") {
  CHECK(parse_language_option({"ru,UK", "fr-CA", "ru"}) == std::vector<std::string>{"ru", "uk", "fr"});
  CHECK_THROWS_AS(parse_language_option({"ru,"}), UsageError);
  CHECK_THROWS_AS(parse_language_option({"russian"}), UsageError);
}

TEST_CASE("a detected language is stored and searched like a given one", "[languages]") {
  test::TempDir dir;
  const std::string path = write_index(dir, {in_language("ru-1", "Переговоры в Женеве", sentences[1].second),
                                             in_language("fr-1", "Négociations à Genève", sentences[3].second, "fr"),
                                             in_language("short-1", "Talks", "Brief.")});
  LazyDictionary dictionary{Dictionary{}};
  Searcher searcher({path}, dictionary);
  CHECK(ids_of(searcher.search(request("language:ru"))) == std::vector<std::string>{"ru-1"});
  CHECK(ids_of(searcher.search(request("language:fr"))) == std::vector<std::string>{"fr-1"});
  const auto hits = searcher.search(request("id:short-1")).hits;
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].article.language.empty());  // too short to tell: analysed as English
  Xapian::Database db(path);
  CHECK(db.get_termfreq(schema::analysis_term("russian")) == 1);
  CHECK(db.get_termfreq(schema::analysis_term("english")) == test::sample_articles().size() + 1);
}

TEST_CASE("an inflected Russian name finds its other forms", "[languages]") {
  test::TempDir dir;
  const std::string path = write_index(
      dir, {in_language("ru-1", "Лавров прибыл в Женеву", "Министр Сергей Лавров провёл переговоры.", "ru")});
  LazyDictionary dictionary{Dictionary{}};
  Searcher searcher({path}, dictionary);
  CHECK(ids_of(searcher.search(request("Лаврова"))) == std::vector<std::string>{"ru-1"});
  CHECK(ids_of(searcher.search(request("лаврову"))) == std::vector<std::string>{"ru-1"});
  // ё is е: "провёл" and "провел" are one word.
  CHECK(ids_of(searcher.search(request("провел"))) == std::vector<std::string>{"ru-1"});
}

TEST_CASE("accents are folded in free text, at index and at query time", "[languages]") {
  test::TempDir dir;
  const std::string path =
      write_index(dir, {in_language("fr-1", "Visite à Belém", "Le président s'est rendu à Belém.", "fr"),
                        in_language("en-9", "Paris talks", "Envoys gathered at the elysee palace in Paris.", "en")});
  LazyDictionary dictionary{Dictionary{}};
  Searcher searcher({path}, dictionary);
  CHECK(ids_of(searcher.search(request("belem"))) == std::vector<std::string>{"fr-1"});
  CHECK(ids_of(searcher.search(request("Belém"))) == std::vector<std::string>{"fr-1"});
  CHECK(ids_of(searcher.search(request("BELEM"))) == std::vector<std::string>{"fr-1"});
  CHECK(ids_of(searcher.search(request("Élysée"))) == std::vector<std::string>{"en-9"});
  CHECK(ids_of(searcher.search(request("title:belem"))) == std::vector<std::string>{"fr-1"});
}

TEST_CASE("Spanish and French endings that need their accent still stem with it folded", "[languages]") {
  Xapian::Stem spanish = stemmer_of(analysis_of_language("es"));
  CHECK(spanish("negociacion") == spanish("negociaciones"));
  CHECK(spanish("delegacion") == spanish("delegaciones"));
  Xapian::Stem french = stemmer_of(analysis_of_language("fr"));
  CHECK(french("accordee") == french("accord"));
  CHECK(french("rencontrees") == french("rencontre"));
  // Stems are accent-free like the words they come from.
  for (const char* word : {"negociacion", "iran", "ees", "elysee"}) {
    CHECK(fold_accents(spanish(word)) == spanish(word));
    CHECK(fold_accents(french(word)) == french(word));
  }
}

TEST_CASE("query words are folded, operators and id: values are not", "[languages]") {
  CHECK(fold_query_words("Belém AND Élysée", QueryCase::kept) == "Belem AND Elysee");
  CHECK(fold_query_words("Belém AND Élysée", QueryCase::lowered) == "belem AND elysee");
  CHECK(fold_query_words("-Лаврова NEAR/3 \"Ёлка Переговоры\"", QueryCase::lowered) ==
        "-лаврова NEAR/3 \"елка переговоры\"");
  CHECK(fold_query_words("id:Café-1 OR (id:É2) café", QueryCase::lowered) == "id:Café-1 OR (id:É2) cafe");
  CHECK(fold_query_words("title:Élysée", QueryCase::kept) == "title:Elysee");
  CHECK(fold_query_words("plain ascii", QueryCase::kept) == "plain ascii");
}

TEST_CASE("French elisions are split, other apostrophes kept", "[languages]") {
  CHECK(split_elisions("l'Élysée d’Orsay qu'il") == "l Élysée d Orsay qu il");
  CHECK(split_elisions("don't O'Brien aujourd'hui") == "don't O'Brien aujourd'hui");
  CHECK(split_elisions("l' isolé, 'quoted'") == "l' isolé, 'quoted'");
}

TEST_CASE("query elisions: free text split, field values without their elided head, id: kept", "[languages]") {
  CHECK(split_query_elisions("title:l'Élysée l’Ukraine source:\"l'Express\" id:l'x-1 AND qu'il") ==
        "title:Élysée l Ukraine source:\"l'Express\" id:l'x-1 AND qu il");
  CHECK(split_query_elisions("(title:d'Orsay OR \"l'accord\")") == "(title:Orsay OR \"l accord\")");
  test::TempDir dir;
  const std::string path = write_index(
      dir, {in_language("l'accord-1", "Élysée : réunion des négociateurs",
                        "Les négociateurs se sont réunis pour parler de l'accord et des garanties.", "fr")});
  LazyDictionary dictionary{Dictionary{}};
  Searcher searcher({path}, dictionary);
  // The title has no "l": only the elided head dropped finds it.
  CHECK(ids_of(searcher.search(request("title:l'Élysée"))) == std::vector<std::string>{"l'accord-1"});
  CHECK(ids_of(searcher.search(request("id:l'accord-1"))) == std::vector<std::string>{"l'accord-1"});
  CHECK(ids_of(searcher.search(request("l'accord"))) == std::vector<std::string>{"l'accord-1"});
}

TEST_CASE("an id with accents is matched exactly", "[languages]") {
  test::TempDir dir;
  const std::string path = write_index(dir, {in_language("café-1", "Talks", "Envoys met again.", "en"),
                                             in_language("cafe-1", "Talks", "Envoys met again.", "en")});
  LazyDictionary dictionary{Dictionary{}};
  Searcher searcher({path}, dictionary);
  CHECK(ids_of(searcher.search(request("id:café-1"))) == std::vector<std::string>{"café-1"});
  CHECK(ids_of(searcher.search(request("id:cafe-1"))) == std::vector<std::string>{"cafe-1"});
}

TEST_CASE("Chinese text is found by a two-character word", "[languages]") {
  test::TempDir dir;
  const std::string path = write_index(dir, {in_language("zh-1", "日内瓦会谈", sentences[7].second)});
  LazyDictionary dictionary{Dictionary{}};
  Searcher searcher({path}, dictionary);
  CHECK(ids_of(searcher.search(request("停火"))) == std::vector<std::string>{"zh-1"});
  CHECK(ids_of(searcher.search(request("战俘"))) == std::vector<std::string>{"zh-1"});
  CHECK(ids_of(searcher.search(request("language:zh"))) == std::vector<std::string>{"zh-1"});
  CHECK(ids_of(searcher.search(request("火星"))).empty());  // both characters, never side by side
}

TEST_CASE("one analysis gives a plain parse, several one part per analysis", "[languages]") {
  test::TempDir english_dir, mixed_dir;
  LazyDictionary dictionary{Dictionary{}};
  Searcher english({write_index(english_dir, {})}, dictionary);
  const SearchResult alone = english.search(request("guarantees"));
  CHECK(alone.parsed.find(schema::prefix::analysis) == std::string::npos);
  CHECK(alone.parsed.find("Zguarante") != std::string::npos);

  Searcher mixed({write_index(mixed_dir, {in_language("ru-1", "Гарантии безопасности", sentences[1].second, "ru")})},
                 dictionary);
  const SearchResult both = mixed.search(request("guarantees"));
  CHECK(both.parsed.find(schema::analysis_term("english")) != std::string::npos);
  CHECK(both.parsed.find(schema::analysis_term("russian")) != std::string::npos);
  // The English articles rank as they do in the English index.
  CHECK(ids_of(both) == ids_of(alone));
  for (const char* text : {"ceasefire", "security guarantees", "aid OR truce"}) {
    INFO(text);
    CHECK(ids_of(mixed.search(request(text))) == ids_of(english.search(request(text))));
  }
}

TEST_CASE("named languages: the query analysed for them only, and only their articles found", "[languages]") {
  test::TempDir dir;
  const std::string path =
      write_index(dir, {in_language("ru-1", "Переговоры в Женеве", sentences[1].second, "ru"),
                        in_language("uk-1", "Переговори у Женеві", sentences[2].second, "uk"),
                        in_language("de-1", "Gespräche in Genf", sentences[4].second, "de"),
                        in_language("en-gb-1", "Talks in Geneva", "Envoys met in Geneva for talks.", "en-GB")});
  LazyDictionary dictionary{Dictionary{}};
  Searcher searcher({path}, dictionary);
  SearchRequest r = request("Женеве OR Женеві OR Genf OR Geneva");
  r.filters.languages = {"ru", "uk"};
  auto found = ids_of(searcher.search(r));
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<std::string>{"ru-1", "uk-1"});
  r.filters.languages = {"en"};
  CHECK(ids_of(searcher.search(r)) == std::vector<std::string>{"en-gb-1"});  // a region is its language's
  r.filters.languages = {"ar"};
  CHECK(ids_of(searcher.search(r)).empty());
  // German compounds and inflections: the German stemmer, capitalised nouns included.
  CHECK(ids_of(searcher.search(request("Delegation"))) == std::vector<std::string>{"de-1"});
}

TEST_CASE("an index of schema version 6 is refused, saying how to rebuild it", "[languages]") {
  test::TempDir dir;
  const std::string path = write_index(dir, {});
  {
    Xapian::WritableDatabase db(path);
    db.set_metadata(schema::metadata::schema_version, "6");
    db.commit();
  }
  CHECK(schema::version > 6);  // 7 brought languages; 8 kept them
  LazyDictionary dictionary{Dictionary{}};
  try {
    Searcher searcher({path}, dictionary);
    FAIL("a version 6 index was opened");
  } catch (const RuntimeFailure& e) {
    const std::string message = e.what();
    CHECK(message.find("schema version 6") != std::string::npos);
    CHECK(message.find("rebuild it with dipnews-index") != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
}
