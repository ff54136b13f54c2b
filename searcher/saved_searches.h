// Saved searches: named dipnews-search command lines kept in a file, run with --saved NAME
// (docs/reference.md, Saved searches). One a line, as notmuch keeps named queries in its
// config's [query] section:
//
//   # comment
//   NAME = OPTIONS AND QUERY, quoted as in the shell
//   ukraine = --sort=newest --limit=5 'actor:"Volodymyr Zelenskyy"' topic:peace-talks
//
// The words after '=' are what one would type after dipnews-search; no variables, globs or
// substitutions. This module reads and checks the file's form; the options themselves are
// checked against the option table by search_options.cc, which knows it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipnews {

struct SavedSearch {
  std::string name;
  std::string text;               // the words after '=', as written
  std::vector<std::string> args;  // the same, split as the shell would
  std::string file;
  long line = 0;
  std::string where() const { return file + ":" + std::to_string(line); }  // "FILE:LINE"
};

// The file --saved reads: `option` (--saved-file) when given, else $DIPNEWS_SAVED_SEARCHES,
// else $XDG_CONFIG_HOME/dipnews/searches (XDG_CONFIG_HOME unset or relative: ~/.config).
// `explicit_file` says whether the user named it (then it must exist).
struct SavedSearchesFile {
  std::string path;
  bool explicit_file = false;
};
SavedSearchesFile saved_searches_file(const std::string& option);

// Every saved search of the file, in file order. A missing file that was not named
// explicitly holds none. Throws UsageError "FILE:LINE: WHAT" for a bad line (a bad name, a
// name defined twice, an unterminated quote, nothing after '='), or naming the file when it
// cannot be read.
std::vector<SavedSearch> load_saved_searches(const SavedSearchesFile& file);

// Shell-like words: blanks separate, '...' is literal, "..." keeps \" and \\ escapes, a
// backslash outside quotes escapes the next character. nullopt for an unterminated quote.
std::optional<std::vector<std::string>> split_shell_words(std::string_view text);

// A name saved searches may take: letters, digits, '.', '_', '-', not starting with '.' or
// '-', at most 64 bytes (it names a file under the state directory: new_articles.h).
bool is_saved_search_name(std::string_view name);

}  // namespace dipnews
