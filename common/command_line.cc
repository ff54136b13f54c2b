#include "command_line.h"

#include <algorithm>

#include "build_config.h"
#include "error.h"

namespace dipnews {

namespace po = boost::program_options;

namespace {

// What the option table says of one option, in the form both printers need.
struct OptionEntry {
  std::string short_name;  // "-j", or empty
  std::string long_name;   // "--jobs"
  std::string value;       // "N", "{text,json}", or empty for a switch
  std::string default_value;
  std::string description;
};

OptionEntry describe(const po::option_description& option) {
  OptionEntry e;
  e.long_name = option.canonical_display_name(po::command_line_style::allow_long);
  const std::string short_name = option.canonical_display_name(po::command_line_style::allow_dash_for_short);
  if (short_name.size() == 2 && short_name[0] == '-' && short_name[1] != '-') e.short_name = short_name;
  e.description = option.description();
  if (option.semantic()->max_tokens() == 0) return e;  // a switch: no value, no default worth printing
  // Boost spells a value as "NAME" or "NAME (=DEFAULT)" ("arg" when the table names none).
  std::string name = option.semantic()->name();
  if (const auto open = name.rfind(" (="); open != std::string::npos && name.back() == ')') {
    e.default_value = name.substr(open + 3, name.size() - open - 4);
    name.resize(open);
  }
  e.value = name == "arg" ? "VALUE" : name;
  return e;
}

// "=N" after the option's name; a value name of the form "[=FIELD]" says the value is optional.
std::string value_suffix(const OptionEntry& e) { return e.value.front() == '[' ? e.value : "=" + e.value; }

std::string full_description(const OptionEntry& e) {
  if (e.default_value.empty()) return e.description;
  return e.description + " (default: " + e.default_value + ")";
}

// Words of `text` wrapped into lines of at most `width` characters (a longer word stays whole).
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find(' ', start), text.size());
    const std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

void print_help_entry(const OptionEntry& e, std::ostream& out) {
  constexpr std::size_t column = 30, width = 80;
  std::string names = "  " + (e.short_name.empty() ? std::string("    ") : e.short_name + ", ") + e.long_name;
  if (!e.value.empty()) names += value_suffix(e);
  const auto lines = wrap(full_description(e), width - column);
  if (names.size() + 2 > column) {
    out << names << "\n";
    names.clear();
  }
  for (const auto& line : lines) {
    out << names << std::string(column - names.size(), ' ') << line << "\n";
    names.clear();
  }
  if (lines.empty() && !names.empty()) out << names << "\n";
}

// Text for a man page: backslashes and minus signs escaped, no line starting with a control
// character.
std::string troff_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

void print_man_entry(const OptionEntry& e, std::ostream& out) {
  out << ".TP\n";
  if (!e.short_name.empty()) out << "\\fB" << troff_escape(e.short_name) << "\\fR, ";
  out << "\\fB" << troff_escape(e.long_name) << "\\fR";
  if (!e.value.empty()) {
    const bool optional = e.value.front() == '[';  // "[=FIELD]": the value may be left out
    out << (optional ? "[=" : "=") << "\\fI" << troff_escape(optional ? e.value.substr(2, e.value.size() - 3) : e.value)
        << "\\fR" << (optional ? "]" : "");
  }
  out << "\n" << troff_escape(full_description(e)) << "\n";
}

}  // namespace

void print_option_list(const po::options_description& options, OptionListStyle style, std::ostream& out) {
  for (const auto& option : options.options()) {
    const auto entry = describe(*option);
    if (style == OptionListStyle::man) print_man_entry(entry, out);
    else print_help_entry(entry, out);
  }
}

std::optional<po::variables_map> parse_command_line(int argc, const char* const argv[],
                                                    const po::options_description& options,
                                                    std::vector<std::string>& positional, const ProgramInfo& program,
                                                    std::ostream& out) {
  po::options_description hidden;
  hidden.add_options()("positional-arguments", po::value(&positional))
      // The build splices this into the manual page, so the page lists the options --help does.
      ("help-man", "print the options as the OPTIONS section of the manual page (man(7) markup)");
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positions;
  positions.add("positional-arguments", -1);

  po::variables_map vm;
  try {
    // Arguments that start with '-' but are not options (a query's "-word") must follow "--".
    po::store(po::command_line_parser(argc, argv).options(all).positional(positions).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm.count("help")) {
    out << program.usage << "\nOptions:\n";
    print_option_list(options, OptionListStyle::help, out);
    out << "\n" << program.epilogue;
    return std::nullopt;
  }
  if (vm.count("help-man")) {
    print_option_list(options, OptionListStyle::man, out);
    return std::nullopt;
  }
  if (vm.count("version")) {
    out << program.name << " " << build::version << "\n";
    return std::nullopt;
  }
  return vm;
}

}  // namespace dipnews
