#include "index_check.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xapian.h>

#include "error.h"

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

}  // namespace

std::optional<std::string> index_damage(const std::string& path) {
  const unsigned limit = time_limit_seconds(path);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw RuntimeFailure(std::string("cannot check the index: ") + std::strerror(errno));
  const pid_t child = ::fork();
  if (child < 0) {
    const int cause = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw RuntimeFailure(std::string("cannot check the index: ") + std::strerror(cause));
  }
  if (child == 0) {
    ::close(fds[0]);
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
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
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
