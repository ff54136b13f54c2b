#include "index_check.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xapian.h>

#include "error.h"

// AddressSanitizer builds: Xapian 1.4.22's Database::check deletes one of its own objects
// through a pointer to a type 8 bytes smaller (new-delete-type-mismatch, 440 vs 432 bytes,
// inside libxapian; every call, on any index, from a bare program too). ASan has no
// suppression for that kind of report, and it is no bug of ours: the check is turned off for
// the processes that can run Xapian's check. Leaks and every other error are still reported.
#if defined(__SANITIZE_ADDRESS__)
#define DIPNEWS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DIPNEWS_ASAN 1
#endif
#endif
#ifdef DIPNEWS_ASAN
extern "C" const char* __asan_default_options() { return "new_delete_type_mismatch=0"; }
#endif

namespace dipnews {

namespace {

// The check reads about 200 MB/s; a check that takes twenty times longer is stuck.
unsigned time_limit_seconds(const std::string& path) {
  std::uintmax_t bytes = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    if (entry.is_regular_file(ec)) bytes += entry.file_size(ec);
  }
  return 60 + static_cast<unsigned>(bytes / 10'000'000);
}

// In the child, before the check: every descriptor but `keep` (and the standard ones) closed.
// The child inherits the writer's open databases, hundreds of files with many shards, and a
// check that hit the limit of open files counted it as errors found: a sound index reported
// as corrupt. The lock is the parent's, held through its own descriptor.
void close_all_but(int keep) {
  if (keep > 3) ::close_range(3, static_cast<unsigned>(keep) - 1, 0);
  ::close_range(static_cast<unsigned>(keep) + 1, ~0u, 0);
}

// In the child: the problem found, "" for none.
std::string run_check(const std::string& path) {
  try {
    std::ostringstream details;
    const std::size_t errors = Xapian::Database::check(path, 0, &details);
    if (errors == 0) return "";
    return std::to_string(errors) + (errors == 1 ? " error" : " errors") + " found by Xapian's check";
  } catch (const Xapian::Error& e) {
    return e.get_msg().empty() ? e.get_type() : e.get_msg();
  } catch (const std::exception& e) {
    return e.what();
  }
}

// "NAME SIZE MTIME CTIME INODE" per file (times in nanoseconds), sorted; the lock, the pid
// file and the record itself left out.
std::string file_states(const std::string& path) {
  std::vector<std::string> lines;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name == "flintlock" || name == "dipnews-writer.pid" || name == checked_record_name) continue;
    struct stat st {};
    if (::lstat(it->path().c_str(), &st) != 0) return "";
    char line[512];
    std::snprintf(line, sizeof line, " %lld %lld.%09ld %lld.%09ld %llu", static_cast<long long>(st.st_size),
                  static_cast<long long>(st.st_mtim.tv_sec), st.st_mtim.tv_nsec,
                  static_cast<long long>(st.st_ctim.tv_sec), st.st_ctim.tv_nsec,
                  static_cast<unsigned long long>(st.st_ino));
    lines.push_back(name + line);
  }
  if (ec || lines.empty()) return "";
  std::sort(lines.begin(), lines.end());
  std::string text = "dipnews-checked 1\n";
  for (const auto& l : lines) text += l + "\n";
  return text;
}

std::vector<std::string>& checked_paths() {
  static std::vector<std::string> paths;
  return paths;
}

}  // namespace

bool unchanged_since_checked(const std::string& path) {
  std::ifstream in(path + "/" + checked_record_name, std::ios::binary);
  if (!in) return false;
  const std::string recorded((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string now = file_states(path);
  return !now.empty() && recorded == now;
}

void note_checked(const std::string& path) {
  auto& paths = checked_paths();
  if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
}

void record_checked_indexes() {
  for (const auto& path : checked_paths()) {
    const std::string record = path + "/" + checked_record_name;
    const std::string states = file_states(path);
    if (states.empty()) continue;
    {
      std::ofstream out(record + ".new", std::ios::binary);
      out << states;
      if (!out.flush()) continue;  // no record: the next run checks, as it would anyway
    }
    struct stat version {};
    if (::stat((path + "/iamglass").c_str(), &version) == 0) {  // the index's own files' mode and owner
      ::chmod((record + ".new").c_str(), version.st_mode & 07777);
      if (::chown((record + ".new").c_str(), version.st_uid, version.st_gid) != 0) {
        // not ours to give: the record stays the writing user's
      }
    }
    std::rename((record + ".new").c_str(), record.c_str());
  }
  checked_paths().clear();
}

std::optional<std::string> index_damage(const std::string& path) {
  const unsigned limit = time_limit_seconds(path);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw RuntimeFailure(std::string("cannot check the index: ") + std::strerror(errno));
  const pid_t child = ::fork();
  if (child < 0) {
    const int cause = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw RuntimeFailure(std::string("cannot check the index: ") + std::strerror(cause));
  }
  if (child == 0) {
    close_all_but(fds[1]);
    const std::string problem = run_check(path);
    std::size_t written = 0;
    while (written < problem.size()) {
      const ssize_t n = ::write(fds[1], problem.data() + written, problem.size() - written);
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    ::_exit(problem.empty() ? 0 : 1);  // no exit handlers: they are the parent's
  }
  ::close(fds[1]);
  std::string problem;
  bool stuck = false;
  char buffer[512];
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limit);
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      stuck = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the child is done
    if (problem.size() < 4096) problem.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (stuck) ::kill(child, SIGKILL);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (stuck) return "Xapian's check did not finish in " + std::to_string(limit) + " s";
  if (WIFSIGNALED(status)) {
    return "Xapian's check crashed on it (" + std::string(strsignal(WTERMSIG(status))) + ")";
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return std::nullopt;
  return problem.empty() ? std::string("Xapian's check failed") : problem;
}

}  // namespace dipnews
