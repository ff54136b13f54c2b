// "Did you mean": when a query finds nothing, each free-text word the index has never
// seen is replaced by the closest word it has (edit distance 1-2, most frequent wins),
// read from the index's own vocabulary, so it works on any index without a spelling table.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

namespace dipnews {

// The query text with its unknown words corrected, or nullopt when none could be.
std::optional<std::string> suggest_spelling(const Xapian::Database& db, const std::string& query_text);

}  // namespace dipnews
