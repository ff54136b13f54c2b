#include "writing/part_merge.h"

#include <cerrno>
#include <csignal>
#include <system_error>

#include <unistd.h>

#include <xapian.h>

#include "error.h"
#include "index_directory.h"
#include "writing/compaction.h"

namespace dipnews {

namespace fs = std::filesystem;

namespace {

constexpr const char* work_infix = ".parts-";

void remove_work_directory(const fs::path& work) {
  std::error_code ec;
  for (fs::directory_iterator it(work, ec), end; !ec && it != end; it.increment(ec)) {
    if (fs::is_directory(fs::symlink_status(it->path(), ec))) remove_index_directory(it->path().string());
  }
  fs::remove(work, ec);  // only once empty: a file of someone else's stays, and so does the directory
}

// TARGET.parts-PID with PID no longer running: a run killed before its merge ended. Its
// articles were never in the target, and the next run writes them again.
void remove_stale_work_directories(const fs::path& target) {
  const std::string prefix = target.filename().string() + work_infix;
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(target.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid == getpid() || (::kill(pid, 0) != 0 && errno == ESRCH)) stale.push_back(it->path());
  }
  for (const auto& dir : stale) {
    if (fs::is_directory(fs::symlink_status(dir, ec))) remove_work_directory(dir);
  }
}

}  // namespace

PartDirectory::PartDirectory(const std::string& target, unsigned parts) {
  std::error_code ec;
  target_ = fs::canonical(target, ec);
  if (ec) throw RuntimeFailure("cannot write '" + target + "': " + ec.message());
  remove_stale_work_directories(target_);
  work_ = target_.string() + work_infix + std::to_string(getpid());
  if (!fs::create_directory(work_, ec) || ec) {
    throw RuntimeFailure("cannot create the work directory '" + work_ +
                         "': " + (ec ? ec.message() : std::string("it exists")));
  }
  for (unsigned k = 0; k < parts; ++k) paths_.push_back(work_ + "/part-" + std::to_string(k));
}

PartDirectory::~PartDirectory() {
  if (!work_.empty()) remove_work_directory(work_);
}

void PartDirectory::merge() {
  Xapian::Database sources(target_.string());  // first: its metadata wins where keys repeat
  for (const auto& path : paths_) sources.add_database(Xapian::Database(path));
  copy_ = compaction_copy_of(target_.string(), getpid());
  try {
    // Multi-pass: with more than three parts, merging in rounds of pairs is faster.
    sources.compact(copy_, Xapian::DBCOMPACT_MULTIPASS);
  } catch (const Xapian::Error& e) {
    remove_index_directory(copy_);
    copy_.clear();
    throw RuntimeFailure("merging the parts into '" + target_.string() + "': " + e.get_type() + ": " + e.get_msg() +
                         " (the index is unchanged)");
  }
  put_in_place(target_, copy_);
}

void PartDirectory::finish_merge(std::ostream& diag) {
  if (!copy_.empty()) finish_putting_in_place(target_, copy_, diag);
  copy_.clear();
  remove_work_directory(work_);
  work_.clear();
}

}  // namespace dipnews
