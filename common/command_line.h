// The command-line conventions both binaries share (GNU style, as notmuch and Xapian's
// tools): a declarative option table, positional arguments, -h/--help and --version,
// and every parsing problem turned into a usage error (exit 2).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace dipnews {

struct ProgramInfo {
  const char* name;         // "dipnews-index"
  const char* usage;        // the usage lines --help prints first
  const char* exit_status;  // the exit status paragraph --help prints last
};

// Parses argv against `options` (which must include "help" and "version"); the remaining
// arguments go to `positional`. Returns nullopt after answering --help or --version on
// `out`. Throws UsageError.
std::optional<boost::program_options::variables_map> parse_command_line(
    int argc, const char* const argv[], const boost::program_options::options_description& options,
    std::vector<std::string>& positional, const ProgramInfo& program, std::ostream& out);

}  // namespace dipnews
