#include "index_directory.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include "error.h"
#include "file_errors.h"

namespace dipnews {

namespace fs = std::filesystem;

namespace {

// A table file of a first commit that never completed holds a block or two: a larger one
// without iamglass is an index that lost its version file, which must not be thrown away.
constexpr std::uintmax_t max_unfinished_table_bytes = 1u << 20;

constexpr const char* copy_infix = ".compacting-";

bool is_table_file(const std::string& name) {
  for (const char* table : {"postlist", "termlist", "docdata", "position", "spelling", "synonym"}) {
    if (name == std::string(table) + ".glass") return true;
  }
  return false;
}

}  // namespace

bool is_index_file(const std::string& name) {
  if (is_table_file(name)) return true;
  if (name == "iamglass" || name == "v.tmp" || name == "flintlock" || name == "dipnews-writer.pid" ||
      name == "dipnews-checked" || name == "dipnews-checked.new") {
    return true;
  }
  // Replication changesets (XAPIAN_MAX_CHANGESETS): "changes" and a revision number.
  return name.size() > 7 && name.compare(0, 7, "changes") == 0 &&
         std::all_of(name.begin() + 7, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string IndexDirectory::others_text() const {
  std::string text;
  const std::size_t shown = std::min<std::size_t>(others.size(), 3);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) text += i + 1 == shown && others.size() == shown ? " and " : ", ";
    text += others[i];
  }
  if (others.size() > shown) text += " and " + std::to_string(others.size() - shown) + " more";
  return text;
}

IndexDirectory inspect_index_directory(const std::string& path) {
  IndexDirectory d;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    // A file where a parent directory should be: absent, for creating it to say so.
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory) {
      const std::string detail = ec == std::errc::filename_too_long ? name_too_long_detail(path) : "";
      throw RuntimeFailure("cannot read '" + path + "': " + ec.message() + (detail.empty() ? "" : ": " + detail));
    }
    return d;  // absent
  }
  if (!fs::is_directory(status)) {
    d.state = IndexDirectory::State::foreign;
    d.reason = IndexDirectory::not_a_directory;
    return d;
  }
  bool version_file = false, any = false, big_table = false;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    any = true;
    const std::string name = it->path().filename().string();
    std::error_code kind_ec;
    if (!is_index_file(name) || !it->is_regular_file(kind_ec)) {
      d.others.push_back(name);
      continue;
    }
    if (name == "iamglass") version_file = true;
    if (is_table_file(name) && it->file_size(kind_ec) > max_unfinished_table_bytes) big_table = true;
  }
  if (ec) throw RuntimeFailure("cannot read the directory '" + path + "': " + ec.message());
  std::sort(d.others.begin(), d.others.end());
  if (!d.others.empty()) {
    d.state = IndexDirectory::State::foreign;
    d.reason = std::find(d.others.begin(), d.others.end(), "XAPIANDB") != d.others.end()
                   ? "a stub database"
                   : "files that are not an index's";
  } else if (!any) {
    d.state = IndexDirectory::State::empty;
  } else if (version_file) {
    d.state = IndexDirectory::State::index;
  } else if (big_table) {
    d.state = IndexDirectory::State::foreign;
    d.reason = "Xapian tables without their version file iamglass (a damaged index, not an unfinished one)";
  } else {
    d.state = IndexDirectory::State::unfinished;
  }
  return d;
}

std::string compaction_copy_of(const std::string& index, long pid) { return index + copy_infix + std::to_string(pid); }

bool remove_index_directory(const std::string& dir) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code kind_ec;
    if (is_index_file(it->path().filename().string()) && it->is_regular_file(kind_ec)) files.push_back(it->path());
  }
  for (const auto& file : files) fs::remove(file, ec);
  return fs::remove(dir, ec) && !ec;
}

void remove_stale_compaction_copies(const std::string& path) {
  std::error_code ec;
  const fs::path index = fs::canonical(path, ec);  // the copies are beside the directory a link names
  if (ec || !index.has_parent_path()) return;
  const std::string prefix = index.filename().string() + copy_infix;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(index.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid == getpid() || (::kill(pid, 0) != 0 && errno == ESRCH)) stale.push_back(it->path());
  }
  for (const auto& dir : stale) {
    if (fs::is_directory(fs::symlink_status(dir, ec))) remove_index_directory(dir.string());
  }
}

std::string unfinished_index_message(const std::string& path) {
  return "'" + path +
         "': index was never completed (an indexing run was interrupted before its first commit): "
         "re-run dipnews-index";
}

void restart_unfinished_index(const std::string& path) {
  // The lock Xapian takes (an open file description lock on flintlock's first byte): held,
  // another writer is creating this index right now and its files are not leftovers.
  const std::string lock_file = path + "/flintlock";
  const int fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) throw RuntimeFailure("cannot open '" + lock_file + "': " + std::strerror(errno));
  struct flock lock = {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = 0;
  lock.l_len = 1;
  if (::fcntl(fd, F_OFD_SETLK, &lock) != 0) {
    const int cause = errno;
    ::close(fd);
    if (cause == EAGAIN || cause == EACCES) {
      throw DatabaseBusy("database '" + path + "' is being created by another writer; try again when it finishes");
    }
    throw RuntimeFailure("cannot lock '" + lock_file + "': " + std::strerror(cause));
  }
  std::error_code ec;
  std::vector<fs::path> leftovers;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name != "flintlock" && is_index_file(name)) leftovers.push_back(it->path());
  }
  std::string failure = ec ? "cannot read the directory '" + path + "': " + ec.message() : "";
  for (const auto& file : leftovers) {
    if (!failure.empty()) break;
    if (fs::remove(file, ec); ec) {
      failure = "cannot remove '" + file.string() + "' to restart the unfinished index: " + ec.message();
    }
  }
  ::close(fd);  // releases the lock
  if (!failure.empty()) throw RuntimeFailure(failure);
}

}  // namespace dipnews
