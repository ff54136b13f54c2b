#include "pipeline.h"

#include <chrono>
#include <fstream>
#include <iostream>

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

class IndexRun : public ArticleSink {
 public:
  IndexRun(const IndexOptions& options, std::ostream& diag)
      : options_(options), diag_(diag), boilerplate_(load_boilerplate(options)),
        writer_(options.db, options.commit_interval) {}

  ExitCode run() {
    const auto start = std::chrono::steady_clock::now();
    try {
      apply_deletions();
      auto inputs = expand_inputs(options_.inputs, options_.input_format);
      for (const auto& e : inputs.errors) error(e);
      for (const auto& file : inputs.files) read_file(file);
    } catch (const StrictStop&) {
      // Fall through: what was written before the error is committed below.
    }
    writer_.commit();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    if (!options_.quiet) diag_ << "dipnews-index: " << summary_line(stats_, elapsed.count()) << "\n";
    return stats_.errors > 0 ? ExitCode::failure : ExitCode::success;
  }

  void article(Article&& a) override {
    if (auto problem = clean_article(a, boilerplate_)) {
      error({a.origin_file, a.origin_line, *problem});
      return;
    }
    try {
      switch (writer_.write(a)) {
        case WriteOutcome::added: ++stats_.added; break;
        case WriteOutcome::replaced: ++stats_.replaced; break;
        case WriteOutcome::unchanged: ++stats_.unchanged; break;
      }
    } catch (const Xapian::InvalidArgumentError& e) {
      error({a.origin_file, a.origin_line, "cannot index: " + e.get_msg()});
    }
  }

  void error(const InputError& e) override {
    ++stats_.errors;
    diag_ << "dipnews-index: " << e.to_string() << "\n";
    if (options_.strict) throw StrictStop{};
  }

 private:
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
      reader->read(std::cin, stdin_label, *this);
      return;
    }
    std::ifstream in(file.path, std::ios::binary);
    if (!in) {
      error({file.path, 0, "cannot open file"});
      return;
    }
    reader->read(in, file.path, *this);
  }

  const IndexOptions& options_;
  std::ostream& diag_;
  BoilerplateFilter boilerplate_;
  IndexWriter writer_;
  IndexStats stats_;
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
