#include "pipeline.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <unordered_map>

#include "article_cleaner.h"
#include "article_reader.h"
#include "data_dir.h"
#include "index_stats.h"
#include "index_writer.h"

namespace dipnews {

namespace {

// Thrown under --strict at the first bad article; the run commits what it has and stops.
struct StrictStop {};

BoilerplateFilter load_boilerplate(const IndexOptions& options) {
  BoilerplateFilter filter;
  filter.load_file(find_data_dir() + "/boilerplate.txt");
  for (const auto& file : options.boilerplate_files) filter.load_file(file);
  return filter;
}

// Ids must be unique (SPEC §2). Two articles with one id in a single run are almost
// always a data mistake (two scraped "article.txt" files, a doubled JSONL line): the
// second is reported instead of silently replacing the first.
class IdRegistry {
 public:
  void start_file(const std::string& path) {
    files_.push_back(path);
  }
  // The first place `id` was seen in this run, or nullopt (and `id` is recorded).
  std::optional<std::string> seen_before(const std::string& id, long line) {
    auto [it, inserted] = first_seen_.try_emplace(id, files_.size() - 1, line);
    if (inserted) return std::nullopt;
    return files_[it->second.first] + ":" + std::to_string(it->second.second);
  }

 private:
  std::vector<std::string> files_{"<command line>"};
  std::unordered_map<std::string, std::pair<std::size_t, long>> first_seen_;
};

class IndexRun : public ArticleSink {
 public:
  IndexRun(const IndexOptions& options, std::ostream& diag)
      : options_(options), diag_(diag), boilerplate_(load_boilerplate(options)),
        writer_(options.db, options.commit_interval) {}

  ExitCode run() {
    start_ = std::chrono::steady_clock::now();
    try {
      try {
        apply_deletions();
        auto inputs = expand_inputs(options_.inputs, options_.input_format);
        for (const auto& e : inputs.errors) error(e);
        for (const auto& file : inputs.files) read_file(file);
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

  void article(Article&& a) override {
    try {
      if (auto problem = clean_article(a, boilerplate_)) return error({a.origin_file, a.origin_line, *problem});
      if (auto first = ids_.seen_before(a.id, a.origin_line)) {
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

  void error(const InputError& e) override {
    ++stats_.errors;
    diag_ << "dipnews-index: " << e.to_string() << "\n";
    if (options_.strict) throw StrictStop{};
  }

 private:
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

  void read_file(const InputFile& file) {
    auto reader = make_reader(file.format, boilerplate_);
    if (file.path == stdin_name) {
      ids_.start_file(stdin_label);
      reader->read(std::cin, stdin_label, *this);
      return;
    }
    std::ifstream in(file.path, std::ios::binary);
    if (!in) {
      error({file.path, 0, "cannot open file"});
      return;
    }
    ids_.start_file(file.path);
    reader->read(in, file.path, *this);
  }

  void print_summary() const {
    if (options_.quiet) return;
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
    diag_ << "dipnews-index: " << summary_line(stats_, elapsed.count()) << "\n";
  }

  const IndexOptions& options_;
  std::ostream& diag_;
  BoilerplateFilter boilerplate_;
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
