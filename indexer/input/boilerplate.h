// Drops site boilerplate ("Unlock the ... newsletter for free", "Recommended", share
// buttons, copyright lines) from scraped article text. The patterns are data, read from
// corpus/boilerplate.txt and any file the user adds, so a new site needs no rebuild.
//
// Patterns are RE2 regular expressions (github.com/google/re2/wiki/Syntax): RE2 matches in
// time linear in the line, whatever the pattern, where a backtracking engine (std::regex)
// takes exponential time, or overflows its stack, on patterns such as (a+)+b.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace dipnews {

// A pattern refused by add_pattern; what() says why ("NUL byte in the pattern", RE2's own
// message, ...).
struct BadPattern : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class BoilerplateFilter {
 public:
  // Adds the patterns of one file (format: see corpus/boilerplate.txt). Throws
  // RuntimeFailure naming FILE:LINE for an unreadable file or a bad pattern.
  void load_file(const std::string& path);
  // Throws BadPattern for a pattern RE2 refuses, one longer than
  // limits::max_boilerplate_pattern_bytes, or one holding a NUL byte.
  void add_pattern(const std::string& pattern);

  // True when the whole line (trimmed, quotes folded) matches a pattern.
  bool is_boilerplate(std::string_view line) const;

  // The text without its boilerplate lines.
  std::string strip(std::string_view text) const;

  bool empty() const { return patterns_.empty(); }

 private:
  // Shared: an RE2 can be neither copied nor moved, and matching is thread-safe.
  std::vector<std::shared_ptr<const re2::RE2>> patterns_;
};

}  // namespace dipnews
