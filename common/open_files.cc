#include "open_files.h"

#include <sys/resource.h>

#include <cerrno>
#include <cstring>

#include "error.h"

namespace dipnews {

namespace {

// Files the process needs beside the databases: standard streams, input files, the
// dictionaries, the pipe of the index check.
constexpr unsigned long spare_files = 32;

// Beyond this a soft limit buys nothing for us and costs the kernel tables (RLIM_INFINITY).
constexpr rlim_t most_useful_limit = 1 << 20;

unsigned long raise_once() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  const rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? most_useful_limit : limit.rlim_max;
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
    rlimit raised = limit;
    raised.rlim_cur = wanted;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return limit.rlim_cur == RLIM_INFINITY ? most_useful_limit : static_cast<unsigned long>(limit.rlim_cur);
}

}  // namespace

unsigned long raise_open_file_limit() {
  static const unsigned long limit = raise_once();
  return limit;
}

namespace {

// A limit that fits `needed` files: the next power of two from 1024.
unsigned long limit_for(unsigned long needed) {
  unsigned long limit = 1024;
  while (limit < needed) limit *= 2;
  return limit;
}

std::string limit_now() {
  return "this process's limit of " + std::to_string(raise_open_file_limit()) +
         " (ulimit -n, raised to the hard limit)";
}

}  // namespace

std::string too_many_open_files_message(unsigned databases, unsigned per_database, const std::string& what,
                                        const std::string& doing) {
  const unsigned long needed = static_cast<unsigned long>(databases) * per_database;
  return "too many open files: " + what + " needs about " + std::to_string(databases) + " x " +
         std::to_string(per_database) + " = " + std::to_string(needed) + " open files to " + doing + ", over " +
         limit_now() + ": raise it (ulimit -n " + std::to_string(limit_for(needed + spare_files)) +
         ") or use fewer shards";
}

std::string too_many_open_files_searching(const std::string& path, std::size_t opened) {
  const unsigned long needed = (opened + 1) * files_per_database_searching;
  return "too many open files: '" + path + "' is database " + std::to_string(opened + 1) +
         " of this search, each keeping about " + std::to_string(files_per_database_searching) + " open, over " +
         limit_now() + ": raise it (ulimit -n " + std::to_string(limit_for(2 * needed + spare_files)) +
         " or more) or search fewer shards at once";
}

void check_open_file_room(unsigned databases, unsigned per_database, const std::string& what,
                          const std::string& doing) {
  const unsigned long needed = static_cast<unsigned long>(databases) * per_database + spare_files;
  if (needed > raise_open_file_limit()) {
    throw RuntimeFailure(too_many_open_files_message(databases, per_database, what, doing));
  }
}

bool is_too_many_open_files(const Xapian::Error& e) {
  const char* reason = e.get_error_string();
  if (!reason) return false;
  return std::strcmp(reason, std::strerror(EMFILE)) == 0 || std::strcmp(reason, std::strerror(ENFILE)) == 0;
}

std::string open_files_hint(const Xapian::Error& e) {
  if (!is_too_many_open_files(e)) return "";
  return " (too many open files: this process may keep " + std::to_string(raise_open_file_limit()) +
         " open, ulimit -n: raise it or use fewer shards)";
}

}  // namespace dipnews
