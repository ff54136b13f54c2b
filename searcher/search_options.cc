#include "search_options.h"

#include <stdexcept>

#include <boost/program_options.hpp>

#include "command_line.h"
#include "custom_fields.h"
#include "database.h"
#include "date.h"
#include "error.h"
#include "query/query_languages.h"
#include "text_util.h"

namespace dipnews {

namespace po = boost::program_options;

namespace {

constexpr ProgramInfo program = {
    "dipnews-search",
    "Usage: dipnews-search [OPTION]... QUERY...\n"
    "Search a dipnews index. QUERY words are joined with spaces: words, \"phrases\",\n"
    "AND/OR/NOT, -word, word*, and the fields actor:, person:, country:, org:, topic:,\n"
    "source:, language:, id:, title:, date: (the query language: man dipnews-query). '*' alone\n"
    "matches every article; a query starting with '-' goes after '--'.\n",
    "Exit status: 0 success (zero hits included), 1 runtime failure, 2 usage or query error,\n"
    "3 nothing new (--new), 75 database busy.\n"
    "\n"
    "Examples:\n"
    "  dipnews-search ceasefire monitoring\n"
    "      articles with both words, best matches first\n"
    "  dipnews-search '\"security guarantees\"' date:2025-12\n"
    "      a phrase, in articles of December 2025\n"
    "  dipnews-search --sort=newest actor:putin topic:ceasefire\n"
    "      the latest on Putin and a ceasefire (actor: takes any name, spelling or id)\n"
    "  dipnews-search --count --timeline=month 'actor:\"Volodymyr Zelenskyy\"'\n"
    "      how many articles name him, month by month\n"
    "  dipnews-search --format=json --limit=5 'source:meridian-post (sanctions OR tariffs)'\n"
    "      five hits from one outlet, as JSON for scripts\n"};

// What the config file may set for dipnews-search: its [search] section (docs/reference.md,
// "Config file"). What a search asks (filters, --count, --batch...) stays on the command line.
const ConfigSchema config_schema = {"search",
                                    {"db", "dictionary", "format", "limit", "sort", "default-op", "feedback",
                                     "no-snippets", "no-collapse", "color", "jobs", "language"},
                                    {"db", "dictionary"},
                                    {{"db", "DIPNEWS_DB"}}};

// Values checked after parsing: keyword options against their tables, numbers against
// their ranges (Boost would quietly wrap "--limit -1" into a huge unsigned).
struct RawOptions {
  std::string format = "text", sort = "relevance", color = "auto", facets, timeline, cooccur, default_op = "auto";
  long long limit = 10, offset = 0, feedback = 5, jobs = 0, remote_timeout = 30;
  std::vector<std::string> words;
  std::vector<std::string> languages;
};

// --count-stories: a count of stories, which exist only where wire copies are folded together.
void count_stories(SearchRequest& request) {
  if (!request.collapse) throw UsageError("--count-stories counts wire copies once; it does not go with --no-collapse");
  if (request.count_only) throw UsageError("--count and --count-stories do not go together (choose one)");
  request.count_only = true;
  request.count_stories = true;
}

po::options_description option_table(SearchOptions& o, RawOptions& raw) {
  auto& r = o.request;
  po::options_description desc("Options");
  desc.add_options()("help,h", "show this help and exit")("version", "show the version and exit")(
      "db", po::value(&o.dbs)->value_name("PATH"),
      "index to search (repeatable; default: $DIPNEWS_DB, else the config file's db, else ./dipnews.db)")(
      "allow-remote-programs", po::bool_switch(&o.allow_remote_programs),
      "let stub databases run the programs their 'remote :PROGRAM' lines name (refused by default)")(
      "remote-timeout", po::value(&raw.remote_timeout)->value_name("SECONDS")->default_value(30),
      "how long a remote database (stub line 'remote tcp HOST:PORT') may take to answer before the search fails")(
      "format", po::value(&raw.format)->value_name(keyword_values(output_formats))->default_value("text"),
      "output format; trec is for --batch")("limit", po::value(&raw.limit)->value_name("N")->default_value(10),
                                            "number of hits to show")(
      "offset", po::value(&raw.offset)->value_name("N")->default_value(0),
      "skip this many hits first; with --limit=10, --offset=10 shows the second page")(
      "sort", po::value(&raw.sort)->value_name(keyword_values(sort_orders))->default_value("relevance"),
      "order of the hits")("count", po::bool_switch(&r.count_only), "print the exact number of matching articles only")(
      "count-stories", "print the exact number of matching stories only (wire copies of one story count once)")(
      "since", po::value(&r.filters.since)->value_name("DATE"),
      "only articles dated on or after DATE: YYYY[-MM[-DD]], today, yesterday, or N days, weeks, months, years "
      "ago as Nd, Nw, Nm, Ny (e.g. 2025-12, 2w)")(
      "until", po::value(&r.filters.until)->value_name("DATE"),
      "only articles dated on or before DATE (2025 means to the end of 2025, yesterday to its end)")(
      "similar", po::value(&r.similar_to)->value_name("ID"),
      "articles most like the one with this id (QUERY and filters narrow them)")(
      "actor", po::value(&r.filters.actors)->value_name("ACTOR"),
      "only articles tagged with this actor, by id or any name, e.g. putin (repeatable: any)")(
      "topic", po::value(&r.filters.topics)->value_name("TOPIC"),
      "only articles tagged with this topic, e.g. ceasefire (repeatable: any; --list-topics lists them)")(
      "source", po::value(&r.filters.sources)->value_name("OUTLET"),
      "only articles from this outlet, e.g. 'Meridian Post' (repeatable: any of them)")(
      "language", po::value(&raw.languages)->value_name("LANG[,LANG...]"),
      "analyse the query for these languages only and find only their articles, e.g. ru,uk (default: every "
      "language the index holds)")(
      "default-op", po::value(&raw.default_op)->value_name(keyword_values(default_ops))->default_value("auto"),
      "how words without an operator combine; auto: and, relaxed to or for questions AND cannot answer")(
      "feedback", po::value(&raw.feedback)->value_name("N")->default_value(5),
      "ranked (or relaxed) queries: add the words of the N best articles to the query (0: off)")(
      "no-snippets", "omit snippets (faster)")("no-collapse", "list every wire copy instead of one hit per story")(
      "facets", po::value(&raw.facets)->value_name(keyword_values(facet_fields) + ",..."),
      "count every matching article per value of these fields, e.g. --facets=person,topic (or the index's own "
      "fields, dipnews-index --field)")("timeline",
                                        po::value(&raw.timeline)->value_name(keyword_values(timeline_units)),
                                        "count matching articles per period, with each period's share of all articles")(
      "cooccur", po::value(&raw.cooccur)->value_name("[=" + keyword_values(facet_fields) + "]"),
      "actors (or values of the field given) unusually present in the matches, ranked by lift")(
      "explain-query", po::bool_switch(&o.explain_query), "print on stderr how the query was understood")(
      "batch", po::value(&o.batch)->value_name("FILE"),
      "run every query of FILE ('-': stdin), one per line, QUERY or QID<TAB>QUERY")(
      "jobs,j", po::value(&raw.jobs)->value_name("N")->default_value(0),
      "batch: run N queries at once, one index handle each; 0: one per core. Output keeps input order")(
      "list-actors", "list the actors the dictionaries and the index know, with article counts (any --format)")(
      "list-topics", "list the topics the dictionaries and the index know, with article counts (any --format)")(
      "actor-info", po::value(&o.actor_info)->value_name("ACTOR"),
      "who ACTOR (an id or any name) is: names, affiliations, roles with dates, source (text or json; no index)")(
      "saved", po::value(&o.saved)->value_name("NAME"),
      "run the saved search NAME: its options (those given here win) and its query AND the words given here")(
      "new", po::bool_switch(&o.new_only),
      "with --saved: only articles added or changed since that search last ran with --new on this index; "
      "exit 3 when there are none")("list-saved",
                                    "list the saved searches, NAME<TAB>OPTIONS AND QUERY, and check them")(
      "saved-file", po::value(&o.saved_file)->value_name("FILE"),
      "the saved searches, NAME = OPTIONS AND QUERY a line (default: $DIPNEWS_SAVED_SEARCHES, else "
      "$XDG_CONFIG_HOME/dipnews/searches)")(
      "dictionary", po::value(&o.dictionaries)->value_name("FILE")->composing(),
      "extra actor or topic dictionary file (repeatable; those the index was tagged with are loaded without it)")(
      "color", po::value(&raw.color)->value_name(keyword_values(color_modes))->default_value("auto"),
      "colour the text output (auto: only on a terminal, and not when NO_COLOR is set or TERM=dumb)");
  return desc;
}

template <typename T, std::size_t N>
T choose(const std::string& option, const std::string& value, const std::pair<std::string_view, T> (&legal)[N]) {
  std::string names;
  for (const auto& [name, v] : legal) {
    if (value == name) return v;
    names += (names.empty() ? "" : ", ") + std::string(name);
  }
  throw UsageError("--" + option + ": invalid value '" + value + "' (choose from: " + names + ")");
}

unsigned in_range(const std::string& option, long long value, long long max) {
  if (value < 0 || value > max) {
    throw UsageError("--" + option + ": must be between 0 and " + std::to_string(max));
  }
  return static_cast<unsigned>(value);
}

// A built-in field, or a name that may be one of the index's own fields (its slot is found
// once the index is open: resolve_custom_facets).
FacetField facet_field(const std::string& option, const std::string& name) {
  for (const auto& [builtin, kind] : facet_fields) {
    if (name == builtin) return kind;
  }
  if (!field_name_problem(name)) return FacetField::custom(name);
  return choose(option, name, facet_fields);  // names the built-in ones
}

void apply_aggregations(SearchOptions& o, const RawOptions& raw) {
  for (std::string_view list = raw.facets; !list.empty();) {
    const auto comma = list.find(',');
    const std::string name(trim(list.substr(0, comma)));
    if (!name.empty()) o.request.aggregations.facets.push_back(facet_field("facets", name));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  if (!raw.timeline.empty()) o.request.aggregations.timeline = choose("timeline", raw.timeline, timeline_units);
  if (!raw.cooccur.empty()) o.request.aggregations.cooccur = facet_field("cooccur", raw.cooccur);
}

void apply_checks(SearchOptions& o, const RawOptions& raw) {
  apply_aggregations(o, raw);
  o.format = choose("format", raw.format, output_formats);
  o.request.sort = choose("sort", raw.sort, sort_orders);
  o.request.default_op = choose("default-op", raw.default_op, default_ops);
  o.color = choose("color", raw.color, color_modes);
  o.request.limit = in_range("limit", raw.limit, 1'000'000);
  o.request.offset = in_range("offset", raw.offset, 4'000'000'000LL);
  o.request.feedback.articles = in_range("feedback", raw.feedback, 100);
  o.jobs = in_range("jobs", raw.jobs, 256);
  o.remote_timeout_seconds = in_range("remote-timeout", raw.remote_timeout, 86'400);
  if (o.remote_timeout_seconds == 0) throw UsageError("--remote-timeout: must be at least 1 second");
  for (const auto& source : o.request.filters.sources) {
    if (slugify(source).empty()) throw UsageError("--source: empty outlet name");
  }
  o.request.filters.languages = parse_language_option(raw.languages);
  // Checked here, before any database is opened, so a typo is a usage error (exit 2).
  for (const auto& [option, value] :
       {std::pair{"since", &o.request.filters.since}, std::pair{"until", &o.request.filters.until}}) {
    if (value->empty()) continue;
    std::optional<std::string> date;
    try {
      date = is_relative_date(*value) ? parse_user_date(*value, today()) : parse_partial_date(*value);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("--") + option + ": " + e.what());
    }
    if (!date)
      throw UsageError(std::string("--") + option + ": bad date '" + *value + "' (expected " + date_forms + ")");
  }
}

std::string join_words(const std::vector<std::string>& words) {
  std::string query;
  for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
  return query;
}

// GNU optional arguments: a bare "--cooccur" means actors; a field needs "--cooccur=topic",
// so that "--cooccur actor:putin" keeps actor:putin as the query.
std::vector<std::string> with_option_defaults(std::vector<std::string> args) {
  for (auto& arg : args) {
    if (arg == "--") break;
    if (arg == "--cooccur") arg = "--cooccur=actor";
  }
  return args;
}

// Options a saved search cannot hold: they choose what to run, not how.
constexpr const char* not_savable[] = {"saved",  "new",       "list-saved",   "saved-file",  "batch",
                                       "help",   "version",   "help-man",     "list-actors", "list-topics",
                                       "config", "no-config", "print-config", "actor-info"};

// The option table with parse_command_line's hidden options, for parsing without it.
po::options_description with_positional(const po::options_description& table) {
  po::options_description all, hidden;
  hidden.add_options()("positional-arguments", po::value<std::vector<std::string>>())("help-man", "");
  all.add(table).add(config_file_options()).add(hidden);
  return all;
}

po::parsed_options pre_parse(const std::vector<std::string>& args, const po::options_description& all) {
  po::positional_options_description positions;
  positions.add("positional-arguments", -1);
  return po::command_line_parser(args).options(all).positional(positions).run();
}

// The command line's options one by one, as Boost reads them, without storing them.
std::vector<po::option> pre_parse(const std::vector<std::string>& args) {
  SearchOptions o;
  RawOptions raw;
  return pre_parse(args, with_positional(option_table(o, raw))).options;
}

bool is_positional(const po::option& option) { return option.string_key == "positional-arguments"; }

// Checks a saved search's options against the option table: "FILE:LINE: ..." when wrong.
std::vector<po::option> checked_saved(const SavedSearch& s) {
  const std::string where = s.where() + ": saved search '" + s.name + "': ";
  SearchOptions o;
  RawOptions raw;
  try {
    const auto table = with_positional(option_table(o, raw));  // parsed refers to it
    auto parsed = pre_parse(with_option_defaults(s.args), table);
    for (const auto& option : parsed.options) {
      for (const char* name : not_savable) {
        if (option.string_key == name) throw UsageError(where + "--" + name + " cannot be saved");
      }
    }
    // Values too (--format=xml, --since=tomorrow), as on a command line of their own.
    po::variables_map vm;
    po::store(parsed, vm);
    po::notify(vm);
    apply_checks(o, raw);
    return parsed.options;
  } catch (const po::error& e) {
    throw UsageError(where + e.what());
  } catch (const UsageError& e) {
    if (e.message().rfind(where, 0) == 0) throw;
    throw UsageError(where + e.message());
  }
}

// The saved search's options and the command line's as one command line: an option given
// on the command line replaces the saved one; the query words of both are joined (ANDed).
std::vector<std::string> merged_command_line(const std::vector<po::option>& saved,
                                             const std::vector<std::string>& args) {
  const auto given = pre_parse(std::vector<std::string>(args.begin() + 1, args.end()));
  std::vector<std::string> options{args.front()}, words;
  const auto given_here = [&](const std::string& key) {
    for (const auto& option : given) {
      if (option.string_key == key) return true;
    }
    return false;
  };
  std::vector<std::string> saved_words;
  for (const auto* parsed : {&saved, &given}) {
    for (const auto& option : *parsed) {
      auto& into = is_positional(option) ? (parsed == &saved ? saved_words : words) : options;
      if (parsed == &saved && !is_positional(option) && given_here(option.string_key)) continue;
      into.insert(into.end(), option.original_tokens.begin(), option.original_tokens.end());
    }
  }
  // "(a OR b) c", not "a OR b c" (which is "a OR (b c)"); '*' alone is no query to group.
  if (!saved_words.empty() && !words.empty() && saved_words != std::vector<std::string>{"*"}) {
    saved_words.insert(saved_words.begin(), "(");
    saved_words.push_back(")");
  }
  words.insert(words.begin(), saved_words.begin(), saved_words.end());
  options.push_back("--");
  options.insert(options.end(), words.begin(), words.end());
  return options;
}

std::optional<ParsedCommandLine> parse_into(SearchOptions& o, RawOptions& raw, const std::vector<std::string>& args,
                                            std::ostream& out) {
  std::vector<const char*> argv;
  for (const auto& arg : args) argv.push_back(arg.c_str());
  return parse_command_line(static_cast<int>(argv.size()), argv.data(), option_table(o, raw), config_schema, raw.words,
                            program, out);
}

// --list-saved, or --saved NAME: the options become those of the saved search and these.
void apply_saved(SearchOptions& o, RawOptions& raw, ParsedCommandLine& command_line,
                 const std::vector<std::string>& args, std::ostream& out) {
  const auto& vm = command_line.vm;
  const auto file = saved_searches_file(o.saved_file);
  auto searches = load_saved_searches(file);
  std::vector<std::vector<po::option>> parsed;
  for (const auto& s : searches) parsed.push_back(checked_saved(s));
  if (vm.count("list-saved")) {
    if (!o.saved.empty() || !raw.words.empty()) throw UsageError("--list-saved takes no --saved and no QUERY");
    o.mode = SearchOptions::Mode::list_saved;
    o.saved_searches = std::move(searches);
    return;
  }
  for (const char* name : {"batch", "list-actors", "list-topics", "actor-info"}) {
    if (vm.count(name)) throw UsageError(std::string("--saved and --") + name + " do not go together");
  }
  std::size_t i = 0;
  while (i < searches.size() && searches[i].name != o.saved) ++i;
  if (i == searches.size()) {
    std::string names;
    for (const auto& s : searches) names += (names.empty() ? "" : ", ") + s.name;
    throw UsageError("no saved search '" + o.saved + "' in " + file.path +
                     (names.empty() ? std::string(" (it has none)") : " (it has: " + names + ")"));
  }
  const std::string saved_file = o.saved_file;
  o = SearchOptions{};
  raw = RawOptions{};
  command_line = *parse_into(o, raw, merged_command_line(parsed[i], args), out);
  o.saved_file = saved_file;
  o.saved_search = std::move(searches[i]);
}

}  // namespace

std::optional<SearchOptions> parse_search_options(int argc, const char* const argv[], std::ostream& out) {
  SearchOptions o;
  RawOptions raw;
  const auto args = with_option_defaults(std::vector<std::string>(argv, argv + argc));
  auto parsed = parse_into(o, raw, args, out);
  if (!parsed) return std::nullopt;
  if (!o.saved.empty() || parsed->vm.count("list-saved")) apply_saved(o, raw, *parsed, args, out);
  if (o.mode == SearchOptions::Mode::list_saved) return o;
  if (o.new_only && o.saved.empty()) {
    throw UsageError("--new needs --saved NAME (what is new is remembered per saved search)");
  }
  const auto& vm = parsed->vm;
  parsed->check([&] { apply_checks(o, raw); });
  // Only text and JSON show snippets: the others need not compute them.
  o.request.collapse = !vm.count("no-collapse");
  if (vm.count("count-stories")) count_stories(o.request);
  o.request.snippets = !vm.count("no-snippets") && (o.format == OutputFormat::text || o.format == OutputFormat::json ||
                                                    o.format == OutputFormat::jsonl);
  // Outputs that print only ids and scores need no stored fields: a value read per hit.
  const bool batch_ids = !o.batch.empty() && (o.format == OutputFormat::tsv || o.format == OutputFormat::trec);
  o.request.ids_only = o.format == OutputFormat::ids || batch_ids;
  o.dbs = resolve_database_paths(o.dbs);
  o.request.text = join_words(raw.words);
  if (vm.count("list-actors") + vm.count("list-topics") + vm.count("actor-info") > 1)
    throw UsageError("--list-actors, --list-topics and --actor-info do not go together");
  if (vm.count("actor-info")) {
    if (!raw.words.empty() || !o.batch.empty()) throw UsageError("--actor-info takes no QUERY and no --batch");
    if (o.format != OutputFormat::text && o.format != OutputFormat::json)
      throw UsageError("--actor-info prints text or json, not --format=" + raw.format);
    o.mode = SearchOptions::Mode::actor_info;
    return o;
  }
  if (vm.count("list-actors") || vm.count("list-topics")) {
    if (!raw.words.empty()) throw UsageError("--list-actors and --list-topics take no QUERY");
    if (o.format == OutputFormat::trec) throw UsageError("--format=trec is for --batch (a catalogue has no TREC form)");
    o.mode = vm.count("list-actors") ? SearchOptions::Mode::list_actors : SearchOptions::Mode::list_topics;
    return o;
  }
  // Facets, timelines and co-occurrences are printed only where there is room for them.
  if (!o.request.aggregations.empty()) {
    const bool room = o.format == OutputFormat::json || o.format == OutputFormat::text ||
                      (o.format == OutputFormat::jsonl && !o.batch.empty());
    if (!room) {
      throw UsageError(
          "--facets, --timeline and --cooccur need --format=json or text (jsonl or text with --batch), not --format=" +
          raw.format);
    }
  }
  if (!o.batch.empty()) {
    if (!raw.words.empty()) throw UsageError("--batch takes its queries from the file, not the command line");
    if (o.request.count_only && raw.format == "trec") {
      throw UsageError("--count has no TREC form (choose --format=tsv, csv, jsonl or text)");
    }
    if (raw.format == "text" || raw.format == "jsonl" || raw.format == "tsv" || raw.format == "csv" ||
        raw.format == "trec") {
      return o;
    }
    throw UsageError("--format=" + raw.format +
                     " is not available with --batch (choose from: jsonl, tsv, csv, trec, text)");
  }
  if (o.format == OutputFormat::trec) throw UsageError("--format=trec is for --batch");
  const auto& f = o.request.filters;
  const bool filtered = !f.actors.empty() || !f.topics.empty() || !f.sources.empty() || !f.since.empty() ||
                        !f.until.empty() || !f.languages.empty();
  if (trim(o.request.text).empty()) {
    // Filters alone ("--actor putin --since 2025-12") ask for every article they allow.
    if (!filtered && o.request.similar_to.empty()) throw UsageError("no QUERY given (use '*' to match every article)");
    o.request.text = "*";
  }
  return o;
}

}  // namespace dipnews
