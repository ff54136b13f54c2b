#include "dictionary_guard.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <vector>

#include <xapian.h>

#include "data_dir.h"
#include "dictionary.h"
#include "dictionary_record.h"
#include "error.h"
#include "reopen_retry.h"
#include "schema.h"
#include "shards.h"

namespace dipnews {

namespace {

// What the index records of its dictionaries.
struct Record {
  std::string dictionaries;        // schema::metadata::dictionaries
  std::string dictionary_version;  // schema::metadata::dictionary_version
};

// The index's record (the first shard's: every shard records the same), read through a handle
// of its own before the writer opens it; nullopt when there is no index there yet, or one the
// writer will refuse with its own message (damaged, a stub it did not write). Opened as a
// glass database only: a stub file put where a shard should be is never followed (its
// "remote :PROGRAM" line would run PROGRAM).
std::optional<Record> recorded_in(const std::string& path) {
  std::optional<Xapian::Database> db;
  std::string directory;
  try {
    const auto directories = index_directories(path);
    if (directories.empty()) return std::nullopt;
    directory = directories.front();
    db.emplace(directory, Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::Error&) {
    return std::nullopt;
  } catch (const Error&) {
    return std::nullopt;
  }
  try {
    // Another dipnews-index may be committing: read again at the newest revision (search.cc).
    constexpr ReopenRetry retry{5, std::chrono::milliseconds(2)};
    const FreshOpen open_fresh = [&] { return Xapian::Database(directory, Xapian::DB_BACKEND_GLASS); };
    return read_with_reopen(*db, retry, open_fresh, [&] {
      return Record{db->get_metadata(schema::metadata::dictionaries),
                    db->get_metadata(schema::metadata::dictionary_version)};
    });
  } catch (const Xapian::Error&) {
    return std::nullopt;  // damaged: the writer's check refuses it, naming the damage
  }
}

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// An index written before the dictionaries were recorded names them only in its dictionary
// version ("countries.actors@2026-11-28.1,my.actors@1"): the files that are neither bundled
// nor given now, by name.
std::vector<std::string> unrecorded_missing(const std::string& dictionary_version,
                                            const std::vector<DictionaryFile>& given) {
  std::vector<std::string> known;
  for (const auto& path : Dictionary::files_in(find_data_dir() + "/dictionaries")) known.push_back(file_name(path));
  for (const auto& file : given) known.push_back(file_name(file.path));
  std::vector<std::string> missing;
  for (std::size_t start = 0; start < dictionary_version.size();) {
    const auto end = std::min(dictionary_version.find(',', start), dictionary_version.size());
    const std::string entry = dictionary_version.substr(start, end - start);
    start = end + 1;
    if (std::find(known.begin(), known.end(), entry.substr(0, entry.rfind('@'))) == known.end())
      missing.push_back(entry);
  }
  return missing;
}

// The dictionaries the index was tagged with that this run lacks, described for the message.
std::string missing_dictionaries(const Record& record, const std::vector<DictionaryFile>& given) {
  if (!record.dictionaries.empty()) {
    return describe_for_message(missing_dictionary_files(decode_dictionary_files(record.dictionaries), given));
  }
  std::string names;
  for (const auto& entry : unrecorded_missing(record.dictionary_version, given)) {
    names += (names.empty() ? "" : ", ") + entry;
  }
  return names;
}

}  // namespace

std::string dictionaries_to_record(const IndexOptions& options) {
  const auto given = describe_dictionary_files(options.dictionaries);
  if (options.retag) return encode_dictionary_files(given);  // the new set replaces the recorded one
  if (const auto record = recorded_in(options.db)) {
    if (const std::string missing = missing_dictionaries(*record, given); !missing.empty()) {
      // Exit 2 as a usage error, without "Try --help": the fix is in the message.
      throw Error(ExitCode::usage,
                  "index '" + options.db + "' was tagged with dictionaries this run does not have: " + missing +
                      "; give them again (--dictionary FILE, or 'dictionary = FILE' in the config file), or re-tag "
                      "every article without them: dipnews-index --db " +
                      options.db + " --retag");
    }
  }
  return encode_dictionary_files(given);
}

}  // namespace dipnews
