// Opening indexes: default location, schema-version checks, and Xapian's exceptions
// turned into errors with the exit codes of docs/reference.md (Exit codes).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace dipnews {

// --db values if any were given, else $DIPNEWS_DB, else ./dipnews.db.
std::vector<std::string> resolve_database_paths(const std::vector<std::string>& from_options);

// Opens one or more indexes as one database: index directories, and Xapian stub files or
// directories listing local indexes and remote ones (`remote tcp HOST:PORT`, served by
// xapian-tcpsrv). Every database, local or remote, is opened and checked on its own: a
// missing, unreachable, corrupt or other-schema one throws RuntimeFailure naming it, and so
// does a shard listed twice (its articles would count twice). A sharded index searched
// without all its shards is allowed (results cover the shards given) and said in `warnings`.
Xapian::Database open_for_search(const std::vector<std::string>& paths, std::vector<std::string>* warnings = nullptr);

// Stub entries of Xapian's program kind ("remote :PROGRAM ARGS") run PROGRAM. Anyone who can
// write a file into an index directory (or into ./dipnews.db, searched by default, or a
// directory where bash completion runs the searcher) could make every search run a program
// of theirs: open_for_search refuses them, naming the stub file and line, unless this was
// set (dipnews-search --allow-remote-programs) for the whole process. `remote tcp` and
// `remote HOST:PORT` entries run nothing and stay allowed.
void allow_remote_programs(bool allowed);

// How long a remote database may take to connect (at most 10 s) and to answer each message,
// opening included: a server that accepts and never answers fails the search after this long
// (Xapian waits 10 s by default; we once waited 120 s per stub line). 30 s when not set.
void set_remote_timeout(unsigned seconds);

// The message for a remote database that failed once opened, during the search (Xapian does
// not say which): its error, and the remote databases opened with the timeout.
std::string remote_failure_message(const Xapian::NetworkError& e);

// True once open_for_search has opened a remote database in this process. Searches then leave
// out what would cost a network round trip per word, and make up for what Xapian 1.4's remote
// backend does not report (docs/scaling.md).
bool searching_remote_databases();

// Opens (creating if needed) one index for writing. While another process holds the
// index's lock, retries for up to `wait_seconds`, then throws DatabaseBusy naming the other
// dipnews-index's pid. Throws RuntimeFailure when the index has another schema version.
Xapian::WritableDatabase open_for_indexing(const std::string& path, double wait_seconds = 0);

// Opens every database of a plain or sharded index for writing (shards.h's layout_for_writing),
// in shard order. Each shard carries its place in the layout (shard K of N of one index): a
// new one is stamped, an existing one checked, so shards moved or mixed by hand are refused.
std::vector<Xapian::WritableDatabase> open_shards_for_indexing(const std::vector<std::string>& paths, bool sharded,
                                                               double wait_seconds = 0);

}  // namespace dipnews
