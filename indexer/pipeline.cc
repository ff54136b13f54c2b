#include "pipeline.h"

#include <chrono>
#include <optional>
#include <unordered_map>

#include "article_source.h"
#include "dictionary.h"
#include "index_stats.h"
#include "index_writer.h"
#include "tagger.h"

namespace dipnews {

namespace {

// Thrown under --strict at the first bad article; the run commits what it has and stops.
struct StrictStop {};

// Ids must be unique (SPEC §2). Two articles with one id in a single run are almost
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

class IndexRun {
 public:
  IndexRun(const IndexOptions& options, std::ostream& diag)
      : options_(options), diag_(diag), source_(options), dictionary_(Dictionary::load_default(options.dictionaries)),
        tagger_(dictionary_), writer_(options.db, options.commit_interval, &tagger_, dictionary_.version()) {}

  ExitCode run() {
    start_ = std::chrono::steady_clock::now();
    // Tagging still works with a flawed dictionary, but the user should know.
    for (const auto& problem : dictionary_.lint()) diag_ << "dipnews-index: warning: dictionary: " << problem << "\n";
    try {
      try {
        apply_deletions();
        source_.read_all([this](Article&& a) { article(std::move(a)); },
                         [this](const InputError& e) { error(e); });
      } catch (const StrictStop&) {
        // What was written before the error is valid and is committed below.
      }
      writer_.commit();
    } catch (const Xapian::Error& e) {
      // The backend has dropped every change since the last commit: say so, stop.
      print_summary();
      throw RuntimeFailure("index '" + options_.db + "': " + e.get_type() + ": " + e.get_msg() + "; the " +
                           std::to_string(writer_.uncommitted()) +
                           " changes since the last commit were not saved (run again to index them)");
    }
    print_summary();
    return stats_.errors > 0 ? ExitCode::failure : ExitCode::success;
  }

 private:
  void article(Article&& a) {
    try {
      if (auto first = ids_.seen_before(a)) {
        return error({a.origin_file, a.origin_line, "duplicate id '" + a.id + "' (first at " + *first + ")"});
      }
      count(writer_.write(a));
    } catch (const Xapian::Error&) {
      throw;  // the index itself is in trouble: handled by run()
    } catch (const std::exception& e) {
      // Anything else wrong with one article must not end the run.
      error({a.origin_file, a.origin_line, std::string("cannot index: ") + e.what()});
    }
  }

  void error(const InputError& e) {
    ++stats_.errors;
    diag_ << "dipnews-index: " << e.to_string() << "\n";
    if (options_.strict) throw StrictStop{};
  }

  void count(WriteOutcome outcome) {
    switch (outcome) {
      case WriteOutcome::added: ++stats_.added; break;
      case WriteOutcome::replaced: ++stats_.replaced; break;
      case WriteOutcome::unchanged: ++stats_.unchanged; break;
    }
  }

  void apply_deletions() {
    for (const auto& id : options_.delete_ids) {
      if (writer_.remove(id)) {
        ++stats_.deleted;
      } else {
        diag_ << "dipnews-index: warning: --delete: no article with id '" << id << "'\n";
      }
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
  Dictionary dictionary_;
  Tagger tagger_;
  IndexWriter writer_;
  IndexStats stats_;
  IdRegistry ids_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

ExitCode run_indexing(const IndexOptions& options, std::ostream& diag) {
  try {
    return IndexRun(options, diag).run();
  } catch (const Xapian::DatabaseLockError& e) {
    throw DatabaseBusy("database '" + options.db + "' is locked by another writer: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw RuntimeFailure("index '" + options.db + "': " + e.get_type() + ": " + e.get_msg());
  }
}

}  // namespace dipnews
