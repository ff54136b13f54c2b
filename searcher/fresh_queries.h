// Queries matching every article or none, built fresh for each use.
//
// Xapian::Query::MatchAll and Query::MatchNothing are static objects, and Xapian 1.4 counts
// references without atomics: batch workers copying them at once corrupted the count and
// crashed in Enquire::set_query (found by tests/e2e/search_while_indexing.sh). A fresh
// Query(std::string()) matches the same articles and is shared with no other thread.
// tests/lint/xapian_statics.sh keeps the static ones out of the code.
#pragma once

#include <string>

#include <xapian.h>

namespace dipnews {

inline Xapian::Query match_all_query() { return Xapian::Query(std::string()); }
inline Xapian::Query match_nothing_query() { return Xapian::Query(); }

}  // namespace dipnews
