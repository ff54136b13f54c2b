// dipnews-index: reads articles and writes the index. Option parsing and error
// reporting only; the work is in pipeline.cc.
#include <iostream>

#include "error.h"
#include "explain.h"
#include "index_check.h"
#include "index_options.h"
#include "lint.h"
#include "pipeline.h"
#include "shards.h"
#include "text_util.h"
#include "writing/compaction.h"

int main(int argc, char* argv[]) {
  using namespace dipnews;
  try {
    auto options = parse_index_options(argc, argv, std::cout);
    if (!options) return static_cast<int>(ExitCode::success);
    switch (options->mode) {
      case IndexOptions::Mode::explain: return static_cast<int>(run_explain(*options, std::cout, std::cerr));
      case IndexOptions::Mode::lint_dictionaries: return static_cast<int>(run_lint(*options, std::cerr));
      case IndexOptions::Mode::index: break;
    }
    IndexingResult result;
    if (!options->inputs.empty() || !options->delete_ids.empty() || !options->delete_from.empty() || options->retag) {
      result = run_indexing(*options, std::cerr);
    }
    if (options->compact && result.compacted) {
      if (!options->quiet)
        std::cerr << "dipnews-index: --compact: nothing to do, the parallel merge wrote it compacted\n";
    } else if (options->compact) {
      for (const auto& dir : index_directories(options->db)) {  // each shard of a sharded index
        compact_index(dir, options->wait_lock_seconds, std::cerr, options->quiet);
      }
    }
    record_checked_indexes();  // the next run need not check them again unless they change
    return static_cast<int>(result.status);
  } catch (const UsageError& e) {
    std::cerr << "dipnews-index: " << one_line(e.what()) << "\nTry 'dipnews-index --help' for more information.\n";
    return static_cast<int>(e.code());
  } catch (const Error& e) {
    std::cerr << "dipnews-index: " << one_line(e.what()) << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "dipnews-index: internal error: " << one_line(e.what()) << "\n";
    return static_cast<int>(ExitCode::failure);
  }
}
