// Messages for failed file-system calls: which limit a too-long path breaks, which directory
// a mkdir failed in, and the numbers of a too-many-open-files refusal.
#include <catch2/catch.hpp>

#include <cerrno>
#include <climits>
#include <filesystem>
#include <string>

#include "file_errors.h"
#include "open_files.h"
#include "temp_dir.h"

using namespace dipnews;

TEST_CASE("name_too_long_detail names the limit the path breaks", "[unit][file_errors]") {
  CHECK(name_too_long_detail("/tmp/" + std::string(300, 'x')) ==
        "one name in the path has 300 bytes, a file name at most " + std::to_string(NAME_MAX));
  const std::string deep = "/" + std::string(200, 'd') + "/" + std::string(200, 'e');
  std::string long_path;
  while (long_path.size() < PATH_MAX) long_path += deep;
  CHECK(name_too_long_detail(long_path) == "the path has " + std::to_string(long_path.size()) +
                                               " bytes, Linux takes at most " + std::to_string(PATH_MAX - 1));
  CHECK(name_too_long_detail("/tmp/short") == "");  // another file system's limit: nothing to add
}

TEST_CASE("cannot_open_file keeps errno's reason", "[unit][file_errors]") {
  CHECK(cannot_open_file("x", EACCES) == "cannot open file: Permission denied");
  CHECK(cannot_open_file("x", 0) == "cannot open file");
  CHECK(cannot_open_file(std::string(300, 'x'), ENAMETOOLONG) ==
        "cannot open file: File name too long: one name in the path has 300 bytes, a file name at most 255");
}

TEST_CASE("why_mkdir_failed names the directory at fault", "[unit][file_errors]") {
  test::TempDir dir;
  const std::string file = dir.write("file", "x");
  CHECK(why_mkdir_failed(dir / "a/b/c", ENOENT) ==
        "its parent directory '" + dir / "a/b" + "' does not exist (create it first)");
  CHECK(why_mkdir_failed(file + "/c", ENOTDIR) == "'" + file + "' is not a directory");
  CHECK(why_mkdir_failed(dir / "c", EACCES) ==
        "Permission denied (no write permission in '" + dir.path().string() + "')");
  CHECK(why_mkdir_failed(dir / "x/y/c", EROFS) ==
        "Read-only file system ('" + dir.path().string() + "' is on a read-only file system)");
  CHECK(why_mkdir_failed(dir / "c", ENOSPC) == "No space left on device");
}

TEST_CASE("create_directory creates one level, accepts an existing directory, explains a failure",
          "[unit][file_errors]") {
  test::TempDir dir;
  create_directory(dir / "new");
  CHECK(std::filesystem::is_directory(dir / "new"));
  CHECK_NOTHROW(create_directory(dir / "new"));
  dir.write("file", "x");
  CHECK_THROWS_WITH(create_directory(dir / "file"), "cannot create the directory '" + dir / "file" + "': File exists");
  CHECK_THROWS_WITH(create_directory(dir / "no/such"), "cannot create the directory '" + dir / "no/such" +
                                                           "': its parent directory '" + dir / "no" +
                                                           "' does not exist (create it first)");
}

TEST_CASE("too_many_open_files_message gives the numbers and a limit that fits", "[unit][open_files]") {
  const std::string m = too_many_open_files_message(400, 14, "--shards 400", "index");
  CHECK(m.rfind("too many open files: --shards 400 needs about 400 x 14 = 5600 open files to index, over this "
                "process's limit of ",
                0) == 0);
  CHECK(m.find("raise it (ulimit -n 8192) or use fewer shards") != std::string::npos);
  CHECK(raise_open_file_limit() > 0);
  CHECK_NOTHROW(check_open_file_room(1, files_per_shard_indexing, "'db'", "index into it"));
  CHECK_THROWS_WITH(check_open_file_room(100'000'000, 14, "--shards 100000000", "index"),
                    Catch::Contains("too many open files: --shards 100000000"));
}
