// --compact: rewrites an index with Xapian's compactor (full B-tree blocks, merged posting
// lists) and puts it in place of the original, which makes it smaller and faster to search.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

namespace dipnews {

// Holds the index's write lock throughout, so no writer can change the original while it is
// copied; the copy then replaces it in one atomic exchange of the two directories, so
// searchers and writers never find the index missing, nor tables of two versions mixed.
// Searchers that had the old one open keep reading it until they reopen. Throws Error on
// failure (the original stays).
//
// Only an index is compacted: a directory holding anything else is refused before anything
// is written (open_for_indexing), and a file that appears in it meanwhile is moved back
// beside the compacted index, never deleted. The copy gets the original's directory and file
// modes (and owner, where allowed); a symbolic link to the index stays a link, and the
// directory it names is compacted. Copies left by killed compactions (INDEX.compacting-PID,
// PID no longer running) are removed first.
void compact_index(const std::string& path, double wait_lock_seconds, std::ostream& diag, bool quiet);

// The two steps that put a rebuilt copy (compaction_copy_of(index, pid)) in place of the index
// directory `index` (canonical), for --compact and for the merge of a parallel run
// (part_merge.h). First, under the index's write lock: the copy takes the index's modes and
// the two directories are exchanged in one step (the copy is removed if that fails). Then,
// once the lock is let go: the old tables, now under the copy's name, are removed, and any
// other file found among them goes back beside the new index.
void put_in_place(const std::filesystem::path& index, const std::string& copy);
void finish_putting_in_place(const std::filesystem::path& index, const std::string& copy, std::ostream& diag);

}  // namespace dipnews
