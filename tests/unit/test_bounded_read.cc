#include <catch2/catch.hpp>

#include <sstream>

#include "bounded_read.h"

using namespace dipnews;

TEST_CASE("read_bounded_line reads lines like getline - a longer line is passed over - not kept", "[bounded_read]") {
  std::istringstream in("short\n0123456789abc\n\nlast without newline\n" + std::string(1000, 'x'));
  std::string line;
  CHECK(read_bounded_line(in, line, 10) == LineRead::ok);
  CHECK(line == "short");
  CHECK(read_bounded_line(in, line, 10) == LineRead::too_long);
  CHECK(line.empty());
  CHECK(read_bounded_line(in, line, 10) == LineRead::ok);
  CHECK(line.empty());
  CHECK(read_bounded_line(in, line, 100) == LineRead::ok);
  CHECK(line == "last without newline");
  CHECK(read_bounded_line(in, line, 100) == LineRead::too_long);
  CHECK(line.capacity() < 100);  // the memory went back
  CHECK(read_bounded_line(in, line, 100) == LineRead::end);
  CHECK(in.eof());

  std::istringstream exact("0123456789\n");
  CHECK(read_bounded_line(exact, line, 10) == LineRead::ok);
  CHECK(line == "0123456789");
  CHECK(read_bounded_line(exact, line, 10) == LineRead::end);
}

TEST_CASE("read_at_most reads a whole stream - or says it is longer than the limit", "[bounded_read]") {
  std::istringstream small("0123456789");
  CHECK(read_at_most(small, 10) == "0123456789");
  std::istringstream big(std::string(200000, 'x'));
  CHECK_FALSE(read_at_most(big, 199999));
  std::istringstream empty("");
  CHECK(read_at_most(empty, 0) == "");
}

TEST_CASE("read_bounded_line with any line ends: LF, CRLF and a lone CR (old Mac) each end a line", "[bounded_read]") {
  std::istringstream in("one\rtwo\r\nthree\n\rfive\r");
  std::string line;
  for (const char* expected : {"one", "two", "three", "", "five"}) {
    CHECK(read_bounded_line(in, line, 100, LineEnds::any) == LineRead::ok);
    CHECK(line == expected);
  }
  CHECK(read_bounded_line(in, line, 100, LineEnds::any) == LineRead::end);
  std::istringstream lf("one\rtwo\r\n");  // the default: LF only, as the JSONL reader reads
  CHECK(read_bounded_line(lf, line, 100) == LineRead::ok);
  CHECK(line == "one\rtwo\r");
}
