// Opening indexes: default location, schema-version checks, and Xapian's exceptions
// turned into errors with the exit codes of SPEC §6.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace dipnews {

// --db values if any were given, else $DIPNEWS_DB, else ./dipnews.db.
std::vector<std::string> resolve_database_paths(const std::vector<std::string>& from_options);

// Opens one or more indexes (directories or Xapian stub files) as one database.
// Throws RuntimeFailure for a missing, corrupt or other-schema index.
Xapian::Database open_for_search(const std::vector<std::string>& paths);

// Opens (creating if needed) one index for writing. While another process holds the
// index's lock, retries for up to `wait_seconds`, then throws DatabaseBusy naming the other
// dipnews-index's pid. Throws RuntimeFailure when the index has another schema version.
Xapian::WritableDatabase open_for_indexing(const std::string& path, double wait_seconds = 0);

}  // namespace dipnews
