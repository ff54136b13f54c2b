#include "writing/compaction.h"

#include <chrono>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include <xapian.h>

#include "database.h"
#include "error.h"

namespace dipnews {

namespace {

std::uintmax_t bytes_under(const std::string& path) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
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

}  // namespace

void compact_index(const std::string& path, double wait_lock_seconds, std::ostream& diag, bool quiet) {
  const auto start = std::chrono::steady_clock::now();
  const std::string copy = path + ".compacting-" + std::to_string(getpid());
  std::error_code ec;
  std::filesystem::remove_all(copy, ec);
  const std::uintmax_t before = bytes_under(path);
  {
    Xapian::WritableDatabase db = open_for_indexing(path, wait_lock_seconds);  // the lock, held to the end
    try {
      db.compact(copy);
    } catch (const Xapian::Error& e) {
      std::filesystem::remove_all(copy, ec);
      throw RuntimeFailure("compacting '" + path + "': " + e.get_type() + ": " + e.get_msg() + " (the index is unchanged)");
    }
    exchange(path, copy);
  }
  std::filesystem::remove_all(copy, ec);  // the original, now under the copy's name
  if (quiet) return;
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  char line[200];
  std::snprintf(line, sizeof line, "dipnews-index: compacted '%s': %.1f MB -> %.1f MB in %.1f s\n", path.c_str(),
                before / 1e6, bytes_under(path) / 1e6, seconds.count());
  diag << line;
}

}  // namespace dipnews
