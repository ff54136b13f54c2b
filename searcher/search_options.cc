#include "search_options.h"

#include <boost/program_options.hpp>

#include "build_config.h"
#include "database.h"
#include "error.h"
#include "text_util.h"

namespace dipnews {

namespace po = boost::program_options;

namespace {

constexpr const char* usage_line =
    "Usage: dipnews-search [OPTION]... QUERY...\n"
    "Search a dipnews index. QUERY words are joined with spaces; see the query syntax in\n"
    "the README (words, \"phrases\", AND/OR/NOT, -word, word*, title:, source:, id:, date:).\n"
    "'*' alone matches every article.\n";

struct RawOptions {
  std::string format = "text", sort = "relevance", color = "auto";
  std::vector<std::string> words;
};

po::options_description option_table(SearchOptions& o, RawOptions& raw) {
  auto& r = o.request;
  po::options_description desc("Options");
  desc.add_options()
      ("help,h", "show this help and exit")
      ("version", "show the version and exit")
      ("db", po::value(&o.dbs), "index to search (repeatable; default: $DIPNEWS_DB, else ./dipnews.db)")
      ("format", po::value(&raw.format), "output format: text, json (default: text)")
      ("limit", po::value(&r.limit)->default_value(10), "number of hits to show")
      ("offset", po::value(&r.offset)->default_value(0), "skip this many hits first")
      ("sort", po::value(&raw.sort), "relevance, newest, oldest (default: relevance)")
      ("count", po::bool_switch(&r.count_only), "print the exact number of matching articles only")
      ("since", po::value(&r.filters.since), "only articles dated on or after YYYY[-MM[-DD]]")
      ("until", po::value(&r.filters.until), "only articles dated on or before YYYY[-MM[-DD]]")
      ("source", po::value(&r.filters.sources), "only articles from this outlet (repeatable: any of them)")
      ("no-snippets", "omit snippets (faster)")
      ("color", po::value(&raw.color), "auto, always, never (default: auto: only on a terminal)");
  return desc;
}

template <typename T>
T choose(const std::string& option, const std::string& value,
         std::initializer_list<std::pair<const char*, T>> legal) {
  std::string names;
  for (const auto& [name, v] : legal) {
    if (value == name) return v;
    names += names.empty() ? name : std::string(", ") + name;
  }
  throw UsageError("--" + option + ": invalid value '" + value + "' (choose from: " + names + ")");
}

void apply_choices(SearchOptions& o, const RawOptions& raw) {
  o.format = choose<OutputFormat>("format", raw.format, {{"text", OutputFormat::text}, {"json", OutputFormat::json}});
  o.request.sort = choose<SortOrder>(
      "sort", raw.sort,
      {{"relevance", SortOrder::relevance}, {"newest", SortOrder::newest}, {"oldest", SortOrder::oldest}});
  o.color = choose<ColorMode>("color", raw.color,
                              {{"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}});
}

void check_filters(const QueryFilters& f) {
  for (const auto& source : f.sources) {
    if (slugify(source).empty()) throw UsageError("--source: empty outlet name");
  }
}

std::string join_words(const std::vector<std::string>& words) {
  std::string query;
  for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
  return query;
}

}  // namespace

std::optional<SearchOptions> parse_search_options(int argc, const char* const argv[], std::ostream& out) {
  SearchOptions o;
  RawOptions raw;
  auto desc = option_table(o, raw);
  po::options_description hidden;
  hidden.add_options()("query", po::value(&raw.words));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);

  po::variables_map vm;
  try {
    // Queries may start with '-' ("-word" excludes it): such words must follow "--".
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm.count("help")) {
    out << usage_line << "\n" << desc
        << "\nExit status: 0 success (zero hits included), 1 runtime failure, 2 usage or query error,\n"
           "75 database busy.\n";
    return std::nullopt;
  }
  if (vm.count("version")) {
    out << "dipnews-search " << build::version << "\n";
    return std::nullopt;
  }
  apply_choices(o, raw);
  check_filters(o.request.filters);
  o.request.snippets = !vm.count("no-snippets");
  o.dbs = resolve_database_paths(o.dbs);
  o.request.text = join_words(raw.words);
  if (trim(o.request.text).empty()) throw UsageError("no QUERY given (use '*' to match every article)");
  return o;
}

}  // namespace dipnews
