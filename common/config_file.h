// The config file (docs/reference.md, "Config file"), in the conventions of notmuch, mu and
// ripgrep: found by --config FILE, else $DIPNEWS_CONFIG, else $XDG_CONFIG_HOME/dipnews/config
// (~/.config when unset), else there is none; --no-config reads none. The syntax is Boost's
// config-file syntax (its parser reads it): "key = value" lines, '#' comments, [sections].
// Keys before any section are shared by both binaries; [index] and [search] hold the default
// options of each. A key is an option's long name.
//
// Boost's parser gives no line numbers: the lines are scanned here too, so that every
// message names FILE:LINE; and a key no binary knows is an error, never ignored.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dipnews {

// Where the config file is, and how it was found (what --print-config says).
struct ConfigLocation {
  std::string path;      // empty: no config file is read
  std::string found_by;  // "--config", "$DIPNEWS_CONFIG", "$XDG_CONFIG_HOME/dipnews/config"...; or why none
};

// `config_option`: the value of --config ("" when not given). Reads $DIPNEWS_CONFIG,
// $XDG_CONFIG_HOME and $HOME (an empty or relative $XDG_CONFIG_HOME counts as unset, as the
// XDG specification says). A file named by --config or $DIPNEWS_CONFIG must exist (checked
// when read); the XDG one is used only when it exists.
ConfigLocation locate_config_file(const std::string& config_option, bool no_config);

// The keys both binaries take, which may stand before any section (paths, both of them).
inline constexpr std::string_view shared_config_keys[] = {"db", "dictionary"};

// What one binary reads: its section, and which of its options the file may set.
struct ConfigSchema {
  std::string_view section;                 // "index": the binary's [section]
  std::vector<std::string_view> keys;       // may stand in [section] (the shared keys included)
  std::vector<std::string_view> path_keys;  // whose values are paths, relative to the file's directory
  // Keys an environment variable set (non-empty) overrides: {"db", "DIPNEWS_DB"}.
  std::vector<std::pair<std::string_view, const char*>> environment;
};

// The sections a config file may have. Each binary checks the shared keys and its own
// section, and passes over the other binary's section (which that binary checks).
inline constexpr std::string_view config_sections[] = {"index", "search"};

// One "key = value" line that applies to the binary reading the file.
struct ConfigSetting {
  std::string section;  // "" for a shared key
  std::string key;
  std::string value;  // trimmed; a path made absolute
  long line = 0;
  std::string overridden_by;  // why it is not applied ("[search]", "--limit", "$DIPNEWS_DB"), or ""
};

// The settings of `path` that apply to `schema`'s binary, in file order. A shared key that the
// binary's section sets again is marked overridden by the section. Throws UsageError
// "PATH:LINE: ..." for a line that is neither a comment, a [section] nor "key = value", an
// unknown section, a key the binary does not take, and a file that cannot be read.
std::vector<ConfigSetting> read_config_file(const std::string& path, const ConfigSchema& schema);

// "~/x" under $HOME, a relative path under `base_dir`, an absolute one as it is.
std::string resolve_config_path(const std::string& value, const std::string& base_dir);

}  // namespace dipnews
