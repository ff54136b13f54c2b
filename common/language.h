// Which analysis each language's free text gets: the one table the indexer (terms) and the
// searcher (query parsing, stop words, snippets) read, so that both analyse a language alike.
//
// An analysis is what Xapian already has for a language: a Snowball stemmer, or none, and its
// CJK n-gram tokenizer. Languages not in the table, and articles with no language, get the
// English analysis, as every article did before languages were told apart (schema version 7).
// Russian's is Snowball's with one fix for surnames (stemmer_of, language.cc).
// Ukrainian has no stemmer in Xapian 1.4 (Xapian::Stem::get_available_languages()): it gets
// the Russian one, which, measured on Ukrainian word forms (tests/data/languages/
// ukrainian-forms.tsv), merges about half of each word's forms and kept every word apart
// from the others (docs/quality.md, Languages), but keeps its own analysis (stop words, and
// its stems apart from Russian ones).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dipnews {

struct Analysis {
  std::string_view name;                    // its id in the index (schema::analysis_term) and in messages
  std::string_view stemmer;                 // a Xapian::Stem language name; empty for none
  bool cjk = false;                         // Chinese, Japanese, Korean: words are character n-grams
  std::vector<std::string_view> languages;  // ISO 639-1 codes analysed this way
  bool elisions = false;                    // French: "l'Élysée" is two words, "l'" and "Élysée"
};

// Every analysis, English first.
const std::vector<Analysis>& analyses();
// The analysis of English, and of every language without one of its own.
const Analysis& default_analysis();
// The analysis of a language tag ("ru", "fr-CA", "zh-Hant": the primary subtag decides, in
// any case); the default analysis for "" and for languages not in the table.
const Analysis& analysis_of_language(std::string_view language);
// The analysis called `name`, or nullptr.
const Analysis* analysis_named(std::string_view name);

// Whether `code` is written as an ISO 639 code: two or three lower-case ASCII letters.
bool is_language_code(std::string_view code);

// A language tag's primary subtag in lower case ("zh-Hant" -> "zh", "EN_gb" -> "en").
std::string primary_language(std::string_view language);

// Whether a lower-case word is one French or Italian elides before a vowel, the apostrophe
// ending it: "l", "d", "qu", "jusqu" ("l'Élysée", "jusqu'à"), Italian "dell", "nell" ("dell'Iran").
// The tagger (French and Italian articles) and the French analysis of free text split there.
bool is_elided_word(std::string_view word);

// Where `text` has an elided article or pronoun ("l'", "d'", "qu'", with ' or ’): the byte
// offsets of those apostrophes. Xapian's term generator keeps an apostrophe between letters
// inside the word ("l'elysee"); an analysis with elisions splits the word there first.
std::vector<std::size_t> elision_apostrophes(std::string_view text);
// The text with each of those apostrophes replaced by a space.
std::string split_elisions(std::string_view text);

// An article's free text as Xapian's term generator (and the snippet, which must meet the same
// words) reads it in this analysis: accents folded (fold_accents), elisions split where the
// analysis has them. The stored text keeps its accents, for display.
std::string analysed_text(const Analysis& analysis, std::string_view text);

}  // namespace dipnews

#include <xapian.h>

namespace dipnews {

// The analysis's stemmer (Xapian's "none" stemmer when it has none). A new object each call:
// Xapian's stemmers are not thread-safe.
Xapian::Stem stemmer_of(const Analysis& analysis);

}  // namespace dipnews
