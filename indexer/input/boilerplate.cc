#include "input/boilerplate.h"

#include <fstream>

#include <re2/re2.h>

#include "error.h"
#include "resource_limits.h"
#include "text_util.h"

namespace dipnews {

namespace {
// Boilerplate is short page furniture; testing long paragraphs would only cost time.
constexpr std::size_t max_boilerplate_line_bytes = 240;
}  // namespace

void BoilerplateFilter::add_pattern(const std::string& pattern) {
  if (pattern.find('\0') != std::string::npos) throw BadPattern("NUL byte in the pattern");
  if (pattern.size() > limits::max_boilerplate_pattern_bytes) {
    throw BadPattern("pattern longer than " + limits::describe_bytes(limits::max_boilerplate_pattern_bytes));
  }
  RE2::Options options;  // UTF-8, RE2 syntax
  options.set_case_sensitive(false);
  options.set_log_errors(false);  // the error is ours to report, once, naming the file and line
  auto re = std::make_shared<const RE2>(pattern, options);
  if (!re->ok()) throw BadPattern(re->error());  // "missing ): (unclosed", "pattern too large - compile failed"
  patterns_.push_back(std::move(re));
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
    } catch (const BadPattern& e) {
      throw RuntimeFailure(InputError{path, number, std::string("bad pattern: ") + e.what()}.to_string());
    }
  }
}

bool BoilerplateFilter::is_boilerplate(std::string_view line) const {
  std::string_view trimmed = trim(line);
  if (trimmed.empty() || trimmed.size() > max_boilerplate_line_bytes) return false;
  const std::string folded = fold_quotes(trimmed);
  for (const auto& pattern : patterns_) {
    if (RE2::FullMatch(folded, *pattern)) return true;
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
