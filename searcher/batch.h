// dipnews-search --batch FILE|-: one query per line ("QUERY" or "QID<TAB>QUERY"; blank
// lines and '#' comments skipped), every option applied to every query, the database
// opened once. A bad query is reported for its qid and the batch goes on (docs/reference.md, Batch).
#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>

#include "error.h"
#include "output/printer.h"
#include "search.h"
#include "search_options.h"

namespace dipnews {

// nullopt for a line to skip. Throws nothing: any text is a query.
std::optional<BatchQuery> parse_batch_line(const std::string& line, long number);

// The worker count --jobs 0 (the default) stands for: the number of cores.
unsigned default_jobs();

// Runs the queries on options.jobs workers, each with its own handle on options.dbs, and
// writes their results on `out` (printed by output/) in input order as they complete. Returns failure when any
// query failed (each is reported on stderr as FILE:LINE: query QID: ...).
ExitCode run_batch(const SearchOptions& options, const LazyDictionary& dictionary, std::istream& in, std::ostream& out);

}  // namespace dipnews
