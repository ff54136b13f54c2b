#include "writing/part_merge.h"

#include <cerrno>
#include <csignal>
#include <optional>
#include <system_error>

#include <unistd.h>

#include <xapian.h>

#include "database.h"
#include "error.h"
#include "index_directory.h"
#include "writing/compaction.h"

namespace dipnews {

namespace fs = std::filesystem;

namespace {

constexpr const char* work_infix = ".parts-";
constexpr const char* merged_suffix = ".merged";

void remove_work_directory(const fs::path& work) {
  std::error_code ec;
  for (fs::directory_iterator it(work, ec), end; !ec && it != end; it.increment(ec)) {
    if (fs::is_directory(fs::symlink_status(it->path(), ec))) remove_index_directory(it->path().string());
  }
  fs::remove(work, ec);  // only once empty: a file of someone else's stays, and so does the directory
}

struct StaleWork {
  fs::path dir;
  bool merged = false;  // INDEX.parts-PID.merged: its parts are in the index already
};

// INDEX.parts-PID[.merged] beside the index, PID no longer running (or this process: a
// directory of ours from before is a leftover too).
std::vector<StaleWork> stale_work_directories(const fs::path& index) {
  const std::string prefix = index.filename().string() + work_infix;
  std::error_code ec;
  std::vector<StaleWork> stale;
  for (fs::directory_iterator it(index.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    std::string digits = name.substr(prefix.size());
    const std::string suffix = merged_suffix;
    const bool merged =
        digits.size() > suffix.size() && digits.compare(digits.size() - suffix.size(), suffix.size(), suffix) == 0;
    if (merged) digits.resize(digits.size() - suffix.size());
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid != getpid() && !(::kill(pid, 0) != 0 && errno == ESRCH)) continue;  // still running
    if (fs::is_directory(fs::symlink_status(it->path(), ec))) stale.push_back({it->path(), merged});
  }
  return stale;
}

// The parts of a work directory that hold a commit (a part killed before its first commit
// holds nothing to keep).
std::vector<std::string> committed_parts(const fs::path& work) {
  std::vector<std::string> parts;
  std::error_code ec;
  for (fs::directory_iterator it(work, ec), end; !ec && it != end; it.increment(ec)) {
    if (inspect_index_directory(it->path().string()).state == IndexDirectory::State::index)
      parts.push_back(it->path().string());
  }
  return parts;
}

// Under the index's lock: compacts the index's last commit and `parts` into a new database,
// marks every directory of `works` merged, and exchanges the new database with the index.
// Returns the new database's former name (the old tables once exchanged).
std::string merge_parts(const fs::path& index, const std::vector<std::string>& parts, std::vector<fs::path>& works) {
  Xapian::Database sources(index.string());  // first: its metadata is kept where keys repeat
  for (const auto& path : parts) sources.add_database(Xapian::Database(path));
  const std::string copy = compaction_copy_of(index.string(), getpid());
  try {
    // Multi-pass: with more than three parts, merging in rounds is faster.
    sources.compact(copy, Xapian::DBCOMPACT_MULTIPASS);
  } catch (const Xapian::Error& e) {
    remove_index_directory(copy);
    throw RuntimeFailure("merging the parts into '" + index.string() + "': " + e.get_type() + ": " + e.get_msg() +
                         " (the index is unchanged)");
  }
  for (auto& work : works) {
    fs::path merged = work.string() + merged_suffix;
    std::error_code ec;
    fs::rename(work, merged, ec);
    if (ec) {
      remove_index_directory(copy);
      throw RuntimeFailure("cannot rename '" + work.string() + "': " + ec.message() + " (the index is unchanged)");
    }
    work = merged;
  }
  put_in_place(index, copy);
  return copy;
}

}  // namespace

PartDirectory::PartDirectory(const std::string& index) {
  std::error_code ec;
  index_ = fs::canonical(index, ec);
  if (ec) throw RuntimeFailure("cannot write '" + index + "': " + ec.message());
  work_ = index_.string() + work_infix + std::to_string(getpid());
  if (!fs::create_directory(work_, ec) || ec) {
    throw RuntimeFailure("cannot create the work directory '" + work_ +
                         "': " + (ec ? ec.message() : std::string("it exists")));
  }
}

std::string PartDirectory::add_part() {
  paths_.push_back(work_ + "/part-" + std::to_string(paths_.size()));
  return paths_.back();
}

PartDirectory::~PartDirectory() {
  if (!work_.empty()) remove_work_directory(work_);
}

void PartDirectory::merge() {
  std::vector<fs::path> works{work_};
  copy_ = merge_parts(index_, paths_, works);
  work_ = works.front().string();
}

void PartDirectory::finish_merge(std::ostream& diag) {
  if (!copy_.empty()) finish_putting_in_place(index_, copy_, diag);
  copy_.clear();
  remove_work_directory(work_);
  work_.clear();
}

unsigned long recover_killed_runs(const std::string& path, double wait_lock_seconds, std::ostream& diag) {
  std::error_code ec;
  const fs::path index = fs::canonical(path, ec);
  if (ec || !index.has_parent_path() || stale_work_directories(index).empty()) return 0;
  std::string copy;
  std::vector<fs::path> works;
  unsigned long recovered = 0;
  {
    Xapian::WritableDatabase lock = open_for_indexing(index.string(), wait_lock_seconds);
    std::vector<std::string> parts;
    for (const auto& stale : stale_work_directories(index)) {  // again, under the lock
      if (stale.merged) {
        remove_work_directory(stale.dir);
        continue;
      }
      works.push_back(stale.dir);
      for (auto& part : committed_parts(stale.dir)) {
        recovered += Xapian::Database(part).get_doccount();
        parts.push_back(std::move(part));
      }
    }
    if (!parts.empty()) copy = merge_parts(index, parts, works);
  }
  if (!copy.empty()) finish_putting_in_place(index, copy, diag);
  for (const auto& work : works) remove_work_directory(work);
  return recovered;
}

}  // namespace dipnews
