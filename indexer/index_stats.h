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

  long articles_read() const { return added + replaced + unchanged; }
};

// "12 added, 3 replaced, 40 unchanged, 1 deleted, 2 skipped with errors; 0.84 s, 65 articles/s"
std::string summary_line(const IndexStats& stats, double seconds);

}  // namespace dipnews
