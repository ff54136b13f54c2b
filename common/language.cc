#include "language.h"

#include <algorithm>
#include <iterator>

#include "text_util.h"
#include "unicode_fold.h"

namespace dipnews {

const std::vector<Analysis>& analyses() {
  static const std::vector<Analysis> table = {
      {"english", "english", false, {"en"}},
      {"russian", "russian", false, {"ru"}},
      // Xapian has no Ukrainian stemmer; the Russian one merges half the forms of Ukrainian
      // words and, on the words measured, none of different words (docs/quality.md).
      {"ukrainian", "russian", false, {"uk"}},
      {"french", "french", false, {"fr"}, true},
      {"german", "german", false, {"de"}},
      {"spanish", "spanish", false, {"es"}},
      {"arabic", "arabic", false, {"ar"}},
      {"cjk", "", true, {"zh", "ja", "ko"}},
  };
  return table;
}

const Analysis& default_analysis() { return analyses().front(); }

bool is_language_code(std::string_view code) {
  return code.size() >= 2 && code.size() <= 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

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

namespace {

bool is_letter_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

// Where the run of letters ending at byte `end` starts: whole code points, so that a
// "«" before "l’Ukraine" is no part of the elided "l".
std::size_t letters_before(std::string_view text, std::size_t end) {
  std::size_t start = end;
  while (start > 0) {
    std::size_t from = start - 1;
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
    const unsigned ch = *Xapian::Utf8Iterator(text.data() + from, start - from);
    if (!Xapian::Unicode::is_wordchar(ch) || ch == '_') break;
    start = from;
  }
  return start;
}

constexpr std::string_view right_quote = "\xE2\x80\x99";  // ’

}  // namespace

bool is_elided_word(std::string_view word) {
  static constexpr std::string_view elided[] = {"l",     "d",      "j",      "m",    "n",    "s",   "t",    "c",   "qu",
                                                "jusqu", "lorsqu", "puisqu", "dell", "nell", "all", "dall", "sull"};
  return std::find(std::begin(elided), std::end(elided), word) != std::end(elided);
}

std::vector<std::size_t> elision_apostrophes(std::string_view text) {
  std::vector<std::size_t> out;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const std::size_t width = text[i] == '\'' ? 1 : text.substr(i, right_quote.size()) == right_quote ? 3 : 0;
    if (width == 0 || i + width >= text.size() || !is_letter_byte(text[i + width])) continue;
    const std::size_t start = letters_before(text, i);
    if (is_elided_word(to_lower_ascii(std::string(text.substr(start, i - start))))) out.push_back(i);
  }
  return out;
}

std::string split_elisions(std::string_view text) {
  const auto apostrophes = elision_apostrophes(text);
  if (apostrophes.empty()) return std::string(text);
  std::string out;
  std::size_t copied = 0;
  for (const std::size_t at : apostrophes) {
    out.append(text.substr(copied, at - copied)).append(" ");
    copied = at + (text[at] == '\'' ? 1 : right_quote.size());
  }
  out.append(text.substr(copied));
  return out;
}

std::string analysed_text(const Analysis& analysis, std::string_view text) {
  return analysis.elisions ? split_elisions(fold_accents(text)) : fold_accents(text);
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

std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Snowball's Russian stemmer reads the -ов/-ев of a surname's nominative as the genitive
// plural ending: "лавров" -> "лавр", but "лаврова", "лаврову" -> "лавров", so no form of a
// name found another. A stem still ending in -ов/-ев is stemmed once more ("лаврова" ->
// "лавр") only when the word has the surname paradigm: the stem followed by a surname's case
// ending ("условия" -> "услов", "готовы" -> "готов" stay), and only when that leaves at least
// four letters; a nominative that Snowball would cut below four ("киев" -> "ки", "готов" ->
// "гот") keeps its -ов/-ев instead, so "Киев" and "Киева" meet as "киев". At index and query
// time alike (ё is е by then: fold_accents). Measured in docs/quality.md, Languages.
class RussianStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    std::string stem = snowball_(word);
    const bool suffixed = ends_with(word, "ов") || ends_with(word, "ев");
    if (suffixed && stem.size() + 4 == word.size() && letters(stem) < min_letters) return word;
    if (!ends_with(stem, "ов") && !ends_with(stem, "ев")) return stem;
    if (!is_surname_ending(std::string_view(word).substr(stem.size()))) return stem;
    std::string shorter = snowball_(stem);
    return letters(shorter) < min_letters ? stem : shorter;
  }
  std::string get_description() const override { return "russian, surnames in -ov/-ev"; }

 private:
  static constexpr std::size_t min_letters = 4;

  // The case endings of a surname in -ов/-ев (masculine, feminine, plural): Russian, and the
  // Ukrainian ones the Russian stemmer reads for Ukrainian text ("им", "і", "ій", "ою").
  static bool is_surname_ending(std::string_view ending) {
    static constexpr std::string_view endings[] = {"",    "а",  "у",   "ым",  "ом", "е", "ой", "ых",
                                                   "ыми", "ую", "ого", "ому", "им", "і", "ій", "ою"};
    return std::find(std::begin(endings), std::end(endings), ending) != std::end(endings);
  }

