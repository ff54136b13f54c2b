// The JSONL reader (indexer/input/jsonl_reader.*) and the cleaner behind it, on any bytes.
#include <sstream>

#include "fuzz_support.h"
#include "input/jsonl_reader.h"

using namespace dipnews;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::istringstream in(text);
  fuzz::CleaningSink sink;
  JsonlReader().read(in, "fuzz.jsonl", sink);
  const long lines = static_cast<long>(fuzz::count_lines(text));
  for (const auto& e : sink.errors) FUZZ_CHECK(e.line >= 1 && e.line <= lines, e.to_string());
  for (const auto& a : sink.articles) FUZZ_CHECK(a.origin_line <= lines, a.id);
  return 0;
}
