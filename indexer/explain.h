// dipnews-index --explain: tags each input article without indexing it and prints every
// actor and topic with its evidence (matched text, field, offsets, rule).
#pragma once

#include <ostream>

#include "error.h"
#include "index_options.h"

namespace dipnews {

// Results on `out`, problems on `diag`. Returns failure when any article had an error.
ExitCode run_explain(const IndexOptions& options, std::ostream& out, std::ostream& diag);

}  // namespace dipnews
