#include "id_list.h"

#include <fstream>
#include <iostream>

#include "input/input_files.h"
#include "text_util.h"

namespace dipnews {

namespace {

void read_ids(std::istream& in, const std::string& name, const std::function<void(const std::string&)>& on_id,
              const std::function<void(const InputError&)>& on_error) {
  std::string line;
  long number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string id(trim(line));
    if (id.empty() || id.front() == '#') continue;
    if (!is_valid_utf8(id)) {
      on_error({name, number, "invalid UTF-8 in an id"});
      continue;
    }
    on_id(id);
  }
  if (in.bad()) on_error({name, number, "read error"});
}

}  // namespace

void read_id_list(const std::string& path, const std::function<void(const std::string& id)>& on_id,
                  const std::function<void(const InputError&)>& on_error) {
  if (path == stdin_name) return read_ids(std::cin, stdin_label, on_id, on_error);
  std::ifstream in(path);
  if (!in) return on_error({path, 0, "cannot open file"});
  read_ids(in, path, on_id, on_error);
}

}  // namespace dipnews
