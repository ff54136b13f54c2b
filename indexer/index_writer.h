// Writes prepared articles into one index: replaces an article with the same id, groups
// wire copies into stories, and commits in batches (by count and by estimated memory) so
// that a killed run leaves the last committed state intact.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <xapian.h>

#include "article.h"
#include "document_preparer.h"
#include "tagger.h"

namespace dipnews {

enum class WriteOutcome { added, replaced, unchanged };

// When to commit: after `articles` changes, or once the changes held in memory are
// estimated to pass `memory_bytes` (Xapian keeps every uncommitted posting in memory).
struct CommitPolicy {
  unsigned articles = 10000;
  std::uint64_t memory_bytes = 512ull << 20;
};

class IndexWriter {
 public:
  // Without a tagger, articles are stored with only the tags given in the input. A locked
  // index is waited for up to `wait_lock_seconds`.
  IndexWriter(const std::string& path, CommitPolicy policy, const Tagger* tagger = nullptr,
              std::string tagging_version = "", double wait_lock_seconds = 0);
  IndexWriter(const std::string& path, unsigned commit_interval, const Tagger* tagger = nullptr,
              std::string tagging_version = "")
      : IndexWriter(path, CommitPolicy{commit_interval}, tagger, std::move(tagging_version)) {}

  // The whole path in one call, for callers that do not prepare in parallel.
  WriteOutcome write(const Article& article);

  // The hash stored with an article (nullopt: no article with this id), and the hash an
  // article would be stored with: equal hashes mean there is nothing to rewrite.
  std::optional<std::string> stored_hash(const std::string& id);
  std::string hash_of(const Article& article) const;

  // Writes a prepared article (replacing one with its id), with the story of its copies.
  // `existed` says whether it replaces an article (the caller looked it up).
  WriteOutcome store(PreparedArticle&& prepared, bool existed);

  bool remove(const std::string& id);  // false when no article has that id
  void commit();
  unsigned uncommitted() const { return changes_since_commit_; }

 private:
  void count_change(std::uint64_t memory_estimate);
  std::string story_of(const std::string& id, const std::optional<Signature>& signature);

  Xapian::WritableDatabase db_;
  DocumentPreparer preparer_;  // for write()
  std::string tagging_version_;
  CommitPolicy policy_;
  unsigned changes_since_commit_ = 0;
  std::uint64_t memory_since_commit_ = 0;
};

}  // namespace dipnews
