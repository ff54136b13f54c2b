// Drops site boilerplate ("Unlock the ... newsletter for free", "Recommended", share
// buttons, copyright lines) from scraped article text. The patterns are data, read from
// corpus/boilerplate.txt and any file the user adds, so a new site needs no rebuild.
#pragma once

#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace dipnews {

class BoilerplateFilter {
 public:
  // Adds the patterns of one file (format: see corpus/boilerplate.txt). Throws
  // RuntimeFailure naming FILE:LINE for an unreadable file or a bad pattern.
  void load_file(const std::string& path);
  void add_pattern(const std::string& pattern);  // throws std::regex_error

  // True when the whole line (trimmed, quotes folded) matches a pattern.
  bool is_boilerplate(std::string_view line) const;

  // The text without its boilerplate lines.
  std::string strip(std::string_view text) const;

  bool empty() const { return patterns_.empty(); }

 private:
  std::vector<std::regex> patterns_;
};

}  // namespace dipnews
