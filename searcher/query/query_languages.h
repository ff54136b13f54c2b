// Which analyses a query is parsed with (common/language.h), and --language: a query is
// parsed once per analysis the index holds (or the languages named hold), each parse
// restricted to the articles analysed that way, so that every article is matched and scored
// with the stems it was indexed with (docs/reference.md, Text and languages).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "language.h"

namespace dipnews {

// The analyses of the index's articles, in common/language.h's order (read from its
// XANALYSIS terms); the default analysis alone for an empty index.
std::vector<const Analysis*> indexed_analyses(const Xapian::Database& db);

// The analyses of the languages named, in common/language.h's order, each once.
std::vector<const Analysis*> analyses_of_languages(const std::vector<std::string>& languages);

// --language values, split at commas, as primary language codes ("ru,FR" -> "ru", "fr").
// Throws UsageError for a value that is no language code.
std::vector<std::string> parse_language_option(const std::vector<std::string>& values);

// The articles in one of `languages` (primary codes): their language terms, regional ones
// ("en-gb") included, read from the index.
Xapian::Query language_filter(const Xapian::Database& db, const std::vector<std::string>& languages);

}  // namespace dipnews
