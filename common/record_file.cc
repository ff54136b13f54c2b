#include "record_file.h"

#include <fstream>
#include <memory>

#include "error.h"
#include "text_util.h"

namespace dipnews {

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> out;
  for_each_list_item(value, [&](std::string_view item) { out.emplace_back(item); });
  return out;
}

std::vector<std::string> Record::values(std::string_view key) const {
  std::vector<std::string> out;
  for_each_value(key, [&](std::string_view item) { out.emplace_back(item); });
  return out;
}

const RecordField* Record::field(std::string_view key) const {
  for (const auto& f : fields) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

std::string Record::value(std::string_view key) const {
  const RecordField* f = field(key);
  return f ? f->value : std::string();
}

std::string Record::where(long at_line) const { return *file + ":" + std::to_string(at_line ? at_line : line); }

std::vector<Record> read_record_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw RuntimeFailure(path + ": error: cannot read dictionary file");
  std::vector<Record> records;
  const auto file = std::make_shared<const std::string>(path);  // one copy for all its records
  bool in_record = false;
  std::string raw;
  long number = 0;
  while (std::getline(in, raw)) {
    ++number;
    const std::string_view line = trim(raw);
    if (line.empty()) {
      in_record = false;
      continue;
    }
    if (line.front() == '#') continue;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      throw RuntimeFailure(InputError{path, number, "expected 'key: value'"}.to_string());
    }
    if (!is_valid_utf8(line)) throw RuntimeFailure(InputError{path, number, "not valid UTF-8"}.to_string());
    if (!in_record) {
      records.push_back(Record{file, number, {}});
      records.back().fields.reserve(8);  // a generated person's record has about eight
      in_record = true;
    }
    records.back().fields.push_back(
        {to_lower_ascii(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))), number});
  }
  return records;
}

}  // namespace dipnews
