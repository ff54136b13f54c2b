#include "language.h"

#include <algorithm>

#include "text_util.h"

namespace dipnews {

const std::vector<Analysis>& analyses() {
  static const std::vector<Analysis> table = {
      {"english", "english", false, {"en"}}, {"russian", "russian", false, {"ru"}},
      {"ukrainian", "", false, {"uk"}},      {"french", "french", false, {"fr"}},
      {"german", "german", false, {"de"}},   {"spanish", "spanish", false, {"es"}},
      {"arabic", "arabic", false, {"ar"}},   {"cjk", "", true, {"zh", "ja", "ko"}},
  };
  return table;
}

const Analysis& default_analysis() { return analyses().front(); }

std::string primary_language(std::string_view language) {
  const auto end = language.find_first_of("-_");
  return to_lower_ascii(std::string(language.substr(0, end)));
}

const Analysis& analysis_of_language(std::string_view language) {
  const std::string primary = primary_language(language);
  for (const auto& analysis : analyses()) {
    if (std::find(analysis.languages.begin(), analysis.languages.end(), primary) != analysis.languages.end()) {
      return analysis;
    }
  }
  return default_analysis();
}

const Analysis* analysis_named(std::string_view name) {
  for (const auto& analysis : analyses()) {
    if (analysis.name == name) return &analysis;
  }
  return nullptr;
}

}  // namespace dipnews

namespace dipnews {

namespace {

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Snowball's Russian stemmer reads the -ов/-ев of a surname's nominative as the genitive
// plural ending: "лавров" -> "лавр", but "лаврова", "лаврову" -> "лавров", so no form of a
// name found another. A stem still ending in -ов/-ев is stemmed once more ("лавров" ->
// "лавр"), at index and query time alike; other stems are Snowball's (ё is е by then:
// fold_accents). Measured in docs/quality.md, Languages.
class RussianStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    std::string stem = snowball_(word);
    if (ends_with(stem, "ов") || ends_with(stem, "ев")) return snowball_(stem);
    return stem;
  }
  std::string get_description() const override { return "russian, surnames in -ov/-ev"; }

 private:
  Xapian::Stem snowball_{"russian"};
};

}  // namespace

Xapian::Stem stemmer_of(const Analysis& analysis) {
  if (analysis.stemmer.empty()) return Xapian::Stem();
  if (analysis.stemmer == "russian") return Xapian::Stem(new RussianStemmer());
  return Xapian::Stem(std::string(analysis.stemmer));
}

}  // namespace dipnews
