// Bad articles already reported. A script that indexes the same folder every morning must not
// report, and fail on, the same bad article of an unchanged file every day (737 lines and
// exit 1 for Reuters' empty stories). For each input file with rejected articles, the index
// keeps the file's size and modification time and which lines were rejected for what; a
// later run that finds the file unchanged skips those articles again quietly, counting them
// in its summary. Anything else is reported: a new problem, the same one at another line, or
// any problem of a file that changed. The records live in the index's metadata
// (schema::metadata::rejected_file), so they go with the index and its commits.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "error.h"

namespace dipnews {

class RejectionLedger {
 public:
  using ReadMetadata = std::function<std::string(const std::string& key)>;

  // `read` returns the index's metadata value for a key ("" when none).
  explicit RejectionLedger(ReadMetadata read);

  // On reading `path` (reading thread): its size and modification time now. Thread-safe.
  void file_started(const std::string& path);
  // Whether `error` was reported before for its file, unchanged since (in-order emit). Only
  // per-article errors (a line number) count; a file's own failure is always reported.
  bool reported_before(const InputError& error);
  // Records a rejection of this run (in-order emit).
  void rejected(const InputError& error);

  // Metadata to write for the files this run read: each file's rejections, or "" (remove)
  // for a file that has none any more. Call after the reading thread has finished.
  std::vector<std::pair<std::string, std::string>> records() const;

  // The metadata key of an input file's record (its absolute path, hashed: keys are short).
  static std::string key_of(const std::string& absolute_path);

 private:
  struct Fingerprint {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const Fingerprint& o) const { return size == o.size && mtime_ns == o.mtime_ns; }
  };
  using Rejection = std::pair<long, std::string>;  // line, digest of the message
  struct FileRecord {
    std::optional<Fingerprint> now;         // at file_started; none if it could not be read
    std::set<Rejection> before;             // recorded by the last run, for the file then
    std::optional<Fingerprint> before_was;  // the fingerprint that record was made for
    std::set<Rejection> this_run;
  };

  FileRecord& record_for(const std::string& path, bool load);
  static std::string absolute(const std::string& path);
  static Rejection rejection_of(const InputError& error);
  static std::string encode(const std::string& path, const Fingerprint& fingerprint,
                            const std::set<Rejection>& rejections);
  static void decode_into(const std::string& value, const std::string& expected_path, FileRecord& record);

  ReadMetadata read_;
  mutable std::mutex mutex_;                 // the reading thread and the emit both call in
  std::map<std::string, FileRecord> files_;  // by absolute path
};

}  // namespace dipnews
