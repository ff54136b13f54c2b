// The limit of open files (RLIMIT_NOFILE, `ulimit -n`) against the number of databases one
// run opens: each Xapian glass database keeps several files open (a table per file, its lock),
// so a sharded index meets the limit with hundreds of shards, where Xapian's own error
// ("Couldn't open s/shard-339/postlist.glass: Too many open files") names neither the limit
// nor the way out.
#pragma once

#include <cstddef>
#include <string>

#include <xapian.h>

namespace dipnews {

// Files kept open per database, measured on 20 shards holding the bundled corpus: adding 200
// articles failed under `ulimit -n 260` and passed under 280, so 14 a shard (its lock, five
// tables, and the readers of the whole index that look for existing articles and stories); a
// search failed under 80 and passed under 100, so at most 5.
inline constexpr unsigned files_per_shard_indexing = 14;
inline constexpr unsigned files_per_database_searching = 5;

// Raises this process's soft limit of open files to its hard limit, as many tools do: the soft
// limit (often 1024) is a default, the hard one what the administrator allows. Once per
// process; returns the soft limit now in force.
unsigned long raise_open_file_limit();

// Throws RuntimeFailure (too_many_open_files_message) when `databases` databases needing
// `per_database` files each would not fit under the limit (raised first).
void check_open_file_room(unsigned databases, unsigned per_database, const std::string& what, const std::string& doing);

// "too many open files: WHAT needs about N x K = M open files to DOING, over this process's
// limit of L (ulimit -n, raised to the hard limit): raise it (ulimit -n 8192) or use fewer shards".
std::string too_many_open_files_message(unsigned databases, unsigned per_database, const std::string& what,
                                        const std::string& doing);

// For a search that ran out of files opening `path`, after `opened` databases.
std::string too_many_open_files_searching(const std::string& path, std::size_t opened);

// True when Xapian failed for lack of file descriptors (EMFILE, ENFILE).
bool is_too_many_open_files(const Xapian::Error& e);

// For a Xapian error of that kind, what to say after Xapian's message: " (too many open files:
// this process may keep L open, ulimit -n: raise it or use fewer shards)"; "" otherwise.
std::string open_files_hint(const Xapian::Error& e);

}  // namespace dipnews
