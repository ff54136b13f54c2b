// The user's own fields (docs/reference.md, "Your own fields"): extra input fields declared
// with --field NAME[=KEY] or 'field = NAME[=KEY]' in the config file's [index] section, in the
// spirit of notmuch's index.header.<name> = <header>. NAME is what queries, --facets and the
// outputs call the field; KEY the JSONL key, text header or HTML <meta name|property> it is
// read from (NAME when not given). Each becomes a boolean filter matched exactly like source:
// (case, accents and punctuation ignored, no stemming), a facet and an output column.
//
// The declaration is recorded in the index (schema::metadata::custom_fields) with each field's
// value slot, so that the searcher knows the fields without being told, and the slots never
// move: a later run adds fields but never drops or re-keys one (fields_for_run).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace dipnews {

struct CustomField {
  std::string name;  // lower-case letters, digits and '_', starting with a letter
  std::string key;   // the input's name for it (JSONL key, text header, HTML meta name)
  Xapian::valueno slot = 0;
  bool operator==(const CustomField& o) const { return name == o.name && key == o.key && slot == o.slot; }
};

// What is wrong with a field name, or nullopt: its characters, its length, or a clash with a
// built-in field (actor:, source:, date:...). The message names the name.
std::optional<std::string> field_name_problem(std::string_view name);

// "speaker" or "iso3=country_iso3", as --field and the config file take it (spaces around
// '=' allowed). The slot is left 0: fields_for_run assigns it. Throws UsageError.
CustomField parse_field_declaration(std::string_view text);

// The fields of an index, in record order.
using CustomFields = std::vector<CustomField>;

const CustomField* find_field(const CustomFields& fields, std::string_view name);
std::vector<std::string> field_names(const CustomFields& fields);

// The record kept in the index: [{"name","key","slot"}...]; "" for no fields.
std::string encode_custom_fields(const CustomFields& fields);
// Throws RuntimeFailure for a record this code did not write (a damaged index).
CustomFields decode_custom_fields(const std::string& record);
// The fields recorded in `db` (none when it has no record).
CustomFields recorded_custom_fields(const Xapian::Database& db);

// The fields a run indexes with, given its declarations and what the index records:
//  - no declaration: the recorded fields, as they are (a daily run need not repeat them);
//  - declarations: every recorded field must be among them with the same key (else
//    UsageError naming what is missing: dropping a field would leave its terms on old
//    articles only), and new ones get the next free slots.
// Throws UsageError for a name declared twice with two keys, or more than
// limits::max_custom_fields fields.
CustomFields fields_for_run(const std::vector<CustomField>& declared, const CustomFields& recorded);

// A value as stored and shown: whitespace collapsed and trimmed ("" when nothing is left).
std::string clean_field_value(std::string_view value);

// The boolean term of a value: schema::prefix::custom_field + name + ':' + the value without
// case, accents or punctuation ("Wang  Yi" and "wang-yi" -> "XFspeaker:wang-yi"), cut (at a
// character boundary) to Xapian's term limit. Built the same way at index and at query time.
// Empty when nothing of the value is left to match (punctuation only).
std::string custom_field_term(std::string_view name, std::string_view value);

}  // namespace dipnews
