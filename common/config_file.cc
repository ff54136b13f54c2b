#include "config_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/program_options.hpp>

#include "bounded_read.h"
#include "error.h"
#include "resource_limits.h"
#include "text_util.h"

namespace dipnews {

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

const char* environment(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : nullptr;
}

// A key line as Boost's parser will see it: what follows '#' is a comment, whitespace is
// trimmed, "[name]" starts a section, anything else must hold '='.
struct ScannedLine {
  long number = 0;
  std::string section;  // the section the key is in ("" before any)
  std::string key;
};

std::string located(const std::string& path, long line, const std::string& what) {
  return path + ":" + std::to_string(line) + ": " + what;
}

std::string known_sections() {
  std::string names;
  for (const auto section : config_sections) names += (names.empty() ? "[" : ", [") + std::string(section) + "]";
  return names;
}

bool known_section(std::string_view name) {
  return std::find(std::begin(config_sections), std::end(config_sections), name) != std::end(config_sections);
}

// Checks what Boost's parser would refuse without saying where (a line without '=') or get
// wrong ("[]"), and returns each key line with its number, in the order Boost returns them.
std::vector<ScannedLine> scan_lines(const std::string& path, const std::string& text) {
  std::vector<ScannedLine> keys;
  std::istringstream in(text);
  std::string section, raw;
  for (long number = 1; std::getline(in, raw); ++number) {
    const std::string line(trim(raw.substr(0, raw.find('#'))));
    if (line.empty()) continue;
    if (line.front() == '[' && line.back() == ']') {
      section = line.substr(1, line.size() - 2);  // as Boost takes it: "[ index ]" is not [index]
      if (!known_section(section)) {
        throw UsageError(
            located(path, number, "unknown section " + line + " (the sections are " + known_sections() + ")"));
      }
      continue;
    }
    const auto equals = line.find('=');
    if (equals == std::string::npos) {
      throw UsageError(located(path, number, "'" + line + "' is not a 'key = value' line, a [section] or a # comment"));
    }
    const std::string key(trim(std::string_view(line).substr(0, equals)));
    if (key.empty()) throw UsageError(located(path, number, "no key before '='"));
    keys.push_back({number, section, key});
  }
  return keys;
}

std::string read_whole_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw UsageError("config file '" + path + "': a directory, not a file");
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError("cannot read config file '" + path + "'" +
                     (errno ? std::string(": ") + std::strerror(errno) : ""));
  }
  auto text = read_at_most(in, limits::max_config_file_bytes);
  if (!text) {
    throw UsageError("config file '" + path + "': over " + limits::describe_bytes(limits::max_config_file_bytes) +
                     ", not a config file");
  }
  if (text->rfind("\xEF\xBB\xBF", 0) == 0) text->erase(0, 3);  // a byte-order mark some editors write
  return *text;
}

// Boost's own parser, keys unregistered: which keys a binary takes is checked here, with lines.
std::vector<po::option> parse_with_boost(const std::string& path, const std::string& text) {
  std::istringstream in(text);
  po::options_description none;
  try {
    return po::parse_config_file(in, none, true).options;
  } catch (const po::error& e) {  // scan_lines has refused what Boost refuses: not expected
    throw UsageError("config file '" + path + "': " + e.what());
  }
}

// The keys allowed where `line` stands: the shared ones before any section, the binary's in its own.
std::vector<std::string_view> allowed_keys(const ConfigSchema& schema, const ScannedLine& line) {
  if (!line.section.empty()) return schema.keys;
  return {std::begin(shared_config_keys), std::end(shared_config_keys)};
}

bool listed(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string unknown_key(const std::vector<std::string_view>& allowed, const ScannedLine& line) {
  const std::string where = line.section.empty() ? "before any section" : "in [" + line.section + "]";
  std::string names;
  for (const auto key : allowed) names += (names.empty() ? "" : ", ") + std::string(key);
  return "unknown key '" + line.key + "' " + where + " (known: " + names + ")";
}

// Shared keys that the binary's own section sets again are the section's.
void mark_overridden_by_section(std::vector<ConfigSetting>& settings) {
  for (auto& shared : settings) {
    if (!shared.section.empty()) continue;
    for (const auto& own : settings) {
      if (own.section.empty() || own.key != shared.key) continue;
      shared.overridden_by = "[" + own.section + "]";
      break;
    }
  }
}

}  // namespace

ConfigLocation locate_config_file(const std::string& config_option, bool no_config) {
  if (no_config) return {"", "--no-config"};
  if (!config_option.empty()) return {config_option, "--config"};
  if (const char* path = environment("DIPNEWS_CONFIG")) return {path, "$DIPNEWS_CONFIG"};
  fs::path dir;
  std::string found_by;
  if (const char* xdg = environment("XDG_CONFIG_HOME"); xdg && fs::path(xdg).is_absolute()) {
    dir = xdg;
    found_by = "$XDG_CONFIG_HOME/dipnews/config";
  } else if (const char* home = environment("HOME")) {
    dir = fs::path(home) / ".config";
    found_by = "~/.config/dipnews/config";
  } else {
    return {"", "neither $XDG_CONFIG_HOME nor $HOME is set"};
  }
  const fs::path path = dir / "dipnews" / "config";
  std::error_code ec;
  if (!fs::exists(path, ec)) return {"", "no " + path.string()};
  return {path.string(), found_by};
}

std::string resolve_config_path(const std::string& value, const std::string& base_dir) {
  if (value == "~" || value.rfind("~/", 0) == 0) {
    const char* home = environment("HOME");
    if (!home) throw UsageError("'" + value + "': $HOME is not set");
    return (fs::path(home) / value.substr(std::min<std::size_t>(2, value.size()))).lexically_normal().string();
  }
  if (value.empty() || fs::path(value).is_absolute()) return value;
  return (fs::path(base_dir) / value).lexically_normal().string();
}

std::vector<ConfigSetting> read_config_file(const std::string& path, const ConfigSchema& schema) {
  const std::string text = read_whole_file(path);
  const auto lines = scan_lines(path, text);
  const auto options = parse_with_boost(path, text);
  if (options.size() != lines.size())
    throw UsageError("config file '" + path + "': cannot be read as key = value lines");
  const std::string base_dir = fs::absolute(path).parent_path().lexically_normal().string();
  std::vector<ConfigSetting> settings;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const ScannedLine& line = lines[i];
    if (!line.section.empty() && line.section != schema.section) continue;  // the other binary's
    const auto allowed = allowed_keys(schema, line);
    if (!listed(allowed, line.key)) throw UsageError(located(path, line.number, unknown_key(allowed, line)));
    std::string value = options[i].value.empty() ? std::string() : options[i].value.front();
    if (listed(schema.path_keys, line.key)) {
      if (value.empty()) throw UsageError(located(path, line.number, line.key + ": empty path"));
      try {
        value = resolve_config_path(value, base_dir);
      } catch (const UsageError& e) {
        throw UsageError(located(path, line.number, line.key + ": " + e.message()));
      }
    }
    settings.push_back({line.section, line.key, value, line.number, ""});
  }
  mark_overridden_by_section(settings);
  return settings;
}

}  // namespace dipnews
