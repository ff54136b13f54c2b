// The command-line conventions both binaries share (GNU style, as notmuch and Xapian's
// tools): a declarative option table, positional arguments, -h/--help and --version,
// and every parsing problem turned into a usage error (exit 2).
//
// Defaults come from the config file (config_file.h) too: --config FILE, --no-config and
// --print-config are added to every table. Precedence: the command line, then the
// environment ($DIPNEWS_DB for db), then the config file, then the table's defaults. Options
// that add up (--dictionary, --boilerplate) take the file's values and the command line's.
//
// The option table is the one description of the options: --help prints it as text, the
// hidden --help-man as the OPTIONS section of the manual page (spliced in at build time),
// and shell completion reads the value names --help shows ({text,json}, FILE, ACTOR).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/program_options.hpp>

#include "config_file.h"

namespace dipnews {

struct ProgramInfo {
  const char* name;      // "dipnews-index"
  const char* usage;     // the usage lines --help prints first
  const char* epilogue;  // what --help prints after the options: exit status, examples
};

// The options as given, and what the config file contributed.
struct ParsedCommandLine {
  boost::program_options::variables_map vm;  // notified: the table's variables are set
  ConfigLocation config;
  std::vector<ConfigSetting> settings;  // the file's settings for this binary, applied or overridden

  // Runs the binary's checks of the values; a UsageError about an option ("--limit: must
  // be...") whose value came from the config file is rethrown naming the file and line.
  void check(const std::function<void()>& checks) const;
};

// Parses argv against `options` (which must include "help" and "version"), then the config
// file for `config` (its binary's section and keys); the remaining arguments go to
// `positional`. Returns nullopt after answering --help, --help-man, --version or
// --print-config on `out`. Throws UsageError.
std::optional<ParsedCommandLine> parse_command_line(int argc, const char* const argv[],
                                                    const boost::program_options::options_description& options,
                                                    const ConfigSchema& config, std::vector<std::string>& positional,
                                                    const ProgramInfo& program, std::ostream& out);

// --config, --no-config and --print-config, which parse_command_line adds to every binary's
// table (for a caller that parses a command line again without it, as saved searches do).
boost::program_options::options_description config_file_options();

// How an option table is printed: --help text (wrapped to 80 columns), or man(7) markup.
enum class OptionListStyle { help, man };

// One entry per option: "-j, --jobs=N", the description, and "(default: X)" for an
// option with a default value.
void print_option_list(const boost::program_options::options_description& options, OptionListStyle style,
                       std::ostream& out);

// The value name of a keyword option, "{text,json,jsonl}", built from its table of legal
// values, so that --help, the manual and completion list exactly what the parser accepts.
template <typename T, std::size_t N>
std::string keyword_values(const std::pair<std::string_view, T> (&legal)[N]) {
  std::string names = "{";
  for (const auto& entry : legal) names.append(names.size() > 1 ? "," : "").append(entry.first);
  return names + "}";
}

}  // namespace dipnews
