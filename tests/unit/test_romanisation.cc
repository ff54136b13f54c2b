#include <catch2/catch.hpp>

#include "bundled_data.h"
#include "dictionary.h"
#include "romanisation.h"

using namespace dipnews;

namespace {
// The bundled dictionaries, the generated people included: the keys must not merge real actors.
const Dictionary& bundled() {
  static const Dictionary d =
      Dictionary::load(Dictionary::files_in(std::string(DIPNEWS_SOURCE_DIR) + "/corpus/dictionaries"));
  return d;
}
std::string resolved(std::string_view text) { return bundled().resolve_actor_loosely(text).value_or("(none)"); }
}  // namespace

TEST_CASE("common romanisations of one name share a key", "[romanisation]") {
  for (const char* name : {"Lavrov", "Lawrow", "lavrof", "Lavroff", "Лавров"})
    CHECK(romanisation_key(name) == "lavrov");
  for (const char* name : {"Zelenskyy", "Zelensky", "Zelenskiy", "Selenskyj", "Selenski", "Зеленский", "Зеленський"})
    CHECK(romanisation_key(name) == "selenski");
  for (const char* name : {"Putin", "Poutine", "Путин"}) CHECK(romanisation_key(name) == "putin");
  CHECK(romanisation_key("Xi Jinping") == romanisation_key("习近平"));
  CHECK(romanisation_key("Шойгу") == romanisation_key("Shoygu"));
  CHECK(romanisation_key("...") == "");
}

TEST_CASE("to_latin transliterates Cyrillic by BGN and other scripts by ICU's Any-Latin", "[romanisation]") {
  CHECK(to_latin("Лавров") == "lavrov");
  CHECK(to_latin("Ukraine") == "Ukraine");  // ASCII untouched
  CHECK(to_latin("习近平") == "xi jin ping");
}

TEST_CASE("actor: values resolve through inflection and romanisation to one actor", "[romanisation]") {
  for (const char* value : {"лавров", "Лаврова", "lavrov", "lawrow", "lavrof", "Sergej Lawrow", "Лавровым"})
    CHECK(resolved(value) == "sergei-lavrov");
  for (const char* value : {"Зеленского", "Зеленського", "selenskyj", "Selenski", "zelenskij"})
    CHECK(resolved(value) == "volodymyr-zelenskyy");
  CHECK(resolved("Путина") == "vladimir-putin");
  CHECK(resolved("poutine") == "vladimir-putin");
  CHECK(resolved("Россией") == "rus");
}

TEST_CASE("loose resolution never merges distinct actors", "[romanisation]") {
  // A name several actors share stays unresolved, loosely too.
  CHECK(resolved("bush") == "(none)");
  CHECK(resolved("Kim") == "(none)");
  // Close names of different people stay apart.
  CHECK(resolved("Kim Jong Un") == "kim-jong-un");
  CHECK(resolved("Wang Yu") != "wang-yi");
  CHECK(resolved("Sharif") == "(none)");  // Nawaz and Shehbaz
  CHECK(resolved("Mojtaba Khamenei") == "mojtaba-khamenei");
  CHECK(resolved("Ali Khamenei") == "ali-khamenei");
  // A key no name has resolves to nothing.
  CHECK(resolved("qqqzzz") == "(none)");
}

TEST_CASE("actor: values take the forms the tagger reads in text", "[romanisation]") {
  CHECK(resolved("Дмитрієвим") == "kirill-dmitriev");  // Ukrainian instrumental
  CHECK(resolved("وبوتين") == "vladimir-putin");       // Arabic "and Putin"
  CHECK(resolved("لروسيا") == "rus");                  // Arabic "to Russia"
  CHECK(resolved("Китая") == "chn");                   // genitive, not the adjective ending -ая
  CHECK(resolved("Європейської комісії") == "european-commission");
  CHECK(resolved("وبوتينات") == "(none)");  // prefixes come off, not unknown endings
}
