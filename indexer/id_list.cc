#include "id_list.h"

#include <cerrno>
#include <fstream>
#include <iostream>

#include "file_errors.h"
#include "input/input_files.h"
#include "resource_limits.h"
#include "schema.h"
#include "text_util.h"

namespace dipnews {

namespace {

enum class IdLine { ok, too_long, end };

// Like std::getline, but stops after max_bytes: the caller gives up on the file then.
IdLine read_id_line(std::istream& in, std::string& line, std::size_t max_bytes) {
  line.clear();
  std::streambuf* buf = in.rdbuf();
  for (;;) {
    const int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      return line.empty() ? IdLine::end : IdLine::ok;
    }
    if (c == '\n') return IdLine::ok;
    if (line.size() == max_bytes) return IdLine::too_long;
    line.push_back(static_cast<char>(c));
  }
}

void read_ids(std::istream& in, const std::string& name, const std::function<void(const std::string&)>& on_id,
              const std::function<void(const InputError&)>& on_error) {
  std::string line;
  long number = 0;
  for (IdLine read; (read = read_id_line(in, line, limits::max_id_list_line_bytes)) != IdLine::end;) {
    ++number;
    if (read == IdLine::too_long) {
      on_error({name, number,
                "line longer than " + limits::describe_bytes(limits::max_id_list_line_bytes) +
                    " (not a list of ids); the rest of the file is not read"});
      return;
    }
    const std::string id(trim(line));
    if (id.empty() || id.front() == '#') continue;
    if (id.size() > schema::max_id_bytes) {
      on_error({name, number, "id longer than " + std::to_string(schema::max_id_bytes) + " bytes"});
      continue;
    }
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
  errno = 0;
  std::ifstream in(path);
  if (!in) return on_error({path, 0, cannot_open_file(path, errno)});
  read_ids(in, path, on_id, on_error);
}

}  // namespace dipnews