  Xapian::Stem snowball_{"russian"};
};

std::u32string code_points_of(std::string_view s) {
  std::u32string out;
  for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) out += *it;
  return out;
}

bool starts_with(std::u32string_view w, std::u32string_view head) { return w.substr(0, head.size()) == head; }

// Snowball's Arabic stemmer takes the clitics off some words and not others, and stems the
// rest differently when it did: "عقوبات" -> "عقوبا" but "العقوبات" -> "عقوب", "بوتين" -> "وتين"
// but "لبوتين" -> "لبوت". The clitic prefixes are taken off first, one of each kind, only when
// what remains is long enough to be a word that had them: a conjunction (و ف) before the
// article always, else before at least four letters; then the article (ال, and لل, بال, كال:
// a preposition with it) before at least three letters; else a preposition (ب ل ك) before at
// least five ("بوتين", "لبنان" keep their first letter). Snowball stems what remains. Measured
// on a forms table (tests/data/languages/arabic-forms.tsv, docs/quality.md Languages).
class ArabicStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    const std::u32string w = code_points_of(word);
    const std::size_t cut = clitics(w);
    if (cut == 0) return snowball_(word);
    std::string rest;
    for (std::size_t i = cut; i < w.size(); ++i) Xapian::Unicode::append_utf8(rest, w[i]);
    return snowball_(rest);
  }
  std::string get_description() const override { return "arabic, clitic prefixes first"; }

 private:
  // How many code points of clitic prefixes `w` starts with.
  static std::size_t clitics(std::u32string_view w) {
    std::size_t cut = 0;
    if (w.size() > 1 && (w[0] == U'\u0648' || w[0] == U'\u0641')) {  // و ف
      const std::u32string_view rest = w.substr(1);
      if (has_article(rest) || rest.size() >= 4) cut = 1;
    }
    const std::u32string_view rest = w.substr(cut);
    if (starts_with(rest, U"\u0644\u0644") && rest.size() >= 5) return cut + 2;  // لل
    if ((starts_with(rest, U"\u0628\u0627\u0644") || starts_with(rest, U"\u0643\u0627\u0644")) && rest.size() >= 6) {
      return cut + 3;  // بال كال
    }
    if (starts_with(rest, U"\u0627\u0644") && rest.size() >= 5) return cut + 2;  // ال
    const bool preposition = !rest.empty() && (rest[0] == U'\u0628' || rest[0] == U'\u0644' || rest[0] == U'\u0643');
    if (preposition && rest.size() >= 6) return cut + 1;  // ب ل ك
    return cut;
  }

  static bool has_article(std::u32string_view w) {
    return starts_with(w, U"\u0627\u0644") || starts_with(w, U"\u0644\u0644") ||
           starts_with(w, U"\u0628\u0627\u0644") || starts_with(w, U"\u0643\u0627\u0644");
  }

  Xapian::Stem snowball_{"arabic"};
};

// Free text reaches the stemmer accent-folded (so that "negociacion" typed finds
// "negociación"), but the Spanish and French Snowball stemmers recognise some endings by their
// accent: folded, "negociación" stemmed to "negociacion" and no longer met "negociaciones"
// ("negoci"). Those endings get their accent back before stemming, and the stem is folded
// again. Measured on the multilingual sample (docs/quality.md, Languages).
struct Reaccent {
  std::string_view folded, accented;
};

class ReaccentingStemmer : public Xapian::StemImplementation {
 public:
  ReaccentingStemmer(const std::string& language, std::vector<Reaccent> endings)
      : snowball_(language), language_(language), endings_(std::move(endings)) {}
  std::string operator()(const std::string& word) override {
    for (const auto& ending : endings_) {
      if (ends_with(word, ending.folded)) {
        std::string accented = word.substr(0, word.size() - ending.folded.size());
        accented.append(ending.accented);
        return fold_accents(snowball_(accented));
      }
    }
    return fold_accents(snowball_(word));
  }
  std::string get_description() const override { return language_ + ", accented endings restored"; }

 private:
  Xapian::Stem snowball_;
  std::string language_;
  std::vector<Reaccent> endings_;
};

}  // namespace

Xapian::Stem stemmer_of(const Analysis& analysis) {
  if (analysis.stemmer.empty()) return Xapian::Stem();
  if (analysis.stemmer == "russian") return Xapian::Stem(new RussianStemmer());
  if (analysis.stemmer == "arabic") return Xapian::Stem(new ArabicStemmer());
  if (analysis.stemmer == "spanish") {
    return Xapian::Stem(new ReaccentingStemmer("spanish", {{"cion", "ción"}, {"sion", "sión"}}));
  }
  if (analysis.stemmer == "french") {
    return Xapian::Stem(new ReaccentingStemmer("french", {{"ees", "ées"}, {"ee", "ée"}}));
  }
  return Xapian::Stem(std::string(analysis.stemmer));
}

}  // namespace dipnews
