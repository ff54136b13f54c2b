#include "dictionary_record.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "error.h"
#include "json_text.h"
#include "record_file.h"
#include "schema.h"

namespace dipnews {

namespace fs = std::filesystem;

namespace {

// 64-bit FNV-1a of the file's bytes: tells whether two files hold the same dictionary, which
// is all it is for (not a defence against forgery: the user's own files).
std::string file_digest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RuntimeFailure(path + ": error: cannot read the dictionary");
  std::uint64_t state = 0xcbf29ce484222325ULL;
  char buffer[1 << 14];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      state ^= static_cast<unsigned char>(buffer[i]);
      state *= 0x100000001b3ULL;
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(state));
  return hex;
}

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(path), ec);
  return ec ? fs::absolute(path).lexically_normal().string() : canonical.string();
}

}  // namespace

std::vector<DictionaryFile> describe_dictionary_files(const std::vector<std::string>& paths) {
  std::vector<DictionaryFile> files;
  for (const auto& path : paths) {
    const auto records = read_record_file(path);  // the header's version; Dictionary::load checks the rest
    const std::string version = records.empty() ? std::string() : records.front().value("version");
    files.push_back({absolute_path(path), fs::path(path).filename().string() + "@" + version, file_digest(path)});
  }
  return files;
}

std::string encode_dictionary_files(const std::vector<DictionaryFile>& files) {
  if (files.empty()) return "";
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& f : files) list.push_back({{"path", f.path}, {"version", f.version}, {"digest", f.digest}});
  return json_text(list);
}

std::vector<DictionaryFile> decode_dictionary_files(std::string_view value) {
  if (value.empty()) return {};
  try {
    std::vector<DictionaryFile> files;
    for (const auto& f : nlohmann::json::parse(value)) {
      files.push_back(
          {f.at("path").get<std::string>(), f.at("version").get<std::string>(), f.at("digest").get<std::string>()});
    }
    return files;
  } catch (const nlohmann::json::exception& e) {
    throw RuntimeFailure(std::string("the index's record of its dictionaries (") + schema::metadata::dictionaries +
                         ") is damaged: " + e.what());
  }
}

std::vector<DictionaryFile> recorded_dictionary_files(const Xapian::Database& db) {
  return decode_dictionary_files(db.get_metadata(schema::metadata::dictionaries));
}

std::vector<DictionaryFile> missing_dictionary_files(const std::vector<DictionaryFile>& recorded,
                                                     const std::vector<DictionaryFile>& given) {
  std::vector<DictionaryFile> missing;
  for (const auto& r : recorded) {
    bool found = false;
    for (const auto& g : given) found = found || g.path == r.path || g.digest == r.digest;
    if (!found) missing.push_back(r);
  }
  return missing;
}

std::string describe_for_message(const std::vector<DictionaryFile>& files) {
  std::string text;
  for (const auto& f : files) text += (text.empty() ? "" : ", ") + f.path + " (" + f.version + ")";
  return text;
}

std::vector<std::string> distinct_files(const std::vector<std::string>& paths) {
  std::vector<std::string> distinct, seen;
  for (const auto& path : paths) {
    const std::string absolute = absolute_path(path);
    if (std::find(seen.begin(), seen.end(), absolute) != seen.end()) continue;
    seen.push_back(absolute);
    distinct.push_back(path);
  }
  return distinct;
}

}  // namespace dipnews
