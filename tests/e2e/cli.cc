#include "cli.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>

#include <xapian.h>

#include "schema.h"
#include "temp_dir.h"

namespace dipnews::test {

namespace {
ProcessResult run(const char* binary, const std::vector<std::string>& args, const std::string& input) {
  std::vector<std::string> argv{binary};
  argv.insert(argv.end(), args.begin(), args.end());
  // Keep results independent of the developer's own environment.
  return run_process(argv, input, {"DIPNEWS_DB=", "NO_COLOR="});
}
}  // namespace

ProcessResult run_index(const std::vector<std::string>& args, const std::string& input) {
  return run(DIPNEWS_INDEX_BIN, args, input);
}

ProcessResult run_search(const std::vector<std::string>& args, const std::string& input) {
  return run(DIPNEWS_SEARCH_BIN, args, input);
}

ProcessResult run_to_full_disk(const char* binary, const std::vector<std::string>& args, const std::string& input) {
  std::vector<std::string> argv{"/bin/sh", "-c", "exec \"$0\" \"$@\" > /dev/full", binary};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, input, {"DIPNEWS_DB=", "NO_COLOR="});
}

int bundled_article_count() {
  int count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(DIPNEWS_CORPUS_DIR)) {
    const auto ext = entry.path().extension();
    if (ext == ".txt" || ext == ".md" || ext == ".html" || ext == ".htm") {
      ++count;
    } else if (ext == ".jsonl") {
      std::ifstream in(entry.path());
      std::string line;
      while (std::getline(in, line)) count += line.find_first_not_of(" \t\r") != std::string::npos;
    }
  }
  return count;
}

const std::string& bundled_corpus_db() {
  static const std::string path = [] {
    // CTest runs each test case in a process of its own: without the shared index, each one
    // that searches the corpus would index it again (45 indexer runs a suite).
    if (const char* shared = std::getenv("DIPNEWS_TEST_CORPUS_DB"); shared && *shared) return std::string(shared);
    static TempDir dir;  // only when this process builds its own
    const std::string p = dir / "corpus.db";
    auto r = run_index({"--db", p, "--quiet", DIPNEWS_CORPUS_DIR});
    if (r.exit_code != 0) throw std::runtime_error("indexing the bundled corpus failed: " + r.err);
    return p;
  }();
  return path;
}

std::vector<int> summary_counts(const std::string& err) {
  static const std::regex re(
      R"(dipnews-index: (\d+) added, (\d+) replaced, (\d+) unchanged, (\d+) deleted, (\d+) skipped with errors; [0-9.]+ s, [0-9]+ articles/s\n)");
  std::smatch m;
  if (!std::regex_search(err, m, re)) return {};
  std::vector<int> out;
  for (int i = 1; i <= 5; ++i) out.push_back(std::stoi(m[i]));
  return out;
}

std::map<std::string, std::string> index_fingerprint(const std::string& path) {
  Xapian::Database db(path);
  std::map<std::string, std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    std::string print = doc.get_data() + "|" + doc.get_value(schema::slot::story) + "|";
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
      print += *t + ":" + std::to_string(t.get_wdf()) + " ";
    out[doc.get_value(schema::slot::id)] = print;
  }
  return out;
}

std::string code_point_slice(const std::string& text, std::size_t start, std::size_t end) {
  std::size_t cp = 0, begin_byte = std::string::npos, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (cp == start) begin_byte = i;
    if (cp == end) break;
    ++cp;
  }
  return begin_byte == std::string::npos ? "" : text.substr(begin_byte, i - begin_byte);
}

}  // namespace dipnews::test
