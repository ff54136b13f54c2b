#include "input/jsonl_reader.h"

#include <nlohmann/json.hpp>

#include "bounded_read.h"
#include "date.h"
#include "resource_limits.h"
#include "text_util.h"

namespace dipnews {

namespace {

using nlohmann::json;

// A field problem, reported as FILE:LINE: error: WHAT by the caller.
struct FieldError {
  std::string what;
};

std::string string_field(const json& obj, const char* key, bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) throw FieldError{std::string("missing required field \"") + key + "\""};
    return {};
  }
  if (it->is_string()) return it->get<std::string>();
  throw FieldError{std::string("field \"") + key + "\" must be a string"};
}

// Ids are strings, but many datasets number their articles: accept integers too.
std::string id_field(const json& obj) {
  auto it = obj.find("id");
  if (it != obj.end() && it->is_number_integer()) return it->dump();
  return string_field(obj, "id", true);
}

std::vector<std::string> string_list_field(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return {};
  std::vector<std::string> out;
  if (it->is_array()) {
    for (const auto& item : *it) {
      if (!item.is_string()) break;
      out.push_back(item.get<std::string>());
    }
    if (out.size() == it->size()) return out;
  }
  throw FieldError{std::string("field \"") + key + "\" must be an array of strings"};
}

// One value of a declared field: strings as they are, numbers and booleans as JSON writes them.
std::string scalar_value(const json& value, const CustomField& field) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  throw FieldError{"field \"" + field.key + "\" (declared as " + field.name +
                   ") must be a string, a number, true/false or an array of them"};
}

void read_custom_fields(const json& obj, const CustomFields& fields, Article& a) {
  for (const auto& field : fields) {
    auto it = obj.find(field.key);
    if (it == obj.end() || it->is_null()) continue;
    if (!it->is_array()) {
      a.fields.emplace_back(field.name, scalar_value(*it, field));
      continue;
    }
    for (const auto& item : *it) {
      if (!item.is_null()) a.fields.emplace_back(field.name, scalar_value(item, field));
    }
  }
}

Article article_from_json(const json& obj, const CustomFields& fields) {
  if (!obj.is_object()) throw FieldError{"expected a JSON object"};
  Article a;
  a.id = id_field(obj);
  a.title = string_field(obj, "title", false);
  a.body = string_field(obj, "body", true);
  // A wire dateline ("BERLIN, Dec 15") opens the story, as it does in print.
  if (const std::string dateline = string_field(obj, "dateline", false); !trim(dateline).empty()) {
    a.body = std::string(trim(dateline)) + " - " + a.body;
  }
  a.source = string_field(obj, "source", false);
  a.url = string_field(obj, "url", false);
  a.language = string_field(obj, "language", false);
  a.actors = string_list_field(obj, "actors");
  a.topics = string_list_field(obj, "topics");
  const std::string date = string_field(obj, "date", false);
  if (!date.empty()) {
    auto parsed = parse_article_date(date);
    if (!parsed) throw FieldError{"bad date \"" + date + "\" (expected YYYY-MM-DD or RFC 3339)"};
    a.date = *parsed;
  }
  read_custom_fields(obj, fields, a);
  return a;
}

// nlohmann's messages start with "[json.exception.parse_error.101] "; users need the rest.
std::string short_json_message(const std::string& what) {
  auto pos = what.find("] ");
  return pos == std::string::npos ? what : what.substr(pos + 2);
}

}  // namespace

void JsonlReader::read(std::istream& in, const std::string& path, ArticleSink& sink) const {
  std::string line;
  long number = 0;
  // One line is one article: a line longer than an article may be is passed over unread,
  // so its size never decides how much memory the run takes.
  for (LineRead got; (got = read_bounded_line(in, line, limits::max_article_bytes)) != LineRead::end;) {
    ++number;
    if (got == LineRead::too_long) {
      sink.error({path, number,
                  "line longer than " + limits::describe_bytes(limits::max_article_bytes) +
                      ", the most one article may have"});
      continue;
    }
    if (line.find('\0') != std::string::npos) {
      // JSON text never holds a NUL byte. On the first line it means a binary file (a
      // compressed one, say), whose every "line" would be another error: skip the file.
      if (number == 1) return sink.error({path, number, "binary data (NUL bytes), not JSONL text; file skipped"});
      sink.error({path, number, "NUL bytes in the line (a damaged file?)"});
      continue;
    }
    if (trim(line).empty()) continue;
    if (!is_valid_utf8(line)) {
      sink.error({path, number, "not valid UTF-8 (convert the file to UTF-8)"});
      continue;
    }
    try {
      Article a = article_from_json(json::parse(line), fields_);
      a.origin_file = path;
      a.origin_line = number;
      sink.article(std::move(a));
    } catch (const json::exception& e) {
      sink.error({path, number, "invalid JSON: " + short_json_message(e.what())});
    } catch (const FieldError& e) {
      sink.error({path, number, e.what});
    }
  }
  if (in.bad()) sink.error({path, number, "read error"});
}

}  // namespace dipnews
