#include "command_line.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <stdexcept>

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

// A switch in the config file: "progress = true". Boost's own words for true and false.
std::optional<bool> config_switch(std::string value) {
  for (auto& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (value == "true" || value == "yes" || value == "on" || value == "1") return true;
  if (value == "false" || value == "no" || value == "off" || value == "0") return false;
  return std::nullopt;
}

bool given_on_command_line(const po::variables_map& vm, const std::string& key) {
  return vm.count(key) && !vm[key].defaulted();
}

// Why `setting` is not applied: the command line or the environment sets it (options that add
// up take both the file's values and the command line's).
std::string overriding(const ConfigSetting& setting, const po::option_description& option, const po::variables_map& vm,
                       const ConfigSchema& schema) {
  if (!option.semantic()->is_composing() && given_on_command_line(vm, setting.key)) return "--" + setting.key;
  for (const auto& [key, variable] : schema.environment) {
    const char* value = std::getenv(variable);
    if (key == setting.key && value && *value) return std::string("$") + variable;
  }
  return "";
}

// The file's setting as the option's tokens, checked as the parser will check them (a bad
// value, or a single-valued key given twice, named with its line); nullopt: a switch set false.
std::optional<std::vector<std::string>> config_tokens(const ConfigSetting& setting,
                                                      const po::option_description& option, boost::any& so_far,
                                                      const std::string& path) {
  const std::string where = path + ":" + std::to_string(setting.line) + ": ";
  std::vector<std::string> tokens{setting.value};
  if (option.semantic()->max_tokens() == 0) {  // a switch: no value on the command line
    const auto on = config_switch(setting.value);
    if (!on) throw UsageError(where + setting.key + ": '" + setting.value + "' is not true or false");
    if (!*on) return std::nullopt;
    tokens.clear();
  }
  try {
    option.semantic()->parse(so_far, tokens, true);
  } catch (const po::multiple_occurrences&) {
    throw UsageError(where + setting.key + ": set twice (it takes one value)");
  } catch (const po::error&) {
    throw UsageError(where + setting.key + ": invalid value '" + setting.value + "'");
  }
  return tokens;
}

// Reads the config file, if any, into parsed.vm under what the command line already holds.
void read_config(ParsedCommandLine& parsed, const po::options_description& table, const ConfigSchema& schema) {
  auto& vm = parsed.vm;
  const bool no_config = vm["no-config"].as<bool>();
  const std::string option = vm.count("config") ? vm["config"].as<std::string>() : "";
  if (vm.count("config") && option.empty()) throw UsageError("--config: empty file name");
  if (!option.empty() && no_config) throw UsageError("--config and --no-config do not go together");
  parsed.config = locate_config_file(option, no_config);
  if (parsed.config.path.empty()) return;
  parsed.settings = read_config_file(parsed.config.path, schema);
  po::parsed_options from_file(&table);
  std::map<std::string, boost::any> so_far;
  for (auto& setting : parsed.settings) {
    if (!setting.overridden_by.empty()) continue;
    const auto* description = table.find_nothrow(setting.key, false);
    if (!description) throw std::logic_error("config key '" + setting.key + "' is not an option");
    setting.overridden_by = overriding(setting, *description, vm, schema);
    if (!setting.overridden_by.empty()) continue;
    auto tokens = config_tokens(setting, *description, so_far[setting.key], parsed.config.path);
    if (!tokens) continue;
    po::option entry(setting.key, *tokens);
    entry.original_tokens = {setting.key, setting.value};
    from_file.options.push_back(std::move(entry));
  }
  try {
    po::store(from_file, vm);  // a value the command line stored stays; options that add up add up
  } catch (const po::error& e) {
    throw UsageError(parsed.config.path + ": " + e.what());
  }
}

// --print-config: which file, and each of its settings for this binary with what overrides it.
// An option of its own, as notmuch's `notmuch config list` and git's `config --list
// --show-origin` (ripgrep says which file it read under --debug): scripts and bug reports get
// it without running a search, and --version stays one line.
void print_config(const ParsedCommandLine& parsed, std::ostream& out) {
  if (parsed.config.path.empty()) {
    out << "config file: none (" << parsed.config.found_by << ")\n";
    return;
  }
  out << "config file: " << parsed.config.path << " (" << parsed.config.found_by << ")\n";
  for (const auto& s : parsed.settings) {
    out << parsed.config.path << ":" << s.line << ": " << (s.section.empty() ? "" : "[" + s.section + "] ") << s.key
        << " = " << s.value;
    if (!s.overridden_by.empty()) out << " (overridden by " << s.overridden_by << ")";
    out << "\n";
  }
}

}  // namespace

// Added to every binary's table (config_file.h).
po::options_description config_file_options() {
  po::options_description desc;
  desc.add_options()("config", po::value<std::string>()->value_name("FILE"),
                     "read defaults from this config file (default: $DIPNEWS_CONFIG, else "
                     "$XDG_CONFIG_HOME/dipnews/config or ~/.config/dipnews/config when it exists)")(
      "no-config", po::bool_switch(), "read no config file")(
      "print-config", po::bool_switch(),
      "print which config file is read and the settings it gives (and what overrides them), then exit");
  return desc;
}

void print_option_list(const po::options_description& options, OptionListStyle style, std::ostream& out) {
  for (const auto& option : options.options()) {
    const auto entry = describe(*option);
    if (style == OptionListStyle::man) print_man_entry(entry, out);
    else print_help_entry(entry, out);
  }
}

void ParsedCommandLine::check(const std::function<void()>& checks) const {
  try {
    checks();
  } catch (const UsageError& e) {
    // The binaries' messages start with the option: "--limit: must be between 0 and 1000000".
    const std::string& message = e.message();
    if (message.rfind("--", 0) != 0) throw;
    const auto end = message.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-", 2);
    const std::string key = message.substr(2, end == std::string::npos ? end : end - 2);
    for (const auto& setting : settings) {
      if (setting.key == key && setting.overridden_by.empty()) {
        throw UsageError(config.path + ":" + std::to_string(setting.line) + ": " + message);
      }
    }
    throw;
  }
}

std::optional<ParsedCommandLine> parse_command_line(int argc, const char* const argv[],
                                                    const po::options_description& options, const ConfigSchema& config,
                                                    std::vector<std::string>& positional, const ProgramInfo& program,
                                                    std::ostream& out) {
  po::options_description hidden;
  hidden.add_options()("positional-arguments", po::value(&positional))
      // The build splices this into the manual page, so the page lists the options --help does.
      ("help-man", "print the options as the OPTIONS section of the manual page (man(7) markup)");
  po::options_description visible;
  visible.add(options).add(config_file_options());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positions;
  positions.add("positional-arguments", -1);

  ParsedCommandLine parsed;
  auto& vm = parsed.vm;
  try {
    // Arguments that start with '-' but are not options (a query's "-word") must follow "--".
    po::store(po::command_line_parser(argc, argv).options(all).positional(positions).run(), vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm.count("help")) {
    out << program.usage << "\nOptions:\n";
    print_option_list(visible, OptionListStyle::help, out);
    out << "\n" << program.epilogue;
    return std::nullopt;
  }
  if (vm.count("help-man")) {
    print_option_list(visible, OptionListStyle::man, out);
    return std::nullopt;
  }
  if (vm.count("version")) {
    out << program.name << " " << build::version << "\n";
    return std::nullopt;
  }
  read_config(parsed, all, config);
  try {
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm["print-config"].as<bool>()) {
    print_config(parsed, out);
    return std::nullopt;
  }
  return parsed;
}

}  // namespace dipnews
