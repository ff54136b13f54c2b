#include "file_errors.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "error.h"

namespace dipnews {

namespace fs = std::filesystem;

std::string name_too_long_detail(const std::string& path) {
  std::size_t longest = 0;
  for (const auto& part : fs::path(path)) longest = std::max(longest, part.string().size());
  if (longest > NAME_MAX) {
    return "one name in the path has " + std::to_string(longest) + " bytes, a file name at most " +
           std::to_string(NAME_MAX);
  }
  std::error_code ec;
  const bool relative = fs::path(path).is_relative();
  const std::string whole = relative ? (fs::current_path(ec) / path).string() : path;
  if (whole.size() >= PATH_MAX) {
    return "the path has " + std::to_string(whole.size()) + " bytes" + (relative ? " from /" : "") +
           ", Linux takes at most " + std::to_string(PATH_MAX - 1);
  }
  return "";
}

std::string cannot_open_file(const std::string& path, int cause) {
  if (cause == 0) return "cannot open file";
  std::string message = std::string("cannot open file: ") + std::strerror(cause);
  if (cause == ENAMETOOLONG) {
    if (const std::string detail = name_too_long_detail(path); !detail.empty()) message += ": " + detail;
  }
  return message;
}

namespace {

std::string parent_of(const std::string& dir) {
  const fs::path parent = fs::path(dir).lexically_normal().parent_path();
  return parent.empty() ? "." : parent.string();
}

// The nearest ancestor of `dir` that exists, and whether it is a directory: where the path
// breaks when mkdir says ENOENT or ENOTDIR, where a directory was to be created otherwise.
std::string first_missing_or_file(const std::string& dir, bool* is_file) {
  fs::path p = fs::path(dir).lexically_normal().parent_path();
  std::error_code ec;
  while (!p.empty() && !fs::exists(p, ec)) p = p.parent_path();
  *is_file = !p.empty() && !fs::is_directory(p, ec);
  return p.empty() ? "." : p.string();
}

}  // namespace

std::string why_mkdir_failed(const std::string& dir, int cause) {
  const std::string reason = std::strerror(cause);
  bool is_file = false;
  const std::string found = first_missing_or_file(dir, &is_file);  // where it was to be created
  switch (cause) {
    case ENOENT:
    case ENOTDIR:
      if (is_file) return "'" + found + "' is not a directory";
      return "its parent directory '" + parent_of(dir) + "' does not exist (create it first)";
    case EACCES:
    case EPERM: return reason + " (no write permission in '" + found + "')";
    case EROFS: return reason + " ('" + found + "' is on a read-only file system)";
    case ENAMETOOLONG: {
      const std::string detail = name_too_long_detail(dir);
      return detail.empty() ? reason : reason + ": " + detail;
    }
    default: return reason;
  }
}

void create_directory(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0777) == 0) return;
  const int cause = errno;
  struct stat st {};
  if (cause == EEXIST && ::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return;
  throw RuntimeFailure("cannot create the directory '" + dir + "': " + why_mkdir_failed(dir, cause));
}

}  // namespace dipnews
