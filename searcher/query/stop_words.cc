#include "query/stop_words.h"

#include <iterator>
#include <set>

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

}  // namespace

const Xapian::Stopper& english_stop_words() {
  static const Xapian::SimpleStopper stopper(std::begin(words), std::end(words));
  return stopper;
}

bool is_stop_word_stem(const std::string& term) {
  static const std::set<std::string> stems = [] {
    const Xapian::Stem stem("english");
    std::set<std::string> out;
    for (const char* w : words) out.insert(std::string(1, 'Z').append(stem(w)));
    return out;
  }();
  return stems.count(term) > 0;
}

}  // namespace dipnews
