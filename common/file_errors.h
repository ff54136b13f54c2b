// Messages for file-system calls that failed, saying which limit or which directory is the
// cause: errno's text alone ("File name too long", "No such file or directory") names neither.
#pragma once

#include <string>

namespace dipnews {

// The detail of ENAMETOOLONG for `path`: its longest name over NAME_MAX, or its length (from /
// when relative: the kernel counts the current directory too) over PATH_MAX. Empty when
// neither: the limit of another file system.
std::string name_too_long_detail(const std::string& path);

// Why a file could not be opened, from the errno of the failed open: "cannot open file:
// Permission denied", "cannot open file: File name too long: the path has 4237 bytes from /,
// Linux takes at most 4095". "cannot open file" when errno said nothing.
std::string cannot_open_file(const std::string& path, int cause);

// Why `dir` could not be created, from mkdir's errno, naming the directory at fault: "its
// parent directory 'a/b' does not exist", "'a/b' is not a directory", "Permission denied (no
// write permission in 'a/b')", "Read-only file system".
std::string why_mkdir_failed(const std::string& dir, int cause);

// Creates the directory `dir` (its parent must exist, as for Xapian), 0777 less the umask.
// Throws RuntimeFailure "cannot create the directory 'DIR': WHY" (why_mkdir_failed).
// Does nothing when it exists already.
void create_directory(const std::string& dir);

}  // namespace dipnews
