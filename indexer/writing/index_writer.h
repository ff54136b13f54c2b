// Writes prepared articles into an index, plain or sharded (shards.h): replaces an article
// with the same id, groups wire copies into stories (and re-keys a story whose first article
// is rewritten or removed: story_index.h), and commits in batches (by count and by
// estimated memory) so that a killed run leaves the last committed state intact. Preparing an
// article (DocumentPreparer) and deciding whether it changed (ExistingArticles) are the
// caller's part: indexer/pipeline.cc puts the three together.
//
// Each database (the index, or each shard) is written by a thread of its own: the caller
// queues documents and returns at once, so the Xapian work of N shards runs in parallel, and
// beside the caller's own (tagging, building documents). Calls come from one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "writing/document_preparer.h"
#include "writing/story_index.h"

namespace dipnews {

// unchanged: the caller found the same content hash stored and skipped the article.
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

// Everything has a default: IndexWriterOptions{.commit = {100}, .shards = 3}.
struct IndexWriterOptions {
  CommitPolicy commit{};
  // The dictionaries the articles are tagged with (Dictionary::version()), recorded in the
  // index's metadata (schema::metadata::dictionary_version). nullopt: articles stored without
  // a tagger, with only the tags given in the input; nothing is recorded.
  std::optional<std::string> tagged_with{};
  double wait_lock_seconds = 0;  // how long a locked index is waited for
  // 0 writes the index the path is (a new one: plain); N a sharded index of N shards (new,
  // or one of N).
  unsigned shards = 0;
  // 0 writes every article into the index itself. N (a plain index only) writes the articles
  // it does not hold yet into N part databases at once, one writer thread each, and finish()
  // merges them into it (part_merge.h); those it holds are replaced in it, as always.
  unsigned parts = 0;
  // With parts: a part that holds this many articles at a commit is closed, and a new one
  // takes its place, so that no writer updates a large database (0: no limit). The merge
  // takes them all.
  unsigned long part_articles = 0;
  // Further metadata set in every shard, committed with the articles (key, value; an empty
  // value removes the key): the pipeline records the user's dictionaries this way.
  std::vector<std::pair<std::string, std::string>> metadata{};
  // Where the merges' rare warnings go (a file left in the old tables); nullptr: stderr.
  std::ostream* diag = nullptr;
};

class ShardWriter;
class PartDirectory;

class IndexWriter {
 public:
  explicit IndexWriter(const std::string& path, IndexWriterOptions options = {});
  ~IndexWriter();

  // Writes a prepared article (replacing one with its id), with the story of its copies.
  // `existed` says whether it replaces an article (the caller looked it up).
  WriteOutcome store(PreparedArticle&& prepared, bool existed);

  bool remove(const std::string& id);  // false when no article has that id
  // Index-wide metadata, kept in the first shard (where searches read it): saved by the next
  // commit, as the articles are.
  void set_metadata(const std::string& key, const std::string& value);
  // Commits every shard (in parallel) and waits for all. Rethrows a writer thread's failure.
  void commit();
  // Commits, and with parts merges them into the index (a new compacted database put in its
  // place). No call may follow.
  void finish();
  bool merges_parts() const { return parts_ != nullptr; }
  // Articles committed by runs killed before their merge, merged into the index when this
  // writer opened it (part_merge.h).
  unsigned long recovered() const { return recovered_; }
  // What the index holds of this run (re-keyed copies aside): after a failure, what the
  // commits saved. The articles a run writing parts has committed to them are not in it
  // until the merge, and are not saved if it never comes: the parts are removed with it.
  struct Counts {
    unsigned long added = 0, replaced = 0, removed = 0;
  };
  Counts saved_counts() const;
  // The changes of this run that saved_counts() leaves out.
  unsigned long unsaved() const;
  std::size_t shard_count() const { return shards_.size(); }

 private:
  std::size_t database_for(const std::string& id, bool in_index) const;
  std::size_t part_writer_of(const std::string& id) const;
  ShardWriter& writer_at(std::size_t database);
  void open_writer(std::size_t database, Xapian::WritableDatabase db);
  void rotate_full_parts();
  void count_change(std::uint64_t memory_estimate);
  void before_leaving(const std::string& id);
  std::uint64_t next_indexed();

  std::unique_ptr<PartDirectory> parts_;  // declared before shards_: outlives their writers
  // The index's databases (one, or its shards), then the parts in the order they were
  // begun, as StoryIndex numbers them; a closed part's writer is null.
  std::vector<std::unique_ptr<ShardWriter>> shards_;
  std::vector<std::string> paths_;  // of the same databases
  std::size_t index_shards_ = 0;
  // Per part writer: the database it writes now, and the articles it has written there.
  std::vector<std::size_t> current_part_;
  std::vector<unsigned long> part_articles_;
  unsigned long part_limit_ = 0;
  // Closed parts opened again to re-key a follower they hold: closed after the commit.
  std::vector<std::size_t> reopened_;
  std::ostream* diag_;
  unsigned long recovered_ = 0;
  std::optional<StoryIndex> stories_;
  CommitPolicy policy_;
  unsigned changes_since_commit_ = 0;
  Counts committed_, pending_;
  std::uint64_t memory_since_commit_ = 0;
  // The last schema::slot::indexed value given: each article written gets a larger one.
  std::uint64_t last_indexed_ = 0;
};

}  // namespace dipnews
