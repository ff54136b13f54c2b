#include "bounded_read.h"

#include <algorithm>

namespace dipnews {

LineRead read_bounded_line(std::istream& in, std::string& line, std::size_t max_bytes, LineEnds ends) {
  line.clear();
  std::istream::sentry ok(in, /*noskipws=*/true);
  if (!ok) return LineRead::end;
  std::streambuf* buf = in.rdbuf();
  bool any = false, too_long = false;
  for (;;) {
    const int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(any ? std::ios::eofbit : std::ios::eofbit | std::ios::failbit);
      if (!any) return LineRead::end;
      break;
    }
    any = true;
    if (c == '\n') break;
    if (c == '\r' && ends == LineEnds::any) {
      if (buf->sgetc() == '\n') buf->sbumpc();
      break;
    }
    if (too_long) continue;
    if (line.size() == max_bytes) {
      too_long = true;
      std::string().swap(line);  // give the memory back now, not after the rest of the line
      continue;
    }
    line.push_back(static_cast<char>(c));
  }
  return too_long ? LineRead::too_long : LineRead::ok;
}

std::optional<std::string> read_at_most(std::istream& in, std::size_t max_bytes) {
  std::string out;
  char chunk[1 << 16];
  while (in) {
    in.read(chunk, static_cast<std::streamsize>(std::min(sizeof chunk, max_bytes + 1 - out.size())));
    out.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (out.size() > max_bytes) return std::nullopt;
  }
  return out;
}

}  // namespace dipnews
