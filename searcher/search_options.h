// The searcher's command line: one declarative table, parsed into SearchOptions.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "output/printer.h"
#include "output/terminal.h"
#include "saved_searches.h"
#include "search.h"

namespace dipnews {

struct SearchOptions {
  enum class Mode { search, list_actors, list_topics, list_saved, actor_info } mode = Mode::search;
  std::string actor_info;  // --actor-info ACTOR: who it is (actor_info.h)
  std::vector<std::string> dbs;
  std::vector<std::string> dictionaries;  // added to the bundled ones
  SearchRequest request;
  OutputFormat format = OutputFormat::text;
  ColorMode color = ColorMode::automatic;
  bool explain_query = false;          // how the query was understood, on stderr
  std::string batch;                   // --batch FILE ("-" for stdin): one query per line
  unsigned jobs = 0;                   // batch workers; 0: one per core
  bool allow_remote_programs = false;  // stub entries "remote :PROGRAM ARGS" may run PROGRAM
  // Saved searches (saved_searches.h): the one --saved ran, with its options merged in, or
  // every one for --list-saved.
  std::string saved, saved_file;
  bool new_only = false;  // --new: only articles indexed since the last --new run (new_articles.h)
  std::optional<SavedSearch> saved_search;
  std::vector<SavedSearch> saved_searches;
  // --remote-timeout: how long a remote database may take to answer each message.
  unsigned remote_timeout_seconds = 30;
};

// nullopt when --help or --version was answered on `out`. Throws UsageError.
std::optional<SearchOptions> parse_search_options(int argc, const char* const argv[], std::ostream& out);

}  // namespace dipnews
