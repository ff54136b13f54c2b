// One indexing run: expand the inputs, read each with its format's reader, clean and
// write every article, apply deletions, commit, and report (docs/reference.md, Input).
#pragma once

#include <ostream>

#include "error.h"
#include "index_options.h"

namespace dipnews {

struct IndexingResult {
  ExitCode status = ExitCode::success;  // failure when any input was skipped with an error
  // The run merged parallel parts into the index: the compactor wrote it, so --compact has
  // nothing left to do.
  bool compacted = false;
};

// Diagnostics and the summary line go to `diag`. Throws Error for problems that stop the
// whole run.
IndexingResult run_indexing(const IndexOptions& options, std::ostream& diag);

}  // namespace dipnews
