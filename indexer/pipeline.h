// One indexing run: expand the inputs, read each with its format's reader, clean and
// write every article, apply deletions, commit, and report (docs/reference.md, Input).
#pragma once

#include <ostream>

#include "error.h"
#include "index_options.h"

namespace dipnews {

// Diagnostics and the summary line go to `diag`. Returns success, or failure when any
// input was skipped with an error. Throws Error for problems that stop the whole run.
ExitCode run_indexing(const IndexOptions& options, std::ostream& diag);

}  // namespace dipnews
