#include "custom_fields.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "error.h"
#include "resource_limits.h"
#include "schema.h"
#include "text_tokens.h"
#include "text_util.h"

namespace dipnews {

namespace {

// Names the outputs and the input already use beside the query fields: a custom field of one
// of these names would make two csv columns, or two meanings of a JSONL key, of one name.
constexpr std::string_view reserved_names[] = {"url",   "body",    "actors", "topics", "dateline", "rank",
                                               "score", "snippet", "story",  "copies", "qid",      "fields"};

bool is_builtin(std::string_view name) {
  for (const auto& field : schema::query_fields()) {
    if (field.name == name) return true;
  }
  return std::find(std::begin(reserved_names), std::end(reserved_names), name) != std::end(reserved_names);
}

std::string builtin_names() {
  std::string names;
  for (const auto& field : schema::query_fields()) names += (names.empty() ? "" : ", ") + std::string(field.name);
  for (const auto name : reserved_names) names += ", " + std::string(name);
  return names;
}

// Xapian's query parser takes "name:" as a field only when the name is one word: letters,
// digits and '_' ('-' splits words there), and ours needs a letter first ("10:30" is no field).
bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// A key is matched against JSONL keys, text headers and meta names: printable ASCII, no space.
bool is_key_char(char c) { return c > ' ' && c < 127 && c != '='; }

// Cuts `s` to at most `bytes`, never inside a UTF-8 sequence.
std::string cut_utf8(std::string s, std::size_t bytes) {
  if (s.size() <= bytes) return s;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
  return s;
}

}  // namespace

std::optional<std::string> field_name_problem(std::string_view name) {
  if (name.empty()) return std::string("empty field name");
  std::string problem = "field name '";  // appended to: gcc 12 warns (-Wrestrict) on "..." + std::string&&
  problem.append(name).append("' ");
  if (name.size() > limits::max_field_name_bytes) {
    return problem.append("is longer than ").append(std::to_string(limits::max_field_name_bytes)).append(" bytes");
  }
  if (!(name.front() >= 'a' && name.front() <= 'z') || !std::all_of(name.begin(), name.end(), is_name_char)) {
    return problem.append("is not one: use lower-case letters, digits and '_', starting with a letter (a query types ")
        .append("it before ':')");
  }
  if (is_builtin(name) || name.rfind("dipnews", 0) == 0) {
    return problem.append("is a built-in field's (built-in: ").append(builtin_names()).append("); choose another");
  }
  return std::nullopt;
}

CustomField parse_field_declaration(std::string_view text) {
  const auto equals = text.find('=');
  CustomField field;
  field.name = std::string(trim(text.substr(0, equals)));
  field.key = equals == std::string_view::npos ? field.name : std::string(trim(text.substr(equals + 1)));
  if (auto problem = field_name_problem(field.name)) throw UsageError("--field: " + *problem);
  if (field.key.empty() || field.key.size() > 200 || !std::all_of(field.key.begin(), field.key.end(), is_key_char)) {
    throw UsageError("--field: bad input key '" + field.key + "' in '" + std::string(text) +
                     "' (expected NAME or NAME=KEY, KEY printable ASCII without spaces)");
  }
  return field;
}

const CustomField* find_field(const CustomFields& fields, std::string_view name) {
  for (const auto& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

std::vector<std::string> field_names(const CustomFields& fields) {
  std::vector<std::string> names;
  for (const auto& field : fields) names.push_back(field.name);
  return names;
}

std::string encode_custom_fields(const CustomFields& fields) {
  if (fields.empty()) return {};
  nlohmann::json record = nlohmann::json::array();
  for (const auto& f : fields) record.push_back({{"name", f.name}, {"key", f.key}, {"slot", f.slot}});
  return record.dump();
}

CustomFields decode_custom_fields(const std::string& record) {
  if (record.empty()) return {};
  try {
    CustomFields fields;
    for (const auto& j : nlohmann::json::parse(record)) {
      CustomField f{j.at("name").get<std::string>(), j.at("key").get<std::string>(),
                    j.at("slot").get<Xapian::valueno>()};
      if (field_name_problem(f.name) || f.slot < schema::slot::custom_first) throw std::runtime_error(f.name);
      fields.push_back(std::move(f));
    }
    return fields;
  } catch (const std::exception& e) {
    throw RuntimeFailure(std::string("unreadable record of the index's own fields (") +
                         schema::metadata::custom_fields + "): " + e.what());
  }
}

CustomFields recorded_custom_fields(const Xapian::Database& db) {
  return decode_custom_fields(db.get_metadata(schema::metadata::custom_fields));
}

namespace {

std::string describe(const CustomField& f) { return f.key == f.name ? f.name : f.name + "=" + f.key; }

// The recorded fields that `declared` leaves out or gives another key.
std::vector<CustomField> dropped(const std::vector<CustomField>& declared, const CustomFields& recorded) {
  std::vector<CustomField> out;
  for (const auto& r : recorded) {
    const auto d =
        std::find_if(declared.begin(), declared.end(), [&](const CustomField& f) { return f.name == r.name; });
    if (d == declared.end() || d->key != r.key) out.push_back(r);
  }
  return out;
}

}  // namespace

CustomFields fields_for_run(const std::vector<CustomField>& declared, const CustomFields& recorded) {
  if (declared.empty()) return recorded;
  if (const auto missing = dropped(declared, recorded); !missing.empty()) {
    std::string names;
    for (const auto& f : missing) names += (names.empty() ? "" : ", ") + describe(f);
    throw UsageError("the index was built with the fields " + names +
                     ", which this run's --field declarations leave out or read from another key; declare them as "
                     "recorded (--field " +
                     describe(missing.front()) +
                     ", or 'field = ...' in the config file), or declare none to use the index's own");
  }
  CustomFields fields = recorded;
  Xapian::valueno next = schema::slot::custom_first;
  for (const auto& f : recorded) next = std::max(next, f.slot + 1);
  for (const auto& d : declared) {
    if (const CustomField* known = find_field(fields, d.name)) {
      if (known->key != d.key)
        throw UsageError("--field: '" + d.name + "' declared twice, as " + describe(*known) + " and " + describe(d));
      continue;
    }
    if (fields.size() == limits::max_custom_fields)
      throw UsageError("--field: at most " + std::to_string(limits::max_custom_fields) + " fields per index");
    fields.push_back({d.name, d.key, next++});
  }
  return fields;
}

std::string clean_field_value(std::string_view value) { return collapse_whitespace(trim(value)); }

std::string custom_field_term(std::string_view name, std::string_view value) {
  const std::string folded = slugify(fold_case_and_accents(value));
  if (folded.empty()) return {};
  const std::string prefix = std::string(schema::prefix::custom_field) + std::string(name) + ":";
  return cut_utf8(prefix + folded, schema::max_term_bytes);
}

}  // namespace dipnews
