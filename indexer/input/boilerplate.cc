#include "input/boilerplate.h"

#include <fstream>

#include "error.h"
#include "text_util.h"

namespace dipnews {

namespace {
// Boilerplate is short page furniture; testing long paragraphs would only cost time.
constexpr std::size_t max_boilerplate_line_bytes = 240;
}  // namespace

void BoilerplateFilter::add_pattern(const std::string& pattern) {
  patterns_.emplace_back(pattern, std::regex::ECMAScript | std::regex::icase | std::regex::optimize);
}

void BoilerplateFilter::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw RuntimeFailure(path + ": error: cannot read boilerplate patterns");
  std::string line;
  long number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view pattern = trim(line);
    if (pattern.empty() || pattern.front() == '#') continue;
    try {
      add_pattern(std::string(pattern));
    } catch (const std::regex_error& e) {
      throw RuntimeFailure(InputError{path, number, std::string("bad pattern: ") + e.what()}.to_string());
    }
  }
}

bool BoilerplateFilter::is_boilerplate(std::string_view line) const {
  std::string_view trimmed = trim(line);
  if (trimmed.empty() || trimmed.size() > max_boilerplate_line_bytes) return false;
  const std::string folded = fold_quotes(trimmed);
  for (const auto& pattern : patterns_) {
    if (std::regex_match(folded, pattern)) return true;
  }
  return false;
}

std::string BoilerplateFilter::strip(std::string_view text) const {
  if (patterns_.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!is_boilerplate(line)) {
      out.append(line);
      if (end != std::string_view::npos) out += '\n';
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace dipnews
