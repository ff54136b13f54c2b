// dipnews-index --lint-dictionaries: loads the dictionaries and reports every problem.
#pragma once

#include <ostream>

#include "error.h"
#include "index_options.h"

namespace dipnews {

ExitCode run_lint(const IndexOptions& options, std::ostream& diag);

}  // namespace dipnews
