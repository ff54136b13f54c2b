// Parallel writers, one index: a run with --jobs N that adds many articles to a plain index
// writes its new articles into N part databases at once (one Xapian writer thread each),
// then merges the target and the parts into one ordinary database with Xapian's compactor
// and puts it in place of the target (docs/design.md, Parallel writers).
//
// The parts live in a private work directory beside the target, TARGET.parts-PID, holding
// part-0 ... part-(N-1). Everything happens under the target's write lock, so a kill -9 at
// any moment leaves the target as its last commit left it: before the merge the work
// directory is a leftover (removed by the next run, which writes the articles again); during
// the merge so is the compactor's output, TARGET.compacting-PID (removed as --compact's
// leftovers are); after the one-step exchange the target is the merged index.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace dipnews {

class PartDirectory {
 public:
  // `target`: the plain index being written, already open for writing by this process (its
  // lock held). Removes the work directories of runs killed before they finished, then
  // creates this run's with `parts` empty subdirectories.
  PartDirectory(const std::string& target, unsigned parts);
  // Removes the work directory (index files only) if the merge did not already.
  ~PartDirectory();
  PartDirectory(const PartDirectory&) = delete;
  PartDirectory& operator=(const PartDirectory&) = delete;

  const std::vector<std::string>& paths() const { return paths_; }

  // Compacts the target's last commit and every part (committed, closed) into one new
  // database and exchanges it with the target directory in one step. Call with the lock
  // still held; then let the lock go and call finish_merge. Throws RuntimeFailure (the
  // target is then unchanged).
  void merge();
  // Removes the old tables (now under the copy's name) and the work directory.
  void finish_merge(std::ostream& diag);

 private:
  std::filesystem::path target_;  // canonical
  std::string work_;
  std::string copy_;  // the compactor's output, once merge() has begun
  std::vector<std::string> paths_;
};

}  // namespace dipnews
