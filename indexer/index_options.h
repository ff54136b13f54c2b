// The indexer's command line: one declarative table, parsed into IndexOptions.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "custom_fields.h"
#include "input/input_files.h"

namespace dipnews {

// Articles a part database takes before its writer closes it and begins a new one (bounded
// sub-databases, writing/part_merge.h). A Xapian writer slows down as its database grows,
// since each commit updates blocks spread over ever larger B-trees; closing parts early
// costs more databases to merge at the end. docs/quality.md, "Bounded parts", has the
// measurements this is chosen from.
inline constexpr unsigned long default_part_articles = 50000;

struct IndexOptions {
  std::string db;
  std::vector<std::string> inputs;
  std::optional<InputFormat> input_format;
  std::vector<std::string> delete_ids;
  std::vector<std::string> boilerplate_files;  // added to the bundled patterns
  std::vector<std::string> dictionaries;       // added to the bundled dictionaries
  std::vector<CustomField> declared_fields;    // --field NAME[=KEY] and the config file's (slots unset)
  CustomFields fields;                         // what the run reads: declared_fields and the index's (field_guard.h)
  enum class Mode { index, explain, lint_dictionaries } mode = Mode::index;
  enum class ExplainFormat { text, jsonl, json } explain_format = ExplainFormat::text;
  unsigned commit_interval = 10000;
  std::uint64_t memory_bytes = 64ull << 20;  // commit before uncommitted changes pass this
  unsigned jobs = 1;                         // threads preparing documents (0 never: resolved)
  // --jobs not given: a run that writes parts (pipeline.cc) then takes one writer per core,
  // and jobs is the count for a run that writes the index directly.
  bool jobs_automatic = false;
  unsigned long part_articles = default_part_articles;  // --part-size
  unsigned cores = 1;                                   // this machine's
  unsigned shards = 0;                                  // --shards N: a sharded index of N; 0: as the index is
  double wait_lock_seconds = 0;                         // wait for another writer to finish
  std::vector<std::string> delete_from;                 // files of ids to delete, one per line ("-": stdin)
  bool retag = false;                                   // re-tag articles tagged with other dictionaries
  bool compact = false;                                 // rewrite the index compactly at the end
  bool progress = false;                                // draw progress on stderr
  bool progress_on_terminal = false;                    // ...redrawing one line
  bool strict = false;
  bool quiet = false;
};

// nullopt when --help or --version was answered on `out`. Throws UsageError.
std::optional<IndexOptions> parse_index_options(int argc, const char* const argv[], std::ostream& out);

}  // namespace dipnews
