#include "pipeline.h"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <unordered_map>

#include "dictionary.h"
#include "dictionary_guard.h"
#include "field_guard.h"
#include "id_list.h"
#include "index_directory.h"
#include "index_stats.h"
#include "input/article_source.h"
#include "open_files.h"
#include "ordered_pool.h"
#include "progress.h"
#include "rejection_ledger.h"
#include "schema.h"
#include "tagging/tagger.h"
#include "writing/content_hash.h"
#include "writing/document_preparer.h"
#include "writing/existing_articles.h"
#include "writing/index_writer.h"

namespace dipnews {

namespace {

// Thrown under --strict at the first bad article; the run commits what it has and stops.
struct StrictStop {};

// Ids must be unique (docs/reference.md, Input). Two articles with one id in a single run are almost
// always a data mistake (two scraped "article.txt" files, a doubled JSONL line): the
// second is reported instead of silently replacing the first.
class IdRegistry {
 public:
  // The first place `id` was seen in this run, or nullopt (and the id is recorded).
  std::optional<std::string> seen_before(const Article& a) {
    if (files_.empty() || files_.back() != a.origin_file) files_.push_back(a.origin_file);
    auto [it, fresh] = first_seen_.try_emplace(a.id, files_.size() - 1, a.origin_line);
    if (fresh) return std::nullopt;
    return files_[it->second.first] + ":" + std::to_string(it->second.second);
  }

