#include "index_options.h"

#include <boost/program_options.hpp>

#include "build_config.h"
#include "database.h"
#include "error.h"

namespace dipnews {

namespace po = boost::program_options;

namespace {

constexpr const char* usage_line =
    "Usage: dipnews-index [OPTION]... INPUT...\n"
    "Index news articles (JSONL, text) for dipnews-search. INPUT is a file, a directory\n"
    "(read recursively) or '-' for standard input.\n";

po::options_description option_table(IndexOptions& o, std::vector<std::string>& dbs, std::string& format) {
  po::options_description desc("Options");
  desc.add_options()
      ("help,h", "show this help and exit")
      ("version", "show the version and exit")
      ("db", po::value(&dbs), "index to write (default: $DIPNEWS_DB, else ./dipnews.db)")
      ("input-format", po::value(&format), "read every INPUT as: jsonl, text (default: by extension; stdin: jsonl)")
      ("delete", po::value(&o.delete_ids)->multitoken(), "remove the articles with these ids (repeatable)")
      ("boilerplate", po::value(&o.boilerplate_files), "extra boilerplate pattern file (repeatable)")
      ("commit-interval", po::value(&o.commit_interval)->default_value(10000),
       "articles written between two commits")
      ("strict", po::bool_switch(&o.strict), "stop at the first bad article (earlier ones stay indexed)")
      ("quiet,q", po::bool_switch(&o.quiet), "no summary line");
  return desc;
}

}  // namespace

std::optional<IndexOptions> parse_index_options(int argc, const char* const argv[], std::ostream& out) {
  IndexOptions o;
  std::vector<std::string> dbs;
  std::string format;
  auto desc = option_table(o, dbs, format);
  po::options_description hidden;
  hidden.add_options()("input", po::value(&o.inputs));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm.count("help")) {
    out << usage_line << "\n" << desc << "\nExit status: 0 ok, 1 some input could not be indexed, "
        << "2 usage error, 75 index locked by another writer.\n";
    return std::nullopt;
  }
  if (vm.count("version")) {
    out << "dipnews-index " << build::version << "\n";
    return std::nullopt;
  }
  if (dbs.size() > 1) throw UsageError("--db given more than once: dipnews-index writes one index");
  o.db = resolve_database_paths(dbs).front();
  if (!format.empty()) {
    o.input_format = parse_input_format(format);
    if (!o.input_format) throw UsageError("--input-format: unknown format '" + format + "' (jsonl, text)");
  }
  if (o.inputs.empty() && o.delete_ids.empty()) throw UsageError("no INPUT given (try --help)");
  if (o.commit_interval == 0) throw UsageError("--commit-interval must be at least 1");
  return o;
}

}  // namespace dipnews
