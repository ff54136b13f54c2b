#include "index_options.h"

#include <algorithm>
#include <thread>

#include <unistd.h>

#include <boost/program_options.hpp>

#include "command_line.h"
#include "database.h"
#include "dictionary_record.h"
#include "error.h"
#include "text_util.h"

namespace dipnews {

namespace po = boost::program_options;

namespace {

constexpr ProgramInfo program = {
    "dipnews-index",
    "Usage: dipnews-index [OPTION]... INPUT...\n"
    "Index news articles (JSONL, text, HTML) for dipnews-search, tagging each with the actors and\n"
    "topics it mentions. INPUT is a file, a directory (read recursively) or '-' for stdin.\n",
    "Exit status: 0 ok, 1 some input could not be indexed, 2 usage error, 75 index locked by\n"
    "another writer.\n"
    "\n"
    "Examples:\n"
    "  dipnews-index --db news.db ~/scraped/\n"
    "      index (or update) every article under a folder\n"
    "  dipnews-index --explain article.txt\n"
    "      show the actors and topics found in an article, with their evidence\n"
    "  dipnews-index --lint-dictionaries --dictionary my.actors\n"
    "      check your own dictionary before indexing with it\n"};

// What the config file may set for dipnews-index: its [index] section (docs/reference.md,
// "Config file"). Actions (--delete, --retag, --explain...) and the choice of --shards stay
// on the command line.
const ConfigSchema config_schema = {"index",
                                    {"db", "dictionary", "boilerplate", "field", "input-format", "wait-lock",
                                     "commit-interval", "memory", "jobs", "part-size", "progress", "strict", "quiet"},
                                    {"db", "dictionary", "boilerplate"},
                                    {{"db", "DIPNEWS_DB"}}};

// Values checked after parsing (Boost would quietly wrap "-5" into a huge unsigned).
struct RawOptions {
  std::vector<std::string> dbs;
  std::string format;
  std::string output_format = "text";
  bool explain = false;
  bool lint = false;
  long long commit_interval = 10000;
  long long memory_mb = 64;
  long long jobs = 0;
  long long part_size = default_part_articles;
  long long shards = -1;  // not given
  double wait_lock = 0;
  bool progress = false;
  std::vector<std::string> fields;  // --field NAME[=KEY], the config file's and the command line's
};

po::options_description option_table(IndexOptions& o, RawOptions& raw) {
  po::options_description desc("Options");
  desc.add_options()("help,h", "show this help and exit")("version", "show the version and exit")(
      "db", po::value(&raw.dbs)->value_name("PATH"),
      "index to write (default: $DIPNEWS_DB, else the config file's db, else ./dipnews.db)")(
      "shards", po::value(&raw.shards)->value_name("N"),
      "write a new --db as N shard indexes in PATH/shard-K, listed by the stub PATH/XAPIANDB (searched as one; "
      "a sharded index keeps its N)")("input-format", po::value(&raw.format)->value_name("{jsonl,text,html}"),
                                      "read every INPUT as this format (default: by its extension; stdin: jsonl)")(
      "delete", po::value(&o.delete_ids)->value_name("ID"), "remove the article with this id (repeatable)")(
      "delete-from", po::value(&o.delete_from)->value_name("FILE"),
      "remove the articles whose ids FILE lists, one per line ('-': stdin; blank lines and # comments skipped)")(
      "retag", po::bool_switch(&o.retag),
      "re-tag, from the index itself, every article tagged with other dictionaries than the current ones")(
      "compact", po::bool_switch(&o.compact),
      "after indexing (or alone), rewrite the index compactly: smaller and faster to search")(
      "wait-lock", po::value(&raw.wait_lock)->value_name("SECONDS")->default_value(0),
      "when another dipnews-index is writing, wait up to SECONDS for it instead of exiting with 75")(
      "boilerplate", po::value(&o.boilerplate_files)->value_name("FILE")->composing(),
      "extra boilerplate pattern file, one regular expression a line (repeatable)")(
      "dictionary", po::value(&o.dictionaries)->value_name("FILE")->composing(),
      "extra actor or topic dictionary file (repeatable; recorded in the index, which later runs must give again)")(
      "field", po::value(&raw.fields)->value_name("NAME[=KEY]")->composing(),
      "index the input field KEY (JSONL key, text header, HTML meta name; default NAME) as the field NAME: "
      "a filter NAME:VALUE, a facet and an output column (repeatable; recorded in the index)")(
      "explain", po::bool_switch(&raw.explain),
      "index nothing: print every actor and topic found in each INPUT article, with evidence")(
      "format", po::value(&raw.output_format)->value_name("{text,json,jsonl}")->default_value("text"),
      "--explain output")("lint-dictionaries", po::bool_switch(&raw.lint), "check the dictionaries and exit")(
      "commit-interval", po::value(&raw.commit_interval)->value_name("N")->default_value(10000),
      "articles written between two commits (at most)")(
      "memory", po::value(&raw.memory_mb)->value_name("MB")->default_value(64),
      "uncommitted changes held before a commit (estimated; peak memory stays near twice it; more is not faster)")(
      "jobs,j", po::value(&raw.jobs)->value_name("N")->default_value(0),
      "threads tagging and building documents; from 2, a new index, or an addition large beside the "
      "index, is written by N writers in parallel and merged into it at the end (0: such a run takes "
      "one per core, any other one per core but the single writer's)")(
      "part-size", po::value(&raw.part_size)->value_name("N")->default_value(default_part_articles),
      "with parallel writers, the articles a part database takes before its writer begins a new one "
      "(all are merged at the end)")(
      "progress", po::bool_switch(&raw.progress),
      "show progress on stderr even when it is not a terminal (default: only on a terminal)")(
      "strict", po::bool_switch(&o.strict), "stop at the first bad article (earlier ones stay indexed)")(
      "quiet,q", po::bool_switch(&o.quiet), "no summary line");
  return desc;
}

// Numeric options, checked here because Boost would quietly wrap "-5" into a huge unsigned.
void apply_limits(IndexOptions& o, const RawOptions& raw) {
  if (raw.commit_interval < 1 || raw.commit_interval > 10'000'000) {
    throw UsageError("--commit-interval: must be between 1 and 10000000");
  }
  o.commit_interval = static_cast<unsigned>(raw.commit_interval);
  if (raw.memory_mb < 16 || raw.memory_mb > 1'000'000)
    throw UsageError("--memory: must be between 16 and 1000000 (MB)");
  o.memory_bytes = static_cast<std::uint64_t>(raw.memory_mb) << 20;
  if (!(raw.wait_lock >= 0 && raw.wait_lock <= 1e6))
    throw UsageError("--wait-lock: must be between 0 and 1000000 (seconds)");
  o.wait_lock_seconds = raw.wait_lock;
  if (raw.jobs < 0 || raw.jobs > 256) throw UsageError("--jobs: must be between 0 and 256");
  if (raw.part_size < 1 || raw.part_size > 1'000'000'000)
    throw UsageError("--part-size: must be between 1 and 1000000000");
  o.part_articles = static_cast<unsigned long>(raw.part_size);
  if (raw.shards != -1 && (raw.shards < 1 || raw.shards > 1024))
    throw UsageError("--shards: must be between 1 and 1024");
  o.shards = raw.shards == -1 ? 0 : static_cast<unsigned>(raw.shards);
  // One writer (Xapian) is the slow stage and keeps a core busy by itself: workers on every
  // core starve it (100,000 articles on 2 cores: 297 s with 2 workers, 268 s with 1). A run
  // that writes parts has a writer per worker, and takes every core (pipeline.cc).
  o.cores = std::max(1u, std::thread::hardware_concurrency());
  o.jobs_automatic = raw.jobs == 0;
  o.jobs = o.jobs_automatic ? std::max(1u, o.cores - 1) : static_cast<unsigned>(raw.jobs);
  // Progress: on a terminal unless --quiet; --progress forces it (and wins over --quiet).
  o.progress_on_terminal = isatty(STDERR_FILENO) != 0;
  o.progress = raw.progress || (o.progress_on_terminal && !o.quiet);
}

void choose_mode(IndexOptions& o, const RawOptions& raw) {
  if (raw.explain && raw.lint) throw UsageError("--explain and --lint-dictionaries do not go together");
  o.mode = raw.explain ? IndexOptions::Mode::explain
           : raw.lint  ? IndexOptions::Mode::lint_dictionaries
                       : IndexOptions::Mode::index;
  if (raw.output_format == "jsonl") o.explain_format = IndexOptions::ExplainFormat::jsonl;
  else if (raw.output_format == "json") o.explain_format = IndexOptions::ExplainFormat::json;
  else if (raw.output_format != "text")
    throw UsageError("--format: invalid value '" + raw.output_format + "' (choose from: text, json, jsonl)");
  if (raw.output_format != "text" && !raw.explain) throw UsageError("--format applies to --explain only");
}

// What the run works on: INPUT files, deletions, or the index itself (--retag).
void check_work(IndexOptions& o) {
  for (auto& id : o.delete_ids) {
    id = std::string(trim(id));  // ids are stored trimmed
    if (id.empty()) throw UsageError("--delete: empty id");
  }
  const bool index_changes = !o.delete_ids.empty() || !o.delete_from.empty() || o.retag || o.compact;
  if (o.mode != IndexOptions::Mode::index && index_changes) {
    throw UsageError("--delete, --delete-from, --retag and --compact only apply when indexing");
  }
  if (o.mode != IndexOptions::Mode::index && o.shards) throw UsageError("--shards only applies when indexing");
  if (o.mode == IndexOptions::Mode::lint_dictionaries) return;
  if (o.retag && !o.inputs.empty()) throw UsageError("--retag works from the index itself: give no INPUT");
  if (o.inputs.empty() && !index_changes) throw UsageError("no INPUT given (try --help)");
  const auto stdin_uses = std::count(o.inputs.begin(), o.inputs.end(), stdin_name) +
                          std::count(o.delete_from.begin(), o.delete_from.end(), stdin_name);
  if (stdin_uses > 1) throw UsageError("standard input ('-') can be read only once");
}

void apply_checks(IndexOptions& o, const RawOptions& raw) {
  if (raw.dbs.size() > 1) throw UsageError("--db given more than once: dipnews-index writes one index");
  o.db = resolve_database_paths(raw.dbs).front();
  if (!raw.format.empty()) {
    o.input_format = parse_input_format(raw.format);
    if (!o.input_format)
      throw UsageError("--input-format: invalid value '" + raw.format + "' (choose from: jsonl, text, html)");
  }
  apply_limits(o, raw);
  choose_mode(o, raw);
  check_work(o);
  o.dictionaries = distinct_files(o.dictionaries);  // the config file's and the command line's
  for (const auto& text : raw.fields) o.declared_fields.push_back(parse_field_declaration(text));
  o.fields = o.declared_fields;  // indexing resolves slots against the index (field_guard.h)
}

}  // namespace

std::optional<IndexOptions> parse_index_options(int argc, const char* const argv[], std::ostream& out) {
  IndexOptions o;
  RawOptions raw;
  const auto parsed = parse_command_line(argc, argv, option_table(o, raw), config_schema, o.inputs, program, out);
  if (!parsed) return std::nullopt;
  parsed->check([&] { apply_checks(o, raw); });
  return o;
}

}  // namespace dipnews
