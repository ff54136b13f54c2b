// The HTML reader (indexer/input/html_*: charset, gumbo, metadata, JSON-LD, body extraction)
// and the cleaner behind it, on any bytes, read both as a named file and as stdin.
#include <sstream>

#include "fuzz_support.h"
#include "input/html_reader.h"
#include "input/input_files.h"

using namespace dipnews;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string page(reinterpret_cast<const char*>(data), size);
  for (const char* path : {"in/2025-12-15-fuzz.html", stdin_label}) {
    std::istringstream in(page);
    fuzz::CleaningSink sink;
    HtmlReader(fuzz::bundled_boilerplate()).read(in, path, sink);
    FUZZ_CHECK(sink.articles.size() + sink.errors.size() == 1, "one page, one article or one error");
  }
  return 0;
}
