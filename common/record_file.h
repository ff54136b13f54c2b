// Reader for the dictionaries' record syntax (corpus/dictionaries/README.md): blocks of
// "key: value" lines separated by blank lines, '#' comments, " | "-separated lists.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

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
  // The single value of `key`, or "" when absent.
  std::string value(std::string_view key) const;
  const RecordField* field(std::string_view key) const;
  std::string where(long at_line = 0) const;  // "FILE:LINE"
};

// All records of a file, the header first. Throws RuntimeFailure naming FILE:LINE for
// a line that is not "key: value" or a file that cannot be read.
std::vector<Record> read_record_file(const std::string& path);

std::vector<std::string> split_list(std::string_view value);

}  // namespace dipnews
