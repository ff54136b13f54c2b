#include "writing/index_writer.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <iostream>
#include <mutex>
#include <thread>

#include "database.h"
#include "error.h"
#include "schema.h"
#include "shards.h"
#include "writing/document_builder.h"
#include "writing/part_merge.h"

namespace dipnews {

namespace {

// Xapian holds each uncommitted document's postings (with positions) in memory. Measured on
// Reuters and on the synthetic benchmark corpus: peak memory grows by about 20 bytes per byte
// of article text between two commits.
constexpr std::uint64_t memory_per_text_byte = 20;

std::uint64_t memory_estimate(const Xapian::Document& doc) {
  return memory_per_text_byte * (doc.get_data().size() + 64);
}

// Changes queued per shard before the caller waits: enough to ride out a shard's short
// stalls, few enough that queued documents stay a small part of memory.
constexpr std::size_t queue_limit = 64;

}  // namespace

// One database and the thread that writes it. Changes are queued and applied in order; the
// first failure stops the thread's work and is rethrown to the caller at its next call.
class ShardWriter {
 public:
  // memory_limit: queued documents wait while those ahead of them are estimated to take
  // more (one always goes), so that big articles are not queued 64 at a time.
  ShardWriter(Xapian::WritableDatabase db, std::uint64_t memory_limit)
      : db_(std::move(db)), memory_limit_(memory_limit), thread_([this] { run(); }) {}
  ~ShardWriter() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  void replace(const std::string& id_term, Xapian::Document&& doc, std::uint64_t memory) {
    push({Change::Kind::replace, id_term, std::move(doc), memory});
  }
  void remove(const std::string& id_term) { push({Change::Kind::remove, id_term, {}, 0}); }
  // The article's story becomes `story`; nothing else of it changes.
  void restory(const std::string& id_term, std::string story) {
    push({Change::Kind::restory, id_term, {}, 0, std::move(story)});
  }
  void commit() { push({Change::Kind::commit, {}, {}, 0}); }

  // Waits until every queued change is applied; rethrows the thread's failure. Until the
  // next change is queued, the caller may then read the database itself.
  Xapian::WritableDatabase& drained() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return (queue_.empty() && !busy_) || error_; });
    if (error_) std::rethrow_exception(error_);
    return db_;
  }

 private:
  struct Change {
    enum class Kind { replace, remove, restory, commit } kind;
    std::string term;
    Xapian::Document document;
    std::uint64_t memory = 0;  // memory_estimate() of the document
    std::string story = {};    // restory
  };

  void push(Change&& change) {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] {
      const bool room =
          queue_.size() < queue_limit && (queued_memory_ == 0 || queued_memory_ + change.memory <= memory_limit_);
      return room || error_;
    });
    if (error_) std::rethrow_exception(error_);
    queued_memory_ += change.memory;
    queue_.push_back(std::move(change));
    changed_.notify_one();
  }

  void run() {
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return !queue_.empty() || stopping_; });
      if (queue_.empty() || error_) return;  // stopping (after a failure: without the rest)
      Change change = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
      lock.unlock();
      idle_.notify_all();  // room in the queue
      std::exception_ptr failure;
      try {
        apply(change);
      } catch (...) {
        failure = std::current_exception();
      }
      change.document = Xapian::Document();  // released on this thread, which used it last
      lock.lock();
      busy_ = false;
      queued_memory_ -= change.memory;  // now in Xapian's buffer, which commits bound
      if (failure) {
        error_ = failure;
        queue_.clear();
        queued_memory_ = 0;
      }
      idle_.notify_all();
      if (error_) return;
    }
  }

  void apply(Change& change) {
    switch (change.kind) {
      case Change::Kind::replace:
        // replace_document(term, ...) adds the document when no document has the term.
        db_.replace_document(change.term, change.document);
        break;
      case Change::Kind::remove: db_.delete_document(change.term); break;
      case Change::Kind::restory: restory_in_place(change.term, change.story); break;
      case Change::Kind::commit: db_.commit(); break;
    }
  }

  // The document is read from this database and written back with only its story changed:
  // Xapian's modification shortcut then writes its termlist, the postings of its old and new
  // story terms and its values, and leaves its other postings, positions and data alone.
  void restory_in_place(const std::string& id_term, const std::string& story) {
    const Xapian::PostingIterator found = db_.postlist_begin(id_term);
    if (found == db_.postlist_end(id_term)) return;  // not in this database: nothing to re-key
    Xapian::Document doc = db_.get_document(*found);
    DocumentBuilder::replace_story(doc, story);
    db_.replace_document(*found, doc);
  }

  Xapian::WritableDatabase db_;
  const std::uint64_t memory_limit_;
  std::uint64_t queued_memory_ = 0;  // of the queued documents and the one being applied
  std::mutex mutex_;
  std::condition_variable changed_;  // a change was queued, or stop
  std::condition_variable idle_;     // room in the queue, the queue ran dry, or a failure
  std::deque<Change> queue_;
  bool busy_ = false;  // a change is being applied
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once everything above exists
};