 private:
  std::vector<std::string> files_;
  std::unordered_map<std::string, std::pair<std::size_t, long>> first_seen_;
};

// What the reading thread hands the workers: an article to prepare, an article found
// unchanged, or a problem to report. Everything is reported and counted in input order
// by the in-order emit, so diagnostics come out as if the run were sequential.
struct PipelineItem {
  enum class Kind { article, unchanged, error } kind = Kind::article;
  Article article;
  std::string hash;
  bool existed = false;  // an article with this id was in the index when the run started
  InputError error;
  std::uint64_t bytes_read = 0;  // input position, for the progress display
};

struct PipelineResult {
  PipelineItem::Kind kind = PipelineItem::Kind::article;
  std::optional<PreparedArticle> prepared;
  bool existed = false;
  InputError error;
  std::uint64_t bytes_read = 0;
};

// Articles per worker that may be read ahead of the writer: enough to keep every worker
// busy while the writer commits, small enough that memory does not grow with the input.
constexpr std::size_t window_per_worker = 32;

// Article text in flight (read, being tagged, or waiting for its turn to be written), per
// MB of --memory: a document being built takes about 18 bytes per byte of text (a 16 MiB
// article peaked at 285 MB), so 1/8 of --memory in text keeps the articles in flight near
// twice --memory. News-sized articles never reach it (32 per worker of 5 KB); a run of
// 16 MiB articles goes one at a time instead of 32 per worker (8 of them with --jobs 2
// peaked at 637 MB). One article always goes, whatever its size.
constexpr std::uint64_t memory_per_text_in_flight = 8;

// Articles from this size on return their memory to the system once tagged (malloc_trim).
constexpr std::size_t big_article_bytes = std::size_t{1} << 20;

// Parallel writers (writing/part_merge.h) pay for their speed with a merge that rewrites the
// whole index: worth it for a new index, and for an existing one only when the input is large
// beside it. Measured on 20,000 synthetic articles on a quiet machine (docs/quality.md,
// Parallel writers): two writers save about 0.11 s per MB of input, and the merge rewrites
// about 235 MB of index a second (page cache warm), so it pays from an input of about 1/21 of
// the index's bytes. A quarter keeps a margin of 5x for a busy machine (where two writers
// gained nothing in one run), a cold page cache, the disk the merge needs (a second copy of
// the index until the exchange) and searches that see the new articles only at the end;
// adding 1,000 articles to a 1,000,000-article index (1/4,500) stays direct.
constexpr std::uint64_t index_bytes_per_merged_input_byte = 4;

std::uint64_t bytes_under(const std::filesystem::path& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

// How many part databases the run writes at once (0: it writes the index directly).
unsigned parallel_parts(const IndexOptions& options, std::uint64_t input_bytes) {
  // One writer per preparing job, by default one per core; a sharded index already has a
  // writer per shard, and --retag rewrites articles in place.
  const unsigned writers = options.jobs_automatic ? options.cores : options.jobs;
  if (writers < 2 || options.shards > 0 || options.retag || options.inputs.empty()) return 0;
  std::error_code ec;
  // The merged index replaces the directory: not while it is the current one.
  if (std::filesystem::equivalent(options.db, std::filesystem::current_path(ec), ec)) return 0;
  const IndexDirectory dir = inspect_index_directory(options.db);
  switch (dir.state) {
    case IndexDirectory::State::absent:
    case IndexDirectory::State::empty:
    case IndexDirectory::State::unfinished: return writers;
    case IndexDirectory::State::index:
      return input_bytes * index_bytes_per_merged_input_byte >= bytes_under(options.db) ? writers : 0;
    case IndexDirectory::State::foreign: return 0;  // a sharded index, or refused by the writer
  }
  return 0;
}

class IndexRun {
 public:
  // `metadata`: set in the index with the articles (the user's dictionaries).
  IndexRun(const IndexOptions& options, std::ostream& diag, std::vector<std::pair<std::string, std::string>> metadata)
      : options_(options),
        diag_(diag),
        source_(options),
        parts_(parallel_parts(options, source_.total_bytes())),
        jobs_(parts_ > 0 ? parts_ : options.jobs),
        dictionary_(Dictionary::load_default(options.dictionaries)),
        tagger_(dictionary_),
        writer_(options.db, {.commit = {options.commit_interval, options.memory_bytes},
                             .tagged_with = dictionary_.version(),
                             .wait_lock_seconds = options.wait_lock_seconds,
                             .shards = options.shards,
                             .parts = parts_,
                             .part_articles = options.part_articles,
                             .metadata = std::move(metadata),
                             .diag = &diag}),
        progress_(diag, options.progress, options.progress_on_terminal, source_.total_bytes()) {
    for (unsigned w = 0; w < jobs_; ++w) {
      preparers_.push_back(std::make_unique<DocumentPreparer>(&tagger_, dictionary_.version(), options.fields));
    }
  }

  IndexingResult run() {
    start_ = std::chrono::steady_clock::now();
    // Tagging still works with a flawed dictionary, but the user should know.
    for (const auto& problem : dictionary_.lint()) diag_ << "dipnews-index: warning: dictionary: " << problem << "\n";
    if (writer_.recovered() > 0 && !options_.quiet) {
      diag_ << "dipnews-index: merged the " << writer_.recovered()
            << " articles committed by an earlier run killed before its merge\n";
    }
    IndexingResult result;
    try {
      apply_deletions();
      existing_.emplace(options_.db);
      read_and_write();
      for (const auto& [key, value] : rejections_.records()) writer_.set_metadata(key, value);
      result.compacted = writer_.merges_parts();  // finish() merges them with the compactor
      writer_.finish();
    } catch (const Xapian::Error& e) {
      // The backend has dropped every change since the last commit: say so, and count only
      // what the commits saved, stop.
      const auto saved = writer_.saved_counts();
      stats_.added = static_cast<long>(saved.added);
      stats_.replaced = static_cast<long>(saved.replaced);
      stats_.deleted = static_cast<long>(saved.removed);
      progress_.finish();
      print_summary();
      throw RuntimeFailure("index '" + options_.db + "': " + e.get_type() + ": " + xapian_reason(e) +
                           open_files_hint(e) + "; the " + std::to_string(writer_.unsaved()) +
                           " changes not in the index's last commit were not saved (run again to index them)");
    }
    progress_.finish();
    print_summary();
    result.status = stats_.errors > 0 ? ExitCode::failure : ExitCode::success;
    return result;
  }

 private:
  // The reading thread reads, cleans and checks articles; workers tag and build documents;
  // the in-order emit writes them (one writer: Xapian allows no other).
  void read_and_write() {
    OrderedPool<PipelineItem, PipelineResult> pool(
        jobs_, window_per_worker * jobs_, [this](unsigned worker, PipelineItem& item) { return prepare(worker, item); },
        [this](PipelineResult& result) { write(result); },
        static_cast<std::size_t>(options_.memory_bytes / memory_per_text_in_flight));
    try {
      if (options_.retag) return read_for_retag(pool);
      source_.read_all(
          [&](Article&& a) {
            const std::size_t text = a.title.size() + a.body.size();
            pool.submit(check(std::move(a)), text);
          },
          [&](const InputError& e) {
            PipelineItem item;
            item.kind = PipelineItem::Kind::error;
            item.error = e;
            item.bytes_read = bytes_read_;
            pool.submit(std::move(item));
            if (options_.strict && !e.warning) throw StrictStop{};
          },
          [&](const std::string& file, std::uint64_t size) {
            rejections_.file_started(file);
            bytes_before_file_ += file_size_;
            file_size_ = size;
            bytes_read_ = bytes_before_file_;
          });
    } catch (const StrictStop&) {
      // What was read before the error is written and committed; nothing after it.
    }
    pool.finish();
  }

  // --retag: the articles come from the index itself, as they were read, and go through
  // the same workers and writer as new ones.
  void read_for_retag(OrderedPool<PipelineItem, PipelineResult>& pool) {
    const auto stale = existing_->tagged_otherwise(dictionary_.version());
    progress_.set_total(stale.size());
    for (std::size_t i = 0; i < stale.size(); ++i) {
      PipelineItem item;
      item.article = existing_->given_article(stale[i]);
      item.article.origin_file = options_.db;
      item.hash = content_hash(item.article, dictionary_.version());
      item.existed = true;
      item.bytes_read = i + 1;
      const std::size_t text = item.article.title.size() + item.article.body.size();
      pool.submit(std::move(item), text);
    }
    pool.finish();
  }

  // On the reading thread: duplicate ids, and articles the index already has unchanged.
  PipelineItem check(Article&& a) {
    if (stopping_) throw StrictStop{};
    bytes_read_ = std::min(bytes_read_ + a.title.size() + a.body.size(), bytes_before_file_ + file_size_);
    PipelineItem item;
    item.bytes_read = bytes_read_;
    if (auto first = ids_.seen_before(a)) {
      item.kind = PipelineItem::Kind::error;
      item.error = {a.origin_file, a.origin_line, "duplicate id '" + a.id + "' (first at " + *first + ")"};
      if (options_.strict) stopping_ = true;
      return item;
    }
    item.hash = content_hash(a, dictionary_.version());
    const auto stored = existing_->hash_of(a.id);
    item.existed = stored.has_value();
    item.kind = stored == item.hash ? PipelineItem::Kind::unchanged : PipelineItem::Kind::article;
    item.article = std::move(a);
    return item;
  }

  // On a worker: the expensive part. A failure of one article is reported, not fatal.
  PipelineResult prepare(unsigned worker, PipelineItem& item) {
    PipelineResult result{item.kind, std::nullopt, item.existed, item.error, item.bytes_read};
    if (item.kind != PipelineItem::Kind::article) return result;
    try {
      result.prepared = preparers_[worker]->prepare(item.article, std::move(item.hash));
      // Tagging a big article frees hundreds of MB (tokens, code points) in this worker's
      // malloc arena, which glibc keeps for the thread: give it back, or every worker keeps
      // the high-water mark of the biggest article it has seen.
      if (item.article.title.size() + item.article.body.size() >= big_article_bytes) malloc_trim(0);
    } catch (const Xapian::Error&) {
      throw;  // the library itself is in trouble: stops the run
    } catch (const std::exception& e) {
      result.kind = PipelineItem::Kind::error;
      result.error = {item.article.origin_file, item.article.origin_line, std::string("cannot index: ") + e.what()};
    }
    return result;
  }

  // In input order, one at a time.
  void write(PipelineResult& result) {
    if (discarding_) return;  // --strict: nothing after the first error
    switch (result.kind) {
      case PipelineItem::Kind::error: report(result.error); break;
      case PipelineItem::Kind::unchanged: ++stats_.unchanged; break;
      case PipelineItem::Kind::article: count(writer_.store(std::move(*result.prepared), result.existed)); break;
    }
    progress_.update(stats_, result.bytes_read);
  }

  // A bad article: reported, unless a run before reported it for its file, unchanged since.
  void report(const InputError& e) {
    if (!e.warning) rejections_.rejected(e);
    // --strict is asked for a run that fails on any bad input: it is told everything.
    if (!options_.strict && rejections_.reported_before(e)) {
      ++stats_.skipped_as_before;
      return;
    }
    print_error(e);
  }

  void print_error(const InputError& e) {
    diag_ << (progress_on_line() ? "\r\033[K" : "") << "dipnews-index: " << e.to_string() << "\n";
    if (e.warning) return;
    ++stats_.errors;
    if (options_.strict) {
      stopping_ = true;
      discarding_ = true;
    }
  }

  bool progress_on_line() const { return options_.progress && options_.progress_on_terminal; }

  void count(WriteOutcome outcome) {
    switch (outcome) {
      case WriteOutcome::added: ++stats_.added; break;
      case WriteOutcome::replaced: ++stats_.replaced; break;
      case WriteOutcome::unchanged: ++stats_.unchanged; break;
    }
  }

  // Deletions are committed before articles are read, so that an article deleted and given
  // again in the same run is compared with the index as it now is: absent.
  void apply_deletions() {
    for (const auto& id : options_.delete_ids) remove("--delete", id);
    for (const auto& file : options_.delete_from) {
      read_id_list(
          file, [&](const std::string& id) { remove("--delete-from " + file, id); },
          [&](const InputError& e) { print_error(e); });
    }
    if (stats_.deleted > 0) writer_.commit();
  }

  void remove(const std::string& option, const std::string& id) {
    if (writer_.remove(id)) {
      ++stats_.deleted;
    } else {
      diag_ << "dipnews-index: warning: " << option << ": no article with id '" << id << "'\n";
    }
  }

  void print_summary() const {
    if (options_.quiet) return;
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
    diag_ << "dipnews-index: " << summary_line(stats_, elapsed.count()) << "\n";
  }

  const IndexOptions& options_;
  std::ostream& diag_;
  ArticleSource source_;
  const unsigned parts_;  // written at once (0: the index is written directly)
  const unsigned jobs_;   // workers: one per part writer, or options_.jobs
  Dictionary dictionary_;
  Tagger tagger_;
  IndexWriter writer_;
  ProgressMeter progress_;
  std::vector<std::unique_ptr<DocumentPreparer>> preparers_;  // one per worker
  std::optional<ExistingArticles> existing_;
  // Read on the reading thread only (file_started comes first for each file), through
  // existing_, which exists by then.
  RejectionLedger rejections_{[this](const std::string& key) { return existing_->metadata(key); }};
  IndexStats stats_;                                                      // written by the in-order emit only
  IdRegistry ids_;                                                        // reading thread only
  std::uint64_t bytes_before_file_ = 0, file_size_ = 0, bytes_read_ = 0;  // reading thread only
  std::atomic<bool> stopping_{false};  // --strict after an error: the reading thread stops
  bool discarding_ = false;            // emit only: --strict, the first error is reported
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

IndexingResult run_indexing(const IndexOptions& options, std::ostream& diag) {
  // A run that tags articles records the user's dictionaries, once sure it drops none of
  // those the index was tagged with (deleting only tags nothing: the record stays).
  std::vector<std::pair<std::string, std::string>> metadata;
  IndexOptions run_options = options;  // with the fields resolved against the index's record
  if (!options.inputs.empty() || options.retag) {
    metadata.emplace_back(schema::metadata::dictionaries, dictionaries_to_record(options));
    run_options.fields = custom_fields_for_run(options);
    metadata.emplace_back(schema::metadata::custom_fields, encode_custom_fields(run_options.fields));
  }
  try {
    return IndexRun(run_options, diag, std::move(metadata)).run();
  } catch (const Xapian::DatabaseLockError& e) {
    throw DatabaseBusy("database '" + options.db + "' is locked by another writer: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw RuntimeFailure("index '" + options.db + "': " + e.get_type() + ": " + xapian_reason(e));
  }
}

}  // namespace dipnews
