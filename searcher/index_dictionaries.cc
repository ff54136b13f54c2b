#include "index_dictionaries.h"

#include <chrono>
#include <filesystem>

#include "dictionary_record.h"
#include "reopen_retry.h"

namespace dipnews {

std::vector<std::string> dictionaries_for_index(Xapian::Database db, const FreshOpen& open_fresh,
                                                const std::vector<std::string>& given,
                                                std::vector<std::string>& warnings) {
  // Read as a search reads (searcher/search.cc): an indexer may be committing meanwhile.
  constexpr ReopenRetry retry{5, std::chrono::milliseconds(2)};
  const auto recorded = read_with_reopen(db, retry, open_fresh, [&] { return recorded_dictionary_files(db); });
  if (recorded.empty()) return {};
  std::vector<std::string> files;
  for (const auto& missing : missing_dictionary_files(recorded, describe_dictionary_files(given))) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(missing.path, ec)) {
      warnings.push_back("the index was tagged with the dictionary " + describe_for_message({missing}) +
                         ", which is gone: its actors and topics are unknown to this search (--dictionary FILE)");
      continue;
    }
    if (describe_dictionary_files({missing.path}).front().digest != missing.digest) {
      warnings.push_back("the dictionary " + missing.path + " changed since the index was tagged with " +
                         missing.version + " (dipnews-index --retag brings the index up to date)");
    }
    files.push_back(missing.path);
  }
  return files;
}

}  // namespace dipnews
