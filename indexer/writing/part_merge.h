// Parallel writers, one index: a run with --jobs N that adds many articles to a plain index
// writes its new articles into N part databases at once (one Xapian writer thread each),
// each closed for a new one once it holds a bounded number of articles (bounded
// sub-databases: no writer updates a large B-tree), then merges the index and every part
// into one ordinary database with Xapian's compactor and puts it in place of the index
// (docs/design.md, Parallel writers).
//
// The parts live in a private work directory beside the index, INDEX.parts-PID, holding
// part-0, part-1... Everything happens under the index's write lock, and a kill -9 at
// any moment leaves the index as its last commit left it:
//   - while the parts are written, the work directory holds their commits: the next run
//     that writes the index merges them into it first (recover_killed_runs), so a long run
//     killed at 90% keeps its 90%;
//   - during the merge, the compactor's output INDEX.compacting-PID is a leftover, removed
//     as --compact's are, and the parts are merged again by the next run;
//   - just before the index and the merged copy are exchanged (one rename), the work
//     directory is renamed INDEX.parts-PID.merged: from then on it is only ever removed,
//     never merged again, so no article can end up in the index twice. A kill between
//     the two renames loses the parts' articles (the index stays as it was; the next run
//     writes them again), never duplicates them.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace dipnews {

class PartDirectory {
 public:
  // `index`: the plain index being written, already open for writing by this process (its
  // lock held). Creates this run's work directory, empty.
  explicit PartDirectory(const std::string& index);
  // Removes the work directory (index files only) if the merge did not already.
  ~PartDirectory();
  PartDirectory(const PartDirectory&) = delete;
  PartDirectory& operator=(const PartDirectory&) = delete;

  // The path of a new part (part-0, part-1...), to be created by its writer; merge() takes
  // every part given.
  std::string add_part();

  // Compacts the index's last commit and every part (committed, closed) into one new
  // database and exchanges it with the index directory in one step. Call with the lock
  // still held; then let the lock go and call finish_merge. Throws RuntimeFailure (the
  // index is then unchanged).
  void merge();
  // Removes the old tables (now under the copy's name) and the work directory.
  void finish_merge(std::ostream& diag);

 private:
  std::filesystem::path index_;  // canonical
  std::string work_;
  std::string copy_;  // the merged index, once merge() has begun; then the old tables
  std::vector<std::string> paths_;
};

// Before a run writes the plain index `path`: merges into it the parts committed by runs
// killed before their merge (work directories whose PID no longer runs), and removes the
// leftovers of merges already done. Takes the index's lock for that (waiting as
// open_for_indexing does) and lets it go. Returns the number of articles recovered.
unsigned long recover_killed_runs(const std::string& path, double wait_lock_seconds, std::ostream& diag);

}  // namespace dipnews
