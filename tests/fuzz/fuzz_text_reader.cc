// The text reader (indexer/input/text_reader.*: header, raw scraped text, boilerplate) and the
// cleaner behind it, on any bytes, read both as a named file and as stdin.
#include <sstream>

#include "fuzz_support.h"
#include "input/input_files.h"
#include "input/text_reader.h"

using namespace dipnews;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const long lines = static_cast<long>(fuzz::count_lines(text));
  for (const char* path : {"in/2025-12-15-fuzz.txt", stdin_label}) {
    std::istringstream in(text);
    fuzz::CleaningSink sink;
    TextReader(fuzz::bundled_boilerplate()).read(in, path, sink);
    FUZZ_CHECK(sink.articles.size() + sink.errors.size() == 1, "one file, one article or one error");
    for (const auto& e : sink.errors) FUZZ_CHECK(e.line <= lines, e.to_string());
  }
  return 0;
}
