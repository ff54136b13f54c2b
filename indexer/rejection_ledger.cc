#include "rejection_ledger.h"

#include <cstdio>
#include <filesystem>
#include <sstream>

#include <sys/stat.h>

#include "schema.h"

namespace dipnews {

namespace {

// 64-bit FNV-1a, as 16 hex digits: stable across builds (it names records written before).
std::string digest(const std::string& text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

constexpr const char* record_format = "dipnews-rejected 1";

}  // namespace

RejectionLedger::RejectionLedger(ReadMetadata read) : read_(std::move(read)) {}

std::string RejectionLedger::key_of(const std::string& absolute_path) {
  return std::string(schema::metadata::rejected_file) + digest(absolute_path);
}

std::string RejectionLedger::absolute(const std::string& path) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? std::filesystem::absolute(path).lexically_normal().string() : canonical.string();
}

RejectionLedger::Rejection RejectionLedger::rejection_of(const InputError& error) {
  return {error.line, digest(error.what)};
}

// Only file_started (the reading thread) reads the index: the emit's calls find the record
// it made, or one of a file never started, with nothing recorded.
RejectionLedger::FileRecord& RejectionLedger::record_for(const std::string& path, bool load) {
  const std::string key = absolute(path);
  auto [it, fresh] = files_.try_emplace(key);
  if (fresh && load) decode_into(read_(key_of(key)), key, it->second);
  return it->second;
}

void RejectionLedger::file_started(const std::string& path) {
  struct stat st {};
  std::optional<Fingerprint> now;
  if (::stat(path.c_str(), &st) == 0) {
    now = Fingerprint{static_cast<std::uint64_t>(st.st_size),
                      static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
  }
  std::lock_guard lock(mutex_);
  record_for(path, true).now = now;
}

bool RejectionLedger::reported_before(const InputError& error) {
  if (error.line <= 0 || error.warning) return false;
  std::lock_guard lock(mutex_);
  const FileRecord& record = record_for(error.file, false);
  return record.now && record.before_was && *record.now == *record.before_was &&
         record.before.count(rejection_of(error)) > 0;
}

void RejectionLedger::rejected(const InputError& error) {
  if (error.line <= 0 || error.warning) return;
  std::lock_guard lock(mutex_);
  record_for(error.file, false).this_run.insert(rejection_of(error));
}

std::vector<std::pair<std::string, std::string>> RejectionLedger::records() const {
  std::lock_guard lock(mutex_);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [path, record] : files_) {
    if (!record.now) continue;  // not read this run (or unreadable): its record stays as it was
    if (record.this_run.empty()) {
      if (record.before_was) out.emplace_back(key_of(path), "");
      continue;
    }
    out.emplace_back(key_of(path), encode(path, *record.now, record.this_run));
  }
  return out;
}

// "dipnews-rejected 1\nPATH\nSIZE MTIME_NS\nLINE DIGEST\n...": the path in clear, so that a
// key's file can be told (and a hash collision ignored).
std::string RejectionLedger::encode(const std::string& path, const Fingerprint& fingerprint,
                                    const std::set<Rejection>& rejections) {
  std::ostringstream out;
  out << record_format << "\n" << path << "\n" << fingerprint.size << " " << fingerprint.mtime_ns << "\n";
  for (const auto& [line, what] : rejections) out << line << " " << what << "\n";
  return out.str();
}

// A record that does not parse, or names another path, is as good as none: everything in
// the file is reported again, and the record rewritten.
void RejectionLedger::decode_into(const std::string& value, const std::string& expected_path, FileRecord& record) {
  std::istringstream in(value);
  std::string format, path;
  Fingerprint fingerprint;
  if (!std::getline(in, format) || format != record_format || !std::getline(in, path)) return;
  if (!(in >> fingerprint.size >> fingerprint.mtime_ns)) return;
  std::set<Rejection> rejections;
  for (Rejection r; in >> r.first >> r.second;) rejections.insert(r);
  if (path != expected_path) return;
  record.before = std::move(rejections);
  record.before_was = fingerprint;
}

}  // namespace dipnews
