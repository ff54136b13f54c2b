#include "new_articles.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "error.h"
#include "schema.h"

namespace dipnews {

namespace fs = std::filesystem;

namespace {

std::string state_home() {
  const char* xdg = std::getenv("XDG_STATE_HOME");
  if (xdg && xdg[0] == '/') return xdg;  // XDG: a relative path is ignored
  const char* home = std::getenv("HOME");
  if (!home || !*home) throw RuntimeFailure("--new: cannot keep its state: neither XDG_STATE_HOME nor HOME is set");
  return std::string(home) + "/.local/state";
}

std::string index_key(std::vector<std::string> dbs) {
  for (auto& db : dbs) {
    std::error_code ec;
    const fs::path absolute = fs::weakly_canonical(fs::absolute(db, ec), ec);
    if (!ec) db = absolute.string();
  }
  std::sort(dbs.begin(), dbs.end());
  std::string key;
  for (const auto& db : dbs) key += (key.empty() ? "" : "|") + db;
  return key;
}

// The state file's lines, "INDEX<TAB>VALUE"; a missing file has none.
std::vector<std::pair<std::string, std::string>> read_lines(const std::string& file) {
  std::vector<std::pair<std::string, std::string>> lines;
  errno = 0;
  std::ifstream in(file);
  if (!in) {
    if (errno == ENOENT) return lines;
    throw RuntimeFailure(file + ": cannot read the --new state: " + std::strerror(errno));
  }
  std::string line;
  for (long number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    const auto tab = line.rfind('\t');
    if (tab == std::string::npos || !schema::parse_indexed_value(line.substr(tab + 1))) {
      throw RuntimeFailure(file + ":" + std::to_string(number) +
                           ": bad --new state line (expected INDEX<TAB>17 digits; remove the line to start afresh)");
    }
    lines.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return lines;
}

void write_atomically(const std::string& file, const std::string& content) {
  const fs::path path(file);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    throw RuntimeFailure(path.parent_path().string() + ": cannot create the --new state directory: " + ec.message());
  const std::string temp = file + ".tmp" + std::to_string(getpid());
  FILE* out = std::fopen(temp.c_str(), "w");
  bool ok = out && std::fwrite(content.data(), 1, content.size(), out) == content.size();
  ok = out && std::fflush(out) == 0 && fsync(fileno(out)) == 0 && ok;
  const int cause = errno;
  if (out) ok = std::fclose(out) == 0 && ok;
  if (!ok || std::rename(temp.c_str(), file.c_str()) != 0) {
    const int why = ok ? errno : cause;
    std::remove(temp.c_str());
    throw RuntimeFailure(file + ": cannot save the --new state: " + std::strerror(why));
  }
}

}  // namespace

NewArticlesMark::NewArticlesMark(const std::string& search_name, const std::vector<std::string>& dbs)
    : file_(state_home() + "/dipnews/new/" + search_name), index_(index_key(dbs)) {}

std::optional<std::uint64_t> NewArticlesMark::last_seen() const {
  for (const auto& [index, value] : read_lines(file_)) {
    if (index == index_) return schema::parse_indexed_value(value);
  }
  return std::nullopt;
}

void NewArticlesMark::advance(std::uint64_t seen) const {
  std::ostringstream content;
  for (const auto& [index, value] : read_lines(file_)) {
    if (index != index_) content << index << '\t' << value << '\n';
  }
  content << index_ << '\t' << schema::indexed_value(seen) << '\n';
  write_atomically(file_, content.str());
}

std::optional<std::uint64_t> newest_indexed(const Xapian::Database& db) {
  return schema::parse_indexed_value(db.get_value_upper_bound(schema::slot::indexed));
}

}  // namespace dipnews
