// Reader for the dictionaries' record syntax (corpus/dictionaries/README.md): blocks of
// "key: value" lines separated by blank lines, '#' comments, " | "-separated lists.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text_util.h"  // trim

namespace dipnews {

struct RecordField {
  std::string key;
  std::string value;
  long line = 0;
};

struct Record {
  std::shared_ptr<const std::string> file;
  long line = 0;                    // line of the record's first field
  std::vector<RecordField> fields;  // in file order; fields[0] names kind and id

  const std::string& kind() const { return fields.front().key; }
  const std::string& id() const { return fields.front().value; }
  // Every value of `key`, lists split on " | " and trimmed.
  std::vector<std::string> values(std::string_view key) const;
  // The same, each handed to visit(std::string_view) without a copy.
  template <typename Visit>
  void for_each_value(std::string_view key, Visit visit) const;
  // The single value of `key`, or "" when absent.
  std::string value(std::string_view key) const;
  const RecordField* field(std::string_view key) const;
  std::string where(long at_line = 0) const;  // "FILE:LINE"
};

// All records of a file, the header first. Throws RuntimeFailure naming FILE:LINE for
// a line that is not "key: value" or a file that cannot be read.
std::vector<Record> read_record_file(const std::string& path);

std::vector<std::string> split_list(std::string_view value);
// The same, each non-empty trimmed item handed to visit(std::string_view).
template <typename Visit>
void for_each_list_item(std::string_view value, Visit visit) {
  while (true) {
    const auto bar = value.find('|');
    const auto item = trim(value.substr(0, bar));
    if (!item.empty()) visit(item);
    if (bar == std::string_view::npos) break;
    value.remove_prefix(bar + 1);
  }
}

template <typename Visit>
void Record::for_each_value(std::string_view key, Visit visit) const {
  for (const auto& f : fields) {
    if (f.key == key) for_each_list_item(f.value, visit);
  }
}

}  // namespace dipnews