IndexWriter::IndexWriter(const std::string& path, IndexWriterOptions options)
    : diag_(options.diag ? options.diag : &std::cerr), policy_(options.commit) {
  if (policy_.articles == 0) policy_.articles = 1;
  const WriteLayout layout = layout_for_writing(path, options.shards);
  if (!layout.sharded) recovered_ = recover_killed_runs(path, options.wait_lock_seconds, *diag_);
  std::vector<Xapian::WritableDatabase> dbs =
      open_shards_for_indexing(layout.paths, layout.sharded, options.wait_lock_seconds);
  index_shards_ = dbs.size();
  paths_ = layout.paths;
  if (options.parts > 0 && !layout.sharded) {
    parts_ = std::make_unique<PartDirectory>(path);  // under the index's lock, now held
    part_limit_ = options.part_articles;
    for (unsigned k = 0; k < options.parts; ++k) {
      current_part_.push_back(paths_.size());
      part_articles_.push_back(0);
      paths_.push_back(parts_->add_part());
      dbs.push_back(open_for_indexing(paths_.back()));
    }
  }
  for (std::size_t k = 0; k < dbs.size(); ++k) {
    auto& db = dbs[k];
    // Above every value written before, whatever the clock says now (it may have gone back).
    if (auto last = schema::parse_indexed_value(db.get_value_upper_bound(schema::slot::indexed))) {
      last_indexed_ = std::max(last_indexed_, *last);
    }
    // Parts get none: the merge keeps the index's metadata, once.
    if (k < index_shards_) {
      if (options.tagged_with) db.set_metadata(schema::metadata::dictionary_version, *options.tagged_with);
      for (const auto& [key, value] : options.metadata) db.set_metadata(key, value);
    }
    shards_.push_back(nullptr);
    open_writer(k, std::move(db));
  }
  stories_.emplace(std::vector<std::string>(paths_.begin(), paths_.begin() + index_shards_));
  for (std::size_t k = index_shards_; k < paths_.size(); ++k) stories_->add_part(paths_[k], part_limit_);
}

IndexWriter::~IndexWriter() = default;

// The database an article is written to (StoryIndex's numbering). Sharded: the shard the id
// hashes to. With parts, an article the index holds is rewritten in the index; one it does
// not hold goes to the current part of the writer its id hashes to (ids are unique in a run:
// it is written once).
std::size_t IndexWriter::database_for(const std::string& id, bool in_index) const {
  if (!parts_) return shard_of(id, static_cast<unsigned>(index_shards_));
  if (in_index) return 0;
  return current_part_[part_writer_of(id)];
}

// The part writer a new article goes to: the same for an id all run long.
std::size_t IndexWriter::part_writer_of(const std::string& id) const {
  return shard_of(id, static_cast<unsigned>(current_part_.size()));
}

// The writer of database `database` (StoryIndex's numbering), opening a closed part again:
// a follower re-keyed is rewritten where it lives, or the merge would hold it twice.
ShardWriter& IndexWriter::writer_at(std::size_t database) {
  if (!shards_.at(database)) {
    // A part this run created and committed: opened as it is. open_for_indexing would check
    // it as an index of unknown history, in a forked process, which is not safe beside the
    // threads running now (a child can inherit a lock held by one of them, and hang).
    open_writer(database, Xapian::WritableDatabase(paths_.at(database), Xapian::DB_OPEN));
    reopened_.push_back(database);
  }
  return *shards_[database];
}

void IndexWriter::open_writer(std::size_t database, Xapian::WritableDatabase db) {
  shards_.at(database) = std::make_unique<ShardWriter>(std::move(db), policy_.memory_bytes);
}

