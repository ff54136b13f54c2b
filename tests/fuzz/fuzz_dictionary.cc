// The dictionary loader (common/record_file.*, dictionary.*) on any file, then what is
// built from a dictionary that loads: the lint, the tagger's tries, name resolution and
// suggestions, and tagging an article with it.
#include <unistd.h>

#include <fstream>

#include "error.h"
#include "fuzz_support.h"
#include "tagging/tagger.h"

using namespace dipnews;

namespace {

// The loader reads files: one scratch file per fuzzing process.
const std::string& scratch_file() {
  static const std::string path = [] {
    const char* tmp = std::getenv("TMPDIR");
    return std::string(tmp && *tmp ? tmp : "/tmp") + "/dipnews-fuzz-" + std::to_string(getpid()) + ".actors";
  }();
  return path;
}

struct RemoveScratch {
  ~RemoveScratch() { std::remove(scratch_file().c_str()); }
} remove_scratch;

Article sample_article() {
  Article a;
  a.id = "sample";
  a.title = "The German chancellor meets Ukraine's president in Berlin";
  a.body =
      "Chancellor Merz and President Zelenskyy discussed a ceasefire, sanctions and security guarantees "
      "with NATO envoys. The Kremlin said Moscow would respond.";
  a.date = "2025-12-15";
  return a;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(scratch_file(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  Dictionary d;
  try {
    d = Dictionary::load({scratch_file()});
  } catch (const RuntimeFailure& e) {
    FUZZ_CHECK(std::string(e.what()).rfind(scratch_file(), 0) == 0, e.what());  // names the file
    return 0;
  }
  d.lint();
  for (const auto& a : d.actors()) {
    d.resolve_actor(a.id);
    for (const auto& n : a.names) {
      d.resolve_actor(n.text);
      d.actors_named(n.text);
    }
  }
  for (const auto& t : d.topics()) d.resolve_topic(t.name);
  d.suggest_actor("zelinsky");
  d.suggest_topic("sanction");
  const Tagger tagger(d);
  const Tags tags = tagger.tag(sample_article());
  for (const auto& t : tags.actors) FUZZ_CHECK(t.type || !d.actor(t.id), t.id);
  return 0;
}
