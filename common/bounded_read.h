// Reading input without letting its size decide how much memory is used: a line or a file
// longer than a limit is passed over (read to its end, not kept) and reported as such.
#pragma once

#include <istream>
#include <optional>
#include <string>

namespace dipnews {

enum class LineRead { ok, too_long, end };

// lf: a line ends at '\n' only (a '\r' before it stays in the line). any: at '\n', "\r\n" or
// a lone '\r' (old Mac files), none of which stays in the line.
enum class LineEnds { lf, any };

// Like std::getline, but `line` never holds more than `max_bytes`: a longer line is read to
// its end, dropped, and reported as too_long (`line` is then empty). `end` at end of input.
LineRead read_bounded_line(std::istream& in, std::string& line, std::size_t max_bytes, LineEnds ends = LineEnds::lf);

// The whole stream, or nullopt when it holds more than `max_bytes` (then only max_bytes + 1
// bytes were read).
std::optional<std::string> read_at_most(std::istream& in, std::size_t max_bytes);

}  // namespace dipnews
