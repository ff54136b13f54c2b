// The searcher's command line: one declarative table, parsed into SearchOptions.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "printer.h"
#include "search.h"
#include "terminal.h"

namespace dipnews {

struct SearchOptions {
  std::vector<std::string> dbs;
  SearchRequest request;
  OutputFormat format = OutputFormat::text;
  ColorMode color = ColorMode::automatic;
};

// nullopt when --help or --version was answered on `out`. Throws UsageError.
std::optional<SearchOptions> parse_search_options(int argc, const char* const argv[], std::ostream& out);

}  // namespace dipnews