// After a commit: every part that reached the limit is closed (its writer's memory and
// B-tree cursors let go) and a new, empty one takes its place, a candidate for story lookups
// like the others.
void IndexWriter::rotate_full_parts() {
  for (const std::size_t database : reopened_) shards_[database].reset();
  reopened_.clear();
  if (part_limit_ == 0) return;
  for (std::size_t writer = 0; writer < current_part_.size(); ++writer) {
    if (part_articles_[writer] < part_limit_) continue;
    shards_[current_part_[writer]].reset();
    current_part_[writer] = paths_.size();
    part_articles_[writer] = 0;
    paths_.push_back(parts_->add_part());
    shards_.push_back(nullptr);
    open_writer(paths_.size() - 1, open_for_indexing(paths_.back()));
    stories_->add_part(paths_.back(), part_limit_);
  }
}

// Before `id` changes (is rewritten or removed): its uncommitted followers are committed,
// so that StoryIndex::leave finds every follower among the committed articles.
void IndexWriter::before_leaving(const std::string& id) {
  if (stories_->has_uncommitted_followers(id)) commit();
}

// Stamps are given here, in the one thread that writes, so that they increase in the order
// articles reach the index: everything a later commit adds is stamped after everything an
// earlier one holds, which is what lets --new remember "seen up to" as one number.
std::uint64_t IndexWriter::next_indexed() {
  const auto now =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  last_indexed_ = std::max(last_indexed_ + 1, static_cast<std::uint64_t>(now));
  return last_indexed_;
}

WriteOutcome IndexWriter::store(PreparedArticle&& prepared, bool existed) {
  before_leaving(prepared.id);
  const std::size_t database = database_for(prepared.id, existed);
  const StoryIndex::Assignment story = stories_->assign(prepared.id, prepared.signature, database);
  if (!story.kept_own_story) stories_->leave(prepared.id);
  DocumentBuilder::set_story(prepared.document, story.story);
  DocumentBuilder::set_indexed(prepared.document, next_indexed());
  const std::uint64_t estimate = memory_estimate(prepared.document);
  if (parts_ && !existed) ++part_articles_[part_writer_of(prepared.id)];
  writer_at(database).replace(schema::id_term(prepared.id), std::move(prepared.document), estimate);
  ++(existed ? pending_.replaced : pending_.added);
  count_change(estimate);
  return existed ? WriteOutcome::replaced : WriteOutcome::added;
}

bool IndexWriter::remove(const std::string& id) {
  // Deletions come before any article is written: with parts, only the index holds articles.
  ShardWriter& shard = writer_at(database_for(id, true));
  const std::string id_term = schema::id_term(id);
  if (!shard.drained().term_exists(id_term)) return false;
  before_leaving(id);
  stories_->forget(id);
  stories_->leave(id);
  shard.remove(id_term);
  ++pending_.removed;
  count_change(0);
  return true;
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
  shards_.front()->drained().set_metadata(key, value);
}

void IndexWriter::commit() {
  // Followers whose story changed since the last commit land in this one, with the change
  // that made them change (StoryIndex::leave).
  for (const auto& follower : stories_->regrouped())
    writer_at(follower.database).restory(schema::id_term(follower.id), follower.story);
  for (auto& shard : shards_) {
    if (shard) shard->commit();
  }
  for (auto& shard : shards_) {
    if (shard) shard->drained();
  }
  stories_->committed();
  rotate_full_parts();
  committed_.added += pending_.added;
  committed_.replaced += pending_.replaced;
  committed_.removed += pending_.removed;
  pending_ = {};
  changes_since_commit_ = 0;
  memory_since_commit_ = 0;
}

void IndexWriter::finish() {
  commit();
  if (!parts_) return;
  stories_.reset();               // its handle reads the parts
  shards_.resize(index_shards_);  // closes the parts
  parts_->merge();
  shards_.clear();  // lets the index's lock go: it is the merged index now
  parts_->finish_merge(*diag_);
  parts_.reset();
}

IndexWriter::Counts IndexWriter::saved_counts() const {
  Counts saved = committed_;
  if (parts_) saved.added = 0;  // every new article went to a part
  return saved;
}

unsigned long IndexWriter::unsaved() const { return changes_since_commit_ + (parts_ ? committed_.added : 0); }

void IndexWriter::count_change(std::uint64_t memory_estimate) {
  memory_since_commit_ += memory_estimate;
  if (++changes_since_commit_ >= policy_.articles || memory_since_commit_ >= policy_.memory_bytes) commit();
}

}  // namespace dipnews
