// --compact: rewrites an index with Xapian's compactor (full B-tree blocks, merged posting
// lists) and puts it in place of the original, which makes it smaller and faster to search.
#pragma once

#include <ostream>
#include <string>

namespace dipnews {

// Holds the index's write lock throughout, so no writer can change the original while it is
// copied; the copy then replaces it in one atomic exchange of the two directories, so
// searchers and writers never find the index missing. Searchers that had the old one open
// keep reading it until they reopen. Throws Error on failure (the original stays).
void compact_index(const std::string& path, double wait_lock_seconds, std::ostream& diag, bool quiet);

}  // namespace dipnews
