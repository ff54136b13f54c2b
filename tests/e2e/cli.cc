#include "cli.h"

#include <filesystem>
#include <fstream>

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

}  // namespace dipnews::test
