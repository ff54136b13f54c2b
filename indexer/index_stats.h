// Counts of what a run did, and the one summary line it ends with (docs/reference.md, Input).
#pragma once

#include <string>

namespace dipnews {

struct IndexStats {
  long added = 0;
  long replaced = 0;
  long unchanged = 0;
  long deleted = 0;
  long errors = 0;  // articles or inputs skipped with an error
  // Articles of unchanged files skipped again, with the errors a run before reported
  // (indexer/rejection_ledger.h): not errors of this run.
  long skipped_as_before = 0;

  long articles_read() const { return added + replaced + unchanged; }
};

// "12 added, 3 replaced, 40 unchanged, 1 deleted, 2 skipped with errors; 0.84 s, 65 articles/s",
// with ", 5 skipped as reported before" after the errors when there are any.
std::string summary_line(const IndexStats& stats, double seconds);

}  // namespace dipnews
