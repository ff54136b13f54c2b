#include "query/stop_words.h"

#include <iterator>
#include <map>
#include <memory>
#include <set>

#include "language.h"

namespace dipnews {

namespace {

// Pronouns, determiners, auxiliaries, prepositions and conjunctions: words that carry no
// topic. Content words, even frequent ones ("said", "president"), are left to the weighting.
constexpr const char* words[] = {
    "a",       "about",  "above", "after",      "again",    "against",    "all",     "am",        "an",    "and",
    "any",     "are",    "as",    "at",         "be",       "because",    "been",    "before",    "being", "below",
    "between", "both",   "but",   "by",         "can",      "could",      "did",     "do",        "does",  "doing",
    "down",    "during", "each",  "few",        "for",      "from",       "further", "had",       "has",   "have",
    "having",  "he",     "her",   "here",       "hers",     "herself",    "him",     "himself",   "his",   "how",
    "i",       "if",     "in",    "into",       "is",       "it",         "its",     "itself",    "just",  "me",
    "more",    "most",   "my",    "myself",     "no",       "nor",        "not",     "now",       "of",    "off",
    "on",      "once",   "only",  "or",         "other",    "our",        "ours",    "ourselves", "out",   "over",
    "own",     "same",   "she",   "should",     "so",       "some",       "such",    "than",      "that",  "the",
    "their",   "theirs", "them",  "themselves", "then",     "there",      "these",   "they",      "this",  "those",
    "through", "to",     "too",   "under",      "until",    "up",         "very",    "was",       "we",    "were",
    "what",    "when",   "where", "which",      "while",    "who",        "whom",    "why",       "will",  "with",
    "would",   "you",    "your",  "yours",      "yourself", "yourselves",
};

// The other analyses' function words (common/language.h): articles, pronouns, prepositions,
// conjunctions and auxiliaries, written accent-folded as queries are (fold_accents) and in
// lower case. Short on purpose: a word missing costs a little ranking, a content word
// wrongly listed loses matches.
constexpr const char* russian[] = {
    "и",   "в",    "во",  "не",     "что",  "он",    "на",   "я",    "с",     "со",    "как",  "а",
    "то",  "все",  "она", "так",    "его",  "но",    "да",   "ты",   "к",     "у",     "же",   "вы",
    "за",  "бы",   "по",  "только", "ее",   "мне",   "было", "вот",  "от",    "меня",  "еще",  "нет",
    "о",   "из",   "ему", "ли",     "если", "или",   "ни",   "быть", "был",   "него",  "до",   "вас",
    "уже", "для",  "мы",  "тот",    "при",  "без",   "под",  "они",  "их",    "чем",   "была", "сам",
    "это", "этот", "эти", "был",    "были", "также", "об",   "над",  "через", "после", "между"};
constexpr const char* ukrainian[] = {"і",    "й",     "та",   "в",    "у",   "на",    "з",    "із",   "зі",  "до",
                                     "від",  "за",    "по",   "про",  "для", "не",    "що",   "як",   "а",   "але",
                                     "або",  "чи",    "це",   "цей",  "ця",  "ці",    "той",  "та",   "ті",  "він",
                                     "вона", "воно",  "вони", "ми",   "ви",  "я",     "ти",   "його", "її",  "їх",
                                     "бути", "був",   "була", "були", "є",   "також", "вже",  "ще",   "при", "після",
                                     "між",  "через", "над",  "під",  "без", "коли",  "якщо", "щоб"};
constexpr const char* french[] = {
    "le",   "la",    "les",  "l",     "un",  "une",  "des",   "du",   "de",   "d",    "au",    "aux",  "et",    "ou",
    "mais", "donc",  "or",   "ni",    "car", "que",  "qu",    "qui",  "quoi", "dont", "ce",    "cet",  "cette", "ces",
    "il",   "elle",  "ils",  "elles", "on",  "je",   "tu",    "nous", "vous", "se",   "s",     "sa",   "son",   "ses",
    "leur", "leurs", "dans", "en",    "sur", "sous", "par",   "pour", "avec", "sans", "entre", "vers", "chez",  "est",
    "sont", "etait", "ete",  "etre",  "a",   "ont",  "avait", "ne",   "pas",  "plus", "y",     "lui",  "aussi"};
constexpr const char* german[] = {
    "der",   "die", "das",   "den",  "dem",   "des",  "ein",    "eine",  "einen",    "einem", "einer",
    "eines", "und", "oder",  "aber", "doch",  "denn", "dass",   "als",   "wie",      "wenn",  "ob",
    "weil",  "er",  "sie",   "es",   "wir",   "ihr",  "ich",    "du",    "sich",     "sein",  "seine",
    "ihre",  "ist", "sind",  "war",  "waren", "wird", "werden", "wurde", "wurden",   "hat",   "haben",
    "hatte", "in",  "im",    "an",   "am",    "auf",  "aus",    "bei",   "mit",      "nach",  "von",
    "vom",   "zu",  "zum",   "zur",  "fur",   "uber", "unter",  "vor",   "zwischen", "durch", "gegen",
    "ohne",  "um",  "nicht", "auch", "noch",  "nur",  "so"};
constexpr const char* spanish[] = {
    "el",    "la",       "los",  "las",  "lo",   "un",    "una",   "unos",   "unas",    "y",     "e",
    "o",     "u",        "pero", "sino", "que",  "quien", "como",  "cuando", "donde",   "si",    "de",
    "del",   "a",        "al",   "en",   "con",  "sin",   "por",   "para",   "sobre",   "entre", "hasta",
    "desde", "tras",     "ante", "se",   "su",   "sus",   "le",    "les",    "el",      "ella",  "ellos",
    "ellas", "nosotros", "yo",   "tu",   "es",   "son",   "fue",   "fueron", "ha",      "han",   "habia",
    "ser",   "estar",    "esta", "este", "esto", "estos", "estas", "no",     "tambien", "mas"};
// Arabic writes most function words as separate words; the prefixed ones ("و", "ال") are
// the stemmer's business.
constexpr const char* arabic[] = {"في",   "من",   "على",   "الى", "إلى", "عن",   "مع",  "هذا",  "هذه", "ذلك", "تلك",
                                  "التي", "الذي", "الذين", "و",   "او",  "أو",   "ثم",  "لكن",  "ان",  "أن",  "إن",
                                  "لا",   "لم",   "لن",    "قد",  "كان", "كانت", "هو",  "هي",   "هم",  "نحن", "انا",
                                  "كل",   "بعد",  "قبل",   "بين", "حتى", "عند",  "منذ", "خلال", "ما"};

// One stopper per analysis, built from its list (and, for "english", from the list above).
struct ListedStopper {
  std::string_view analysis;
  const char* const* begin;
  const char* const* end;
};

constexpr ListedStopper listed[] = {
    {"english", std::begin(words), std::end(words)},           {"russian", std::begin(russian), std::end(russian)},
    {"ukrainian", std::begin(ukrainian), std::end(ukrainian)}, {"french", std::begin(french), std::end(french)},
    {"german", std::begin(german), std::end(german)},          {"spanish", std::begin(spanish), std::end(spanish)},
    {"arabic", std::begin(arabic), std::end(arabic)},
};

}  // namespace

const Xapian::Stopper* stop_words_for(std::string_view analysis) {
  static const auto stoppers = [] {
    std::map<std::string_view, std::unique_ptr<Xapian::SimpleStopper>> out;
    for (const auto& list : listed) out[list.analysis] = std::make_unique<Xapian::SimpleStopper>(list.begin, list.end);
    return out;
  }();
  const auto it = stoppers.find(analysis);
  return it == stoppers.end() ? nullptr : it->second.get();
}

const Xapian::Stopper& english_stop_words() {
  static const Xapian::SimpleStopper stopper(std::begin(words), std::end(words));
  return stopper;
}

bool is_stop_word_stem(const std::string& term) {
  static const std::set<std::string> stems = [] {
    std::set<std::string> out;
    // English, and the languages whose script no English word shares: a French or Spanish
    // function word's stem may be an English word's ("un" is also the U.N.), which
    // feedback must keep.
    for (const auto& list : listed) {
      if (list.analysis != "english" && list.analysis != "russian" && list.analysis != "ukrainian" &&
          list.analysis != "arabic") {
        continue;
      }
      Xapian::Stem stem = stemmer_of(*analysis_named(list.analysis));
      for (auto w = list.begin; w != list.end; ++w) out.insert(std::string(1, 'Z').append(stem(*w)));
    }
    return out;
  }();
  return stems.count(term) > 0;
}

}  // namespace dipnews
