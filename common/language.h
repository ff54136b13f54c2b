// Which analysis each language's free text gets: the one table the indexer (terms) and the
// searcher (query parsing, stop words, snippets) read, so that both analyse a language alike.
//
// An analysis is what Xapian already has for a language: a Snowball stemmer, or none, and its
// CJK n-gram tokenizer. Languages not in the table, and articles with no language, get the
// English analysis, as every article did before languages were told apart (schema version 7).
// Russian's is Snowball's with one fix for surnames (stemmer_of, language.cc).
// Ukrainian has no stemmer in Xapian 1.4 (Xapian::Stem::get_available_languages()), and the
// Russian one, measured on Ukrainian word forms, merged too few of them to be worth its
// false merges (docs/quality.md, Languages): its words are matched unstemmed.
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

// A language tag's primary subtag in lower case ("zh-Hant" -> "zh", "EN_gb" -> "en").
std::string primary_language(std::string_view language);

}  // namespace dipnews

#include <xapian.h>

namespace dipnews {

// The analysis's stemmer (Xapian's "none" stemmer when it has none). A new object each call:
// Xapian's stemmers are not thread-safe.
Xapian::Stem stemmer_of(const Analysis& analysis);

}  // namespace dipnews
