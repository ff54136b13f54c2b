// Writes prepared articles into an index, plain or sharded (shards.h): replaces an article
// with the same id, groups wire copies into stories, and commits in batches (by count and by
// estimated memory) so that a killed run leaves the last committed state intact.
//
// Each database (the index, or each shard) is written by a thread of its own: the caller
// queues documents and returns at once, so the Xapian work of N shards runs in parallel, and
// beside the caller's own (tagging, building documents). Calls come from one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "article.h"
#include "writing/document_preparer.h"
#include "writing/story_index.h"
#include "tagging/tagger.h"

namespace dipnews {

enum class WriteOutcome { added, replaced, unchanged };

// When to commit: after `articles` changes, or once the changes held in memory are
// estimated to pass `memory_bytes` (Xapian keeps every uncommitted posting in memory).
// Small batches are also the fast ones: Xapian 1.4 slows down per posting as its maps of
// uncommitted changes grow. On 100,000 synthetic articles (about 2 KB each), committing
// every ~1,500 articles (64 MB) indexed at 396 articles/s with a 150 MB peak, against
// 292/s and 550 MB every ~11,000 (512 MB); docs/quality.md has the runs.
struct CommitPolicy {
  unsigned articles = 10000;
  std::uint64_t memory_bytes = 64ull << 20;
};

class ShardWriter;

class IndexWriter {
 public:
  // Without a tagger, articles are stored with only the tags given in the input. A locked
  // index is waited for up to `wait_lock_seconds`. `shards`: 0 writes the index `path` is
  // (a new one: plain), N a sharded index of N shards (new, or one of N).
  IndexWriter(const std::string& path, CommitPolicy policy, const Tagger* tagger = nullptr,
              std::string tagging_version = "", double wait_lock_seconds = 0, unsigned shards = 0);
  IndexWriter(const std::string& path, unsigned commit_interval, const Tagger* tagger = nullptr,
              std::string tagging_version = "")
      : IndexWriter(path, CommitPolicy{commit_interval}, tagger, std::move(tagging_version)) {}
  ~IndexWriter();

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
  // Commits every shard (in parallel) and waits for all. Rethrows a writer thread's failure.
  void commit();
  unsigned uncommitted() const { return changes_since_commit_; }
  std::size_t shard_count() const { return shards_.size(); }

 private:
  ShardWriter& shard_for(const std::string& id);
  void count_change(std::uint64_t memory_estimate);

  std::vector<std::unique_ptr<ShardWriter>> shards_;
  std::optional<StoryIndex> stories_;
  DocumentPreparer preparer_;  // for write()
  std::string tagging_version_;
  CommitPolicy policy_;
  unsigned changes_since_commit_ = 0;
  std::uint64_t memory_since_commit_ = 0;
};

}  // namespace dipnews
