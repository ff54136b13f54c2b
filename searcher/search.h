// Runs one search request against an open database and returns the ranked page of hits.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "aggregations.h"
#include "article.h"
#include "feedback.h"
#include "query/query_builder.h"
#include "reopen_retry.h"
#include "snippet.h"

namespace dipnews {

// How words without an operator combine: all required, any (ranked), or all unless too few
// articles have them all and the query reads like a question (then any, and the result says so).
enum class DefaultOp { automatic, all, any };
inline constexpr std::pair<std::string_view, DefaultOp> default_ops[] = {
    {"auto", DefaultOp::automatic}, {"and", DefaultOp::all}, {"or", DefaultOp::any}};

enum class SortOrder { relevance, newest, oldest };
inline constexpr std::pair<std::string_view, SortOrder> sort_orders[] = {
    {"relevance", SortOrder::relevance}, {"newest", SortOrder::newest}, {"oldest", SortOrder::oldest}};

struct SearchRequest {
  std::string text;  // the query as the user typed it
  QueryFilters filters;
  SortOrder sort = SortOrder::relevance;
  unsigned offset = 0;
  unsigned limit = 10;
  bool snippets = true;
  bool ids_only = false;       // hits need only id, rank and score (no stored fields, no copies)
  bool count_only = false;     // exact count, no hits
  bool count_stories = false;  // --count=stories: the number printed is the stories'
  std::string similar_to;      // an article id: rank articles like it (the text, if any, filters)
  bool collapse = true;        // one hit per story: wire copies folded into their first article
  DefaultOp default_op = DefaultOp::automatic;
  FeedbackSettings feedback;  // for ranked (any-word) queries sorted by relevance
  AggregationRequest aggregations;
};

struct Copy {
  std::string id;
  std::string source;
};

struct Hit {
  unsigned rank = 0;  // 1-based, counting from the first article of the whole result
  double score = 0;
  Article article;
  Snippet snippet;
  std::string story;                        // id of the story's first article (its own id when it has no copies)
  std::vector<std::string> matched_actors;  // its actors and topics that the query asked for
  std::vector<std::string> matched_topics;
  std::vector<Copy> copies;  // the other articles of its story that match, when collapsed
};

struct MatchTotals {
  Xapian::doccount estimated = 0;
  Xapian::doccount lower = 0;
  Xapian::doccount upper = 0;
  bool exact() const { return lower == upper; }
};

struct SearchResult {
  std::string query;                     // as typed
  std::string parsed;                    // Xapian's description of the query it ran
  std::vector<std::string> resolutions;  // how actor:/topic:/--actor values were understood
  MatchTotals total;                     // matching articles (every wire copy counts)
  std::optional<MatchTotals> stories;    // when collapsing: matching stories, one per group of copies
  bool stories_counted = false;          // --count=stories: counted() is the stories'
  std::vector<Hit> hits;
  Aggregations aggregations;              // when requested: over every matching article
  std::optional<std::string> suggestion;  // "did you mean", when nothing matched
  bool relaxed = false;                   // AND found too few: the words were ORed (ranked by how many match)
  std::vector<std::string> expansion;     // words pseudo-relevance feedback added (ranking only)
};

// The one number --count prints: matching articles, or stories with --count=stories.
inline Xapian::doccount counted(const SearchResult& r) {
  return r.stories_counted && r.stories ? r.stories->estimated : r.total.estimated;
}

class Searcher {
 public:
  // `open_again` opens the same index afresh, for a handle that the race with a writer left
  // unusable (reopen_retry.h). The dictionary resolves actor:/topic: values; it must outlive
  // the searcher.
  Searcher(Xapian::Database db, FreshOpen open_again, const LazyDictionary& dictionary);
  // Searches the indexes at `paths` (open_for_search).
  Searcher(const std::vector<std::string>& paths, const LazyDictionary& dictionary);
  // Throws UsageError for bad queries. If the index is rewritten while being read (Xapian's
  // DatabaseModifiedError, or the transient DatabaseCorruptError and unreadable document data
  // a reader can meet mid-commit), searches again at the newest revision
  // (common/reopen_retry.h).
  SearchResult search(const SearchRequest& request);
  // The index's own fields (common/custom_fields.h): filters, facets and output columns.
  const CustomFields& custom_fields() const { return builder_.custom_fields(); }
  // The index as the last search read it (--new remembers how far that revision goes).
  const Xapian::Database& database() const { return db_; }

 private:
  SearchResult search_once(const SearchRequest& request);
  Xapian::Query query_for(const SearchRequest& request);
  Xapian::Query final_query(const SearchRequest& request, bool& relaxed);
  void rank(Xapian::Enquire& enquire, const SearchRequest& request, bool any_word, SearchResult& result);
  Xapian::Query similar_query(const std::string& id);
  std::vector<Copy> copies_of(const std::string& story, const std::string& shown_id, const Xapian::Query& query);

  Xapian::Database db_;
  FreshOpen open_again_;
  const LazyDictionary& dictionary_;
  QueryBuilder builder_;
};

}  // namespace dipnews
