#include "writing/compaction.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xapian.h>

#include "database.h"
#include "error.h"
#include "index_directory.h"

namespace dipnews {

namespace fs = std::filesystem;

namespace {

std::uintmax_t bytes_under(const std::string& path) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  }
  return total;
}

// Swaps two directory entries in one step (Linux renameat2 RENAME_EXCHANGE).
void exchange(const std::string& a, const std::string& b) {
  if (renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0) {
    throw RuntimeFailure("cannot put the compacted index in place of '" + a + "': " + std::strerror(errno));
  }
}

// The compacted copy gets the original's modes (Xapian creates files with the umask's), and
// its owner where this process may give it.
void copy_modes(const fs::path& from, const fs::path& to) {
  struct stat original;
  if (::stat(from.c_str(), &original) != 0) return;
  ::chmod(to.c_str(), original.st_mode & 07777);
  if (::chown(to.c_str(), original.st_uid, original.st_gid) != 0) {
    // not ours to give: the copy stays the compacting user's
  }
  // A file the original lacks takes the mode of its version file.
  struct stat fallback = original;
  ::stat((from / "iamglass").c_str(), &fallback);
  std::error_code ec;
  for (fs::directory_iterator it(to, ec), end; !ec && it != end; it.increment(ec)) {
    struct stat file = fallback;
    ::stat((from / it->path().filename()).c_str(), &file);
    ::chmod(it->path().c_str(), file.st_mode & 07777);
    if (::chown(it->path().c_str(), file.st_uid, file.st_gid) != 0) {
      // as above
    }
  }
}

}  // namespace

void put_in_place(const fs::path& index, const std::string& copy) {
  copy_modes(index, copy);
  try {
    exchange(index.string(), copy);
  } catch (...) {
    remove_index_directory(copy);
    throw;
  }
}

void finish_putting_in_place(const fs::path& index, const std::string& copy, std::ostream& diag) {
  // The original, now under the copy's name. Anything that appeared in it since it was
  // checked goes back beside the new index, never away with the old tables.
  std::error_code ec;
  std::vector<fs::path> strays;
  for (fs::directory_iterator it(copy, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code kind_ec;
    if (!is_index_file(it->path().filename().string()) || !it->is_regular_file(kind_ec)) strays.push_back(it->path());
  }
  for (const auto& stray : strays) {
    if (!fs::exists(index / stray.filename(), ec)) fs::rename(stray, index / stray.filename(), ec);
  }
  if (!remove_index_directory(copy)) {
    diag << "dipnews-index: warning: '" << copy << "' (the index before compaction) holds files that are not an "
         << "index's; it was left in place\n";
  }
}

void compact_index(const std::string& path, double wait_lock_seconds, std::ostream& diag, bool quiet) {
  const auto start = std::chrono::steady_clock::now();
  // A symbolic link to the index stays a link: the directory it names is compacted.
  std::error_code ec;
  const fs::path index = fs::canonical(path, ec);
  if (ec) throw RuntimeFailure("cannot compact '" + path + "': " + ec.message());
  if (index == fs::current_path(ec)) {
    throw UsageError("cannot compact '" + path +
                     "' in place while it is the current directory (it is replaced by "
                     "the compacted copy): run it from another directory");
  }
  if (!index.has_parent_path() || index == index.root_path()) throw UsageError("cannot compact '" + path + "'");
  remove_stale_compaction_copies(index.string());
  const std::string copy = compaction_copy_of(index.string(), getpid());
  const std::uintmax_t before = bytes_under(index);
  {
    // The lock, held to the end; refuses a directory holding anything but the index.
    Xapian::WritableDatabase db = open_for_indexing(index.string(), wait_lock_seconds);
    try {
      db.compact(copy);
    } catch (const Xapian::Error& e) {
      remove_index_directory(copy);
      throw RuntimeFailure("compacting '" + path + "': " + e.get_type() + ": " + e.get_msg() +
                           " (the index is unchanged)");
    }
    put_in_place(index, copy);
  }
  finish_putting_in_place(index, copy, diag);
  if (quiet) return;
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  char line[200];
  std::snprintf(line, sizeof line, "dipnews-index: compacted '%s': %.1f MB -> %.1f MB in %.1f s\n", path.c_str(),
                before / 1e6, bytes_under(index) / 1e6, seconds.count());
  diag << line;
}

}  // namespace dipnews
