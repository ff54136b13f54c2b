#include "input/text_reader.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "bounded_read.h"
#include "date.h"
#include "resource_limits.h"
#include "text_util.h"

namespace dipnews {

namespace {

struct HeaderError {
  long line;
  std::string what;
};

std::optional<std::pair<std::string, std::string>> split_header_line(std::string_view line) {
  auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string key = to_lower_ascii(trim(line.substr(0, colon)));
  for (char c : key) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return std::nullopt;
  }
  return std::make_pair(key, std::string(trim(line.substr(colon + 1))));
}

std::vector<std::string> comma_list(std::string_view value) {
  std::vector<std::string> out;
  while (!value.empty()) {
    auto comma = value.find(',');
    auto item = trim(value.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return out;
}

void set_date(Article& a, const std::string& value, long line) {
  auto date = parse_article_date(value);
  if (!date) throw HeaderError{line, "bad date \"" + value + "\" (expected YYYY-MM-DD or RFC 3339)"};
  a.date = *date;
}

// The header keys and what each sets. The first line must use one of them for the file
// to have a header at all, so a headline such as "Berlin: talks resume" is not taken for
// one. Other keys (Author, Section...) are allowed later in a header and ignored.
using HeaderSetter = void (*)(Article&, const std::string& value, long line);
const std::pair<std::string_view, HeaderSetter> header_fields[] = {
    {"title", [](Article& a, const std::string& v, long) { a.title = v; }},
    {"date", set_date},
    {"source", [](Article& a, const std::string& v, long) { a.source = v; }},
    {"url", [](Article& a, const std::string& v, long) { a.url = v; }},
    {"id", [](Article& a, const std::string& v, long) { a.id = v; }},
    {"language", [](Article& a, const std::string& v, long) { a.language = v; }},
    {"actors", [](Article& a, const std::string& v, long) { a.actors = comma_list(v); }},
    {"topics", [](Article& a, const std::string& v, long) { a.topics = comma_list(v); }},
};

HeaderSetter setter_for(const std::string& key) {
  for (const auto& [name, setter] : header_fields) {
    if (key == name) return setter;
  }
  return nullptr;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string line(text.substr(0, end));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  if (!lines.empty() && lines.front().rfind("\xEF\xBB\xBF", 0) == 0) lines.front().erase(0, 3);
  return lines;
}

// The 1-based line of a byte offset.
long line_at(std::string_view text, std::size_t offset) {
  return 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// The declared field whose header `key` (lower case) is, or null.
const CustomField* declared_header(const CustomFields& fields, const std::string& key) {
  for (const auto& field : fields) {
    if (to_lower_ascii(field.key) == key) return &field;
  }
  return nullptr;
}

// Reads the header if there is one; returns the index of the first body line.
std::size_t read_header(const std::vector<std::string>& lines, const CustomFields& fields, Article& a) {
  auto first = lines.empty() ? std::nullopt : split_header_line(lines[0]);
  if (!first || (!setter_for(first->first) && !declared_header(fields, first->first))) return 0;
  std::size_t i = 0;
  for (; i < lines.size() && !trim(lines[i]).empty(); ++i) {
    auto kv = split_header_line(lines[i]);
    const long number = static_cast<long>(i) + 1;
    if (!kv)
      throw HeaderError{number, "malformed header line (expected 'Key: value', then a blank line before the body)"};
    if (HeaderSetter set = setter_for(kv->first)) set(a, kv->second, number);
    for (const auto& field : fields) {  // several fields may read one header
      if (to_lower_ascii(field.key) == kv->first) a.fields.emplace_back(field.name, kv->second);
    }
  }
  return i < lines.size() ? i + 1 : i;  // the blank line ending the header is not body
}

// Headerless text: the first line that is not boilerplate is the headline.
std::size_t take_title_line(const std::vector<std::string>& lines, std::size_t from,
                            const BoilerplateFilter& boilerplate, Article& a) {
  for (std::size_t i = from; i < lines.size(); ++i) {
    if (trim(lines[i]).empty() || boilerplate.is_boilerplate(lines[i])) continue;
    a.title = collapse_whitespace(lines[i]);
    return i + 1;
  }
  return lines.size();
}

std::string join_lines(const std::vector<std::string>& lines, std::size_t from) {
  std::string body;
  for (std::size_t i = from; i < lines.size(); ++i) {
    body += lines[i];
    body += '\n';
  }
  return body;
}

}  // namespace

void TextReader::read(std::istream& in, const std::string& path, ArticleSink& sink) const {
  const auto text = read_at_most(in, limits::max_article_bytes);
  if (in.bad()) {
    sink.error({path, 0, "read error"});
    return;
  }
  if (!text) {
    sink.error(
        {path, 0,
         "larger than " + limits::describe_bytes(limits::max_article_bytes) + ", the most one article may have"});
    return;
  }
  if (const auto nul = text->find('\0'); nul != std::string::npos) {
    sink.error({path, line_at(*text, nul), "binary data (NUL bytes), not text"});
    return;
  }
  const auto lines = split_lines(*text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_valid_utf8(lines[i])) {
      sink.error({path, static_cast<long>(i) + 1, "not valid UTF-8 (convert the file to UTF-8)"});
      return;
    }
  }
  Article a;
  try {
    std::size_t body_start = read_header(lines, fields_, a);
    if (body_start == 0) body_start = take_title_line(lines, 0, boilerplate_, a);
    a.body = join_lines(lines, body_start);
  } catch (const HeaderError& e) {
    sink.error({path, e.line, e.what});
    return;
  }
  apply_path_defaults(path, a);
  if (a.id.empty()) {
    sink.error({path, 1, "no ID header (text read from stdin needs 'ID: ...')"});
    return;
  }
  a.origin_file = path;
  a.origin_line = 1;
  sink.article(std::move(a));
}

}  // namespace dipnews
