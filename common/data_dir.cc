#include "data_dir.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "build_config.h"
#include "error.h"

namespace dipnews {

namespace fs = std::filesystem;

namespace {

bool holds_data(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "boilerplate.txt", ec);
}

fs::path running_binary_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

}  // namespace

std::string find_data_dir() {
  if (const char* env = std::getenv("DIPNEWS_DATA_DIR"); env && *env) {
    if (!holds_data(env)) {
      throw RuntimeFailure(std::string("DIPNEWS_DATA_DIR='") + env + "' holds no boilerplate.txt");
    }
    return env;
  }
  if (fs::path bin = running_binary_dir(); !bin.empty()) {
    fs::path installed = (bin / build::installed_data_dir).lexically_normal();
    if (holds_data(installed)) return installed.string();
  }
  if (holds_data(build::source_data_dir)) return build::source_data_dir;
  throw RuntimeFailure("cannot find the dipnews data directory (set DIPNEWS_DATA_DIR)");
}

}  // namespace dipnews
