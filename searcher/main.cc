// dipnews-search: runs a ranked query against an index. Option parsing and error
// reporting only; the work is in search.cc and the printers.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "actor_info.h"
#include "batch.h"
#include "catalogue.h"
#include "database.h"
#include "error.h"
#include "index_dictionaries.h"
#include "lazy_dictionary.h"
#include "new_articles.h"
#include "output/printer.h"
#include "reopen_retry.h"
#include "search.h"
#include "search_options.h"
#include "text_util.h"

namespace {

using dipnews::ExitCode;

int list_saved(const dipnews::SearchOptions& options) {
  for (const auto& s : options.saved_searches) std::cout << s.name << '\t' << s.text << '\n';
  dipnews::ensure_written(std::cout);
  return static_cast<int>(ExitCode::success);
}

// --actor-info: the dictionaries alone (bundled and --dictionary), no index opened.
int actor_info(const dipnews::SearchOptions& options) {
  const auto dictionary = dipnews::Dictionary::load_default(options.dictionaries);
  const auto& actor = dipnews::find_actor_for_info(dictionary, options.actor_info);
  dipnews::print_actor_info(dictionary, actor, options.format, std::cout);
  dipnews::ensure_written(std::cout);
  return static_cast<int>(ExitCode::success);
}

// A query error in a saved search says where the search is written.
dipnews::SearchResult search(dipnews::Searcher& searcher, const dipnews::SearchRequest& request,
                             const dipnews::SearchOptions& options) {
  try {
    return searcher.search(request);
  } catch (const dipnews::UsageError& e) {
    if (!options.saved_search) throw;
    throw dipnews::UsageError(e.message() + " (saved search '" + options.saved_search->name + "', " +
                              options.saved_search->where() + ")");
  }
}

// --new: new articles beyond --limit are not shown but count as seen; say so.
void warn_if_cut(const dipnews::SearchResult& result, const dipnews::SearchRequest& request) {
  std::size_t shown = 0;
  for (const auto& hit : result.hits) shown += 1 + hit.copies.size();
  if (request.count_only || result.total.lower <= request.offset + shown) return;
  std::cerr << "dipnews-search: warning: " << result.total.lower << " new articles, " << shown
            << " shown; the others now count as seen (raise --limit to see them all)\n";
}

// Searches, prints, and for --new remembers how far this index was seen, only once the
// results are written: a run that fails loses no new article.
int search_and_print(Xapian::Database db, const dipnews::FreshOpen& open_again,
                     const dipnews::LazyDictionary& dictionary, const dipnews::SearchOptions& options) {
  using namespace dipnews;
  SearchRequest request = options.request;
  std::optional<NewArticlesMark> mark;
  std::optional<std::uint64_t> last_seen;
  if (options.new_only) {
    mark.emplace(options.saved, options.dbs);
    last_seen = mark->last_seen();
    request.filters.indexed_after = last_seen;
  }
  Searcher searcher(std::move(db), open_again, dictionary);
  const SearchResult result = search(searcher, request, options);
  if (options.explain_query) std::cerr << query_explanation(result);
  auto printer =
      make_printer(options.format, std::cout, use_color(options.color), field_names(searcher.custom_fields()));
  if (request.count_only) printer->count(result);
  else printer->result(result);
  ensure_written(std::cout);
  if (!mark) return static_cast<int>(ExitCode::success);
  warn_if_cut(result, request);
  // From the revision the search read (it may have moved on to a newer one while reading).
  if (const auto newest = newest_indexed(searcher.database()); newest && (!last_seen || *newest > *last_seen)) {
    mark->advance(*newest);
  }
  const bool found = result.total.lower > 0 || !result.hits.empty();
  return static_cast<int>(found ? ExitCode::success : ExitCode::nothing_new);
}

int run(const dipnews::SearchOptions& options) {
  using namespace dipnews;
  if (options.mode == SearchOptions::Mode::list_saved) return list_saved(options);
  if (options.mode == SearchOptions::Mode::actor_info) return actor_info(options);
  allow_remote_programs(options.allow_remote_programs);
  set_remote_timeout(options.remote_timeout_seconds);
  std::vector<std::string> warnings;  // a sharded index searched without all its shards, a dictionary gone
  Xapian::Database db = open_for_search(options.dbs, &warnings);
  const FreshOpen open_again = [&options] { return open_for_search(options.dbs); };
  const LazyDictionary dictionary(options.dictionaries,
                                  dictionaries_for_index(db, open_again, options.dictionaries, warnings));
  for (const auto& w : warnings) std::cerr << "dipnews-search: warning: " << one_line(w) << "\n";
  if (options.mode != SearchOptions::Mode::search) {
    const auto kind = options.mode == SearchOptions::Mode::list_actors ? CatalogueKind::actors : CatalogueKind::topics;
    const auto printer = make_printer(options.format, std::cout, use_color(options.color));
    // Read again from the newest revision when an indexer overwrites the one being read.
    printer->catalogue(
        read_with_reopen(db, ReopenRetry{}, open_again, [&] { return make_catalogue(kind, dictionary.get(), db); }));
    ensure_written(std::cout);
    return static_cast<int>(ExitCode::success);
  }
  if (!options.batch.empty()) {
    db.close();  // checked; the batch workers open their own
    if (options.batch == "-") return static_cast<int>(run_batch(options, dictionary, std::cin, std::cout));
    if (std::filesystem::is_directory(options.batch)) {
      throw RuntimeFailure(options.batch + ": error: a directory, not a batch file of queries");
    }
    errno = 0;
    std::ifstream in(options.batch);
    if (!in) {
      throw RuntimeFailure(options.batch + ": error: cannot read the batch file" +
                           (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()));
    }
    return static_cast<int>(run_batch(options, dictionary, in, std::cout));
  }
  return search_and_print(std::move(db), open_again, dictionary, options);
}

}  // namespace

int main(int argc, char* argv[]) {
  using namespace dipnews;
  try {
    auto options = parse_search_options(argc, argv, std::cout);
    if (!options) return static_cast<int>(ExitCode::success);
    return run(*options);
  } catch (const Error& e) {  // UsageError (exit 2), RuntimeFailure (1), DatabaseBusy (75)
    std::cerr << "dipnews-search: " << one_line(e.message()) << "\n";
    return static_cast<int>(e.code());
  } catch (const Xapian::DatabaseModifiedError& e) {
    std::cerr << "dipnews-search: the index changed while reading it; try again\n";
    return static_cast<int>(ExitCode::busy);
  } catch (const Xapian::NetworkError& e) {  // a remote database, once opened, failed mid-search
    std::cerr << "dipnews-search: " << one_line(remote_failure_message(e)) << "\n";
    return static_cast<int>(ExitCode::failure);
  } catch (const Xapian::Error& e) {
    std::cerr << "dipnews-search: " << e.get_type() << ": " << one_line(e.get_msg()) << "\n";
    return static_cast<int>(ExitCode::failure);
  } catch (const std::exception& e) {
    std::cerr << "dipnews-search: internal error: " << one_line(e.what()) << "\n";
    return static_cast<int>(ExitCode::failure);
  }
}
