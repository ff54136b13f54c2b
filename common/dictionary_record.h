// The user's own dictionaries (--dictionary FILE, or the config file) an index was tagged
// with, recorded in its metadata (schema::metadata::dictionaries). The indexer refuses a run
// that would re-tag the index without one of them (indexer/dictionary_guard.h); the searcher
// loads them again when a search does not name them, so actor: and topic: values resolve as
// they did when the articles were tagged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace dipnews {

struct DictionaryFile {
  std::string path;     // absolute
  std::string version;  // "my.actors@2026-11-28.1": its file name and the version its header gives
  std::string digest;   // of its bytes (64-bit FNV-1a, hex): the same content under another path
};

// Each file as it is now. Throws RuntimeFailure naming a file that cannot be read.
std::vector<DictionaryFile> describe_dictionary_files(const std::vector<std::string>& paths);

// The metadata value: a JSON array of {"path","version","digest"}; "" for none.
std::string encode_dictionary_files(const std::vector<DictionaryFile>& files);
// Throws RuntimeFailure when the value is not what encode_dictionary_files writes.
std::vector<DictionaryFile> decode_dictionary_files(std::string_view value);

// What the index records (the first database of several: every shard records the same).
std::vector<DictionaryFile> recorded_dictionary_files(const Xapian::Database& db);

// The files of `recorded` that none of `given` stands for: none has the same path, nor the
// same content. An edited file at the same path stands for its old self.
std::vector<DictionaryFile> missing_dictionary_files(const std::vector<DictionaryFile>& recorded,
                                                     const std::vector<DictionaryFile>& given);

// "/home/me/my.actors (my.actors@1)", joined by ", ".
std::string describe_for_message(const std::vector<DictionaryFile>& files);

// `paths` without the ones naming a file listed before (the config file and the command line
// may both give it): the same file loaded twice would define its actors twice.
std::vector<std::string> distinct_files(const std::vector<std::string>& paths);

}  // namespace dipnews
