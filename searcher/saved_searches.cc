#include "saved_searches.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "error.h"
#include "text_util.h"

namespace dipnews {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// An environment variable's value, or empty.
std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// XDG base directories must be absolute; a relative one is ignored, as the spec says.
std::string xdg_config_home() {
  const std::string xdg = env("XDG_CONFIG_HOME");
  if (!xdg.empty() && xdg.front() == '/') return xdg;
  const std::string home = env("HOME");
  if (home.empty()) throw UsageError("cannot find the saved searches: neither XDG_CONFIG_HOME nor HOME is set");
  return home + "/.config";
}

SavedSearch parse_line(const std::string& file, long number, std::string_view line) {
  const auto equals = line.find('=');
  if (equals == std::string_view::npos) {
    throw UsageError(file + ":" + std::to_string(number) + ": expected NAME = OPTIONS AND QUERY");
  }
  SavedSearch s;
  s.file = file;
  s.line = number;
  s.name = std::string(trim(line.substr(0, equals)));
  s.text = std::string(trim(line.substr(equals + 1)));
  if (!is_saved_search_name(s.name)) {
    throw UsageError(s.where() + ": bad saved search name '" + s.name +
                     "' (letters, digits, '.', '_' and '-', not first '.' or '-', at most 64)");
  }
  auto words = split_shell_words(s.text);
  if (!words) throw UsageError(s.where() + ": saved search '" + s.name + "': unterminated quote");
  if (words->empty()) throw UsageError(s.where() + ": saved search '" + s.name + "' has no options or query");
  s.args = std::move(*words);
  return s;
}

}  // namespace

bool is_saved_search_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '.' || name.front() == '-') return false;
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

std::optional<std::vector<std::string>> split_shell_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_blank(c)) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\'') {
      const auto close = text.find('\'', i + 1);
      if (close == std::string_view::npos) return std::nullopt;
      word.append(text.substr(i + 1, close - i - 1));
      i = close;
    } else if (c == '"') {
      for (++i;; ++i) {
        if (i >= text.size()) return std::nullopt;
        if (text[i] == '"') break;
        if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\\')) ++i;
        word += text[i];
      }
    } else if (c == '\\' && i + 1 < text.size()) {
      word += text[++i];
    } else {
      word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

SavedSearchesFile saved_searches_file(const std::string& option) {
  if (!option.empty()) return {option, true};
  if (const std::string from_env = env("DIPNEWS_SAVED_SEARCHES"); !from_env.empty()) return {from_env, true};
  return {xdg_config_home() + "/dipnews/searches", false};
}

std::vector<SavedSearch> load_saved_searches(const SavedSearchesFile& file) {
  std::error_code ec;
  if (!file.explicit_file && !std::filesystem::exists(file.path, ec)) return {};
  if (std::filesystem::is_directory(file.path, ec)) {
    throw UsageError(file.path + ": a directory, not a file of saved searches");
  }
  errno = 0;
  std::ifstream in(file.path);
  if (!in) {
    throw UsageError(file.path + ": cannot read the saved searches" +
                     (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()));
  }
  std::vector<SavedSearch> searches;
  std::string line;
  for (long number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string_view content = trim(line);
    if (content.empty() || content.front() == '#') continue;
    SavedSearch s = parse_line(file.path, number, content);
    for (const auto& earlier : searches) {
      if (earlier.name == s.name) {
        throw UsageError(s.where() + ": saved search '" + s.name + "' is already defined at line " +
                         std::to_string(earlier.line));
      }
    }
    searches.push_back(std::move(s));
  }
  if (in.bad()) throw UsageError(file.path + ": cannot read the saved searches: " + std::strerror(errno));
  return searches;
}

}  // namespace dipnews
