// Error types shared by both binaries. Each carries the exit code docs/reference.md (Exit codes) assigns to
// its kind of failure, so main() can turn any escaped error into the right status.
#pragma once

#include <cerrno>
#include <cstring>
#include <ostream>
#include <stdexcept>
#include <string>

#include "text_util.h"

namespace dipnews {

enum class ExitCode : int {
  success = 0,
  failure = 1,      // bad data, I/O, corrupt or incompatible index
  usage = 2,        // bad command line, query syntax error
  nothing_new = 3,  // dipnews-search --new found no new article (as grep's 1: "no match", but 1 is taken)
  busy = 75,        // database locked by another writer (EX_TEMPFAIL: retry may work)
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code), message_(message) {}
  ExitCode code() const { return code_; }
  // The whole message: what() is a C string, cut at the first NUL a query or a file may hold.
  const std::string& message() const { return message_; }

 private:
  ExitCode code_;
  std::string message_;
};

// A mistake on the command line or in a query: exit 2.
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(ExitCode::usage, message) {}
};

// Bad input data, I/O failure, unusable index: exit 1.
class RuntimeFailure : public Error {
 public:
  explicit RuntimeFailure(const std::string& message) : Error(ExitCode::failure, message) {}
};

// Another process holds the write lock: exit 75.
class DatabaseBusy : public Error {
 public:
  explicit DatabaseBusy(const std::string& message) : Error(ExitCode::busy, message) {}
};

// A Xapian error's message with the system's reason when Xapian kept one ("Error writing
// block 71: No space left on device"): Xapian puts errno aside in get_error_string().
template <typename XapianError>
std::string xapian_reason(const XapianError& e) {
  std::string why = e.get_msg();
  if (const char* detail = e.get_error_string(); detail && *detail) why += std::string(": ") + detail;
  return why;
}

// Flushes results written to standard output and fails when they did not get there (a full
// disk, a closed file): output that never reached its reader is a runtime failure, exit 1,
// not a success. Call it right after writing, while errno still says why a write failed.
inline void ensure_written(std::ostream& out) {
  if (out) {
    errno = 0;
    out.flush();
    if (out) return;
  }
  const int cause = errno;
  throw RuntimeFailure(std::string("cannot write results to standard output") +
                       (cause != 0 ? std::string(": ") + std::strerror(cause) : std::string()));
}

// One article that cannot be read; the run reports it as FILE:LINE: error: WHAT and goes on.
// A warning is said the same way (FILE: warning: WHAT) but is no error: nothing was skipped.
struct InputError {
  std::string file;
  long line = 0;  // 1-based; 0 when the problem concerns the whole file
  std::string what;
  bool warning = false;

  // One line, whatever the input put in `what` (see one_line).
  std::string to_string() const {
    const std::string kind = warning ? ": warning: " : ": error: ";
    return one_line(line > 0 ? file + ":" + std::to_string(line) + kind + what : file + kind + what);
  }
};

}  // namespace dipnews
