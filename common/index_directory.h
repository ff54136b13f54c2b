// What an index directory holds, told from its file names before Xapian opens it: the
// indexer writes and compacts only directories holding nothing but an index, restarts one
// whose first commit never completed, and the searcher names that state instead of failing
// on it with Xapian's "Failed to open glass revision file".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace dipnews {

// The files of one dipnews index directory: Xapian glass's tables, its version file
// (iamglass, written as v.tmp first), its lock (flintlock), replication changesets, and the
// indexer's own dipnews-writer.pid and dipnews-checked (index_check.h).
bool is_index_file(const std::string& name);

struct IndexDirectory {
  enum class State {
    absent,      // nothing there yet: a new index
    empty,       // an empty directory: a new index
    index,       // iamglass and nothing but index files
    unfinished,  // index files but no iamglass: created by a run killed before its first commit
    foreign,     // anything else: files that are not an index's, a stub, a non-directory
  } state = State::absent;
  std::vector<std::string> others;  // foreign: the entries that are not index files (sorted)
  std::string reason;               // foreign: what the directory holds, in a few words
  static constexpr const char* not_a_directory = "not a directory";  // the reason for a file

  // "today.jsonl, notes.txt and 3 more"
  std::string others_text() const;
};

IndexDirectory inspect_index_directory(const std::string& path);

// Removes a directory of index files only: anything else in it is kept, and so is the
// directory then. False when something was kept.
bool remove_index_directory(const std::string& dir);

// Where --compact builds the compacted copy of the index directory `index` (canonical).
std::string compaction_copy_of(const std::string& index, long pid);

// Removes the copies of compactions killed before they finished (INDEX.compacting-PID beside
// the directory `path` names, PID no longer running), their index files only.
void remove_stale_compaction_copies(const std::string& path);

// The exact message a search gives for an unfinished index, and the hint with it.
std::string unfinished_index_message(const std::string& path);

// Removes the leftovers of an unfinished index (State::unfinished), so that Xapian creates
// it afresh; flintlock stays (Xapian reuses it). Throws DatabaseBusy when another process
// holds the directory's lock (it is creating the index now), RuntimeFailure on I/O errors.
void restart_unfinished_index(const std::string& path);

}  // namespace dipnews
