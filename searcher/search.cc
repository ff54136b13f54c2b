#include "search.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <set>

#include "database.h"
#include "document_data.h"
#include "error.h"
#include "query/query_text.h"
#include "query/spelling.h"
#include "reopen_retry.h"
#include "schema.h"

namespace dipnews {

namespace {

// Keeps undated articles after dated ones in --sort=oldest (an empty value would
// otherwise sort first). --sort=newest needs no help: reversed, empty sorts last.
class UndatedLastKey : public Xapian::KeyMaker {
 public:
  std::string operator()(const Xapian::Document& doc) const override {
    std::string date = doc.get_value(schema::slot::date);
    return date.empty() ? std::string("~") : date;
  }
};

void apply_sort(Xapian::Enquire& enquire, SortOrder sort) {
  switch (sort) {
    case SortOrder::relevance: break;
    case SortOrder::newest: enquire.set_sort_by_value_then_relevance(schema::slot::date, true); break;
    case SortOrder::oldest: enquire.set_sort_by_key_then_relevance((new UndatedLastKey())->release(), false); break;
  }
}

// Xapian 1.4's remote backend sorts by a value slot but not by a key maker: over remote
// shards --sort=oldest sorts on the date value alone, so undated articles come first.
Xapian::MSet sorted_page(Xapian::Enquire& enquire, SortOrder sort, Xapian::doccount offset, Xapian::doccount limit,
                         Xapian::doccount check_at_least) {
  try {
    return enquire.get_mset(offset, limit, check_at_least);
  } catch (const Xapian::UnimplementedError&) {
    if (sort != SortOrder::oldest) throw;
    enquire.set_sort_by_value_then_relevance(schema::slot::date, false);
    return enquire.get_mset(offset, limit, check_at_least);
  }
}

// A page's counts of articles and stories are exact up to this many matches, so that the
// header of a search agrees with --count and --count-stories where a reader would check
// (Xapian otherwise stops at the page and estimates, and a collapsed count is a rough
// one); beyond it they are estimates and say "about". Outputs that print no totals (ids,
// TREC and TSV runs) skip it: it costs a pass over up to this many matches.
constexpr Xapian::doccount exact_counts_within = 1000;

// The actor and topic ids a query names (actor:, person:, ..., topic:, --actor, --topic).
// The actor and topic ids the query names, read back from its terms: a term is a tag prefix
// followed by the id, and no prefix starts another (common/schema.h), so the rest is the id.
struct QueriedTags {
  std::set<std::string> actors, topics;
  explicit QueriedTags(const Xapian::Query& query) {
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
      const std::string& term = *t;
      for (const char* p :
           {schema::prefix::actor, schema::prefix::person, schema::prefix::country, schema::prefix::org}) {
        if (term.rfind(p, 0) == 0) actors.insert(term.substr(std::strlen(p)));
      }
      if (term.rfind(schema::prefix::topic, 0) == 0) topics.insert(term.substr(std::strlen(schema::prefix::topic)));
    }
  }
  static std::vector<std::string> matched(const std::vector<std::string>& tags, const std::set<std::string>& asked) {
    std::vector<std::string> out;
    for (const auto& t : tags) {
      if (asked.count(t)) out.push_back(t);
    }
    return out;
  }
};

MatchTotals totals_of(const Xapian::MSet& mset) {
  return {mset.get_matches_estimated(), mset.get_matches_lower_bound(), mset.get_matches_upper_bound()};
}

// The articles `query` matches, every wire copy counted, exact up to `check_at_least`. A
// pass of its own: in a collapsed match Xapian's uncollapsed bounds stay loose (3 to 5 where
// 3 matched) even when every match was checked. Unweighted, as only the number is wanted.
MatchTotals count_articles(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount check_at_least) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return totals_of(enquire.get_mset(0, 0, check_at_least));
}

}  // namespace

Xapian::Query Searcher::query_for(const SearchRequest& request) {
  if (request.similar_to.empty()) return builder_.build(request.text, request.filters);
  Xapian::Query query = similar_query(request.similar_to);
  if (request.text != "*") {
    query =
        Xapian::Query(Xapian::Query::OP_FILTER, query, builder_.parse_text(request.text, request.filters.languages));
  }
  return builder_.apply_filters(query, request.filters);
}

namespace {

// Expansion keeps the stems of ordinary words (Z + lower case): the terms ranked queries
// use, not boolean tags, title-prefixed terms or unstemmed forms.
class WordStemsOnly : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() > 2 && term[0] == 'Z' && !(term[1] >= 'A' && term[1] <= 'Z');
  }
};

constexpr Xapian::termcount similar_terms = 40;

}  // namespace

// Relevance feedback from one article: its most distinctive words (Xapian's expansion set,
// weighted against the whole index) ORed into a ranked query, the article itself excluded.
Xapian::Query Searcher::similar_query(const std::string& id) {
  const std::string id_term = schema::id_term(id);
  auto posting = db_.postlist_begin(id_term);
  if (posting == db_.postlist_end(id_term)) throw UsageError("--similar: no article with id '" + id + "'");
  Xapian::RSet rset;
  rset.add_document(*posting);
  Xapian::Enquire enquire(db_);
  const WordStemsOnly decider;
  // Exact term frequencies: by default Xapian estimates them from the article's own shard.
  const Xapian::ESet eset = enquire.get_eset(similar_terms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
  if (terms.empty()) throw UsageError("--similar: article '" + id + "' has no words to compare");
  return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                       Xapian::Query(id_term));
}

// The other matching articles of a story, for "carried by N outlets".
std::vector<Copy> Searcher::copies_of(const std::string& story, const std::string& shown_id,
                                      const Xapian::Query& query) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_AND_NOT,
                    Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(schema::prefix::story + story)),
                    Xapian::Query(schema::id_term(shown_id))));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::vector<Copy> copies;
  const Xapian::MSet mset = enquire.get_mset(0, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Article a = decode_document_data(it.get_document().get_data());
    copies.push_back({a.id, a.source});
  }
  // By outlet: docids, Xapian's order, interleave differently in every sharded layout.
  std::sort(copies.begin(), copies.end(),
            [](const Copy& a, const Copy& b) { return a.source != b.source ? a.source < b.source : a.id < b.id; });
  return copies;
}

Searcher::Searcher(Xapian::Database db, FreshOpen open_again, const LazyDictionary& dictionary)
    : db_(std::move(db)), open_again_(std::move(open_again)), dictionary_(dictionary), builder_(db_, dictionary) {}

Searcher::Searcher(const std::vector<std::string>& paths, const LazyDictionary& dictionary)
    : Searcher(
          open_for_search(paths), [paths] { return open_for_search(paths); }, dictionary) {}

// A writer that commits twice while a search reads overwrites the blocks of the revision the
// search started from: start again from the newest. Xapian 1.4 reports this as
// DatabaseModifiedError, or, when the reader lands on a block already reused, sometimes as
// DatabaseCorruptError ("Expected block N to be level 1, not 0") or as a document whose data
// reads empty (UnreadableDocumentData). Any of them while the index changed is the race and is
// searched again (a writer committing faster than the search can run still starves it, and
// that is reported after read_with_reopen's time limit); on an index that stayed as it was,
// a few attempts a little apart, and then the corruption is real and reported.
SearchResult Searcher::search(const SearchRequest& request) {
  // On an unchanged index, five reads, the n-th reopen after 2·n² ms: a moment for a writer
  // caught between writing its blocks and its version file.
  constexpr ReopenRetry retry{5, std::chrono::milliseconds(2)};
  try {
    // UnreadableDocumentData: empty data read from a block the writer reused.
    return read_with_reopen<UnreadableDocumentData>(db_, retry, open_again_, [&] {
      builder_.use_database(db_);  // a fresh handle, when the race left the last one unusable
      return search_once(request);
    });
  } catch (const Xapian::WildcardError& e) {
    // "Wildcard a* expands to more than 1000 terms"
    throw UsageError("query error: " + e.get_msg() + "; make the part before '*' longer");
  }
}

namespace {

// A question rather than keywords: three or more words, no operators, no phrase.
constexpr Xapian::doccount relax_below = 10;  // a default page

bool reads_like_a_question(const std::string& typed) {
  const std::string text = fold_shouting(typed);
  if (uses_operators(text) || text.find('"') != std::string::npos) return false;
  int words = 0;
  for (const auto& token : scan_query(text)) words += token.core.find(':') == std::string_view::npos;
  return words >= 3;
}

}  // namespace

// The query to run: AND of the words, or OR when asked; in automatic mode, OR when AND
// finds fewer than `relax_below` articles and the query reads like a question (docs/reference.md, Query language: long
// natural-language questions must still rank well), keeping AND for keyword searches. The
// threshold is fixed, not the page size: a query must match the same articles whatever
// --limit, --offset or --count asks of them.
Xapian::Query Searcher::final_query(const SearchRequest& request, bool& relaxed) {
  builder_.set_any_word(request.default_op == DefaultOp::any);
  Xapian::Query query = query_for(request);
  relaxed = false;
  if (request.default_op != DefaultOp::automatic || !reads_like_a_question(request.text)) return query;
  Xapian::Enquire probe(db_);
  probe.set_query(query);
  if (probe.get_mset(0, 0, relax_below).get_matches_lower_bound() >= relax_below) return query;
  builder_.set_any_word(true);
  query = query_for(request);
  builder_.set_any_word(false);
  relaxed = true;
  return query;
}

// How the matches are ordered. All-word (keyword) queries: BM25, Xapian's default. Ranked
// any-word queries (questions): the divergence-from-randomness model IneB2, which copes
// better with many query words of mixed value, plus pseudo-relevance feedback. Chosen on
// the TIME dev questions (docs/quality.md); the feedback only reorders the matches.
void Searcher::rank(Xapian::Enquire& enquire, const SearchRequest& request, bool any_word, SearchResult& result) {
  if (!any_word) {
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    return;
  }
  enquire.set_weighting_scheme(Xapian::IneB2Weight());
  if (request.sort != SortOrder::relevance || request.count_only || !request.similar_to.empty()) return;
  if (request.collapse) enquire.set_collapse_key(schema::slot::story);  // one vote per story
  Expansion expanded = expand_with_feedback(db_, enquire, enquire.get_query(), request.feedback);
  enquire.set_query(expanded.query);
  result.expansion = std::move(expanded.terms);
}

SearchResult Searcher::search_once(const SearchRequest& request) {
  SearchResult result;
  result.query = request.text;
  const Xapian::Query query = final_query(request, result.relaxed);
  result.resolutions = builder_.resolutions();

  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  rank(enquire, request, result.relaxed || request.default_op == DefaultOp::any, result);
  result.parsed = enquire.get_query().get_description();

  if (!request.aggregations.empty()) {
    AggregationRequest aggregations = request.aggregations;
    resolve_custom_facets(aggregations, builder_.custom_fields());
    result.aggregations = aggregate(db_, query, aggregations, dictionary_.get());
  }
  if (request.count_only) {
    // Asking to check every document makes the counts exact rather than estimated.
    result.total = count_articles(db_, enquire.get_query(), db_.get_doccount());
    // The stories' count is a second pass over every match: only for outputs that print it
    // (not the one-number ids, TSV and TREC forms, unless --count-stories asked for it).
    if (request.collapse && (request.count_stories || !request.ids_only)) {
      enquire.set_collapse_key(schema::slot::story);
      result.stories = totals_of(enquire.get_mset(0, 0, db_.get_doccount()));
    }
    result.stories_counted = request.count_stories;
    return result;
  }
  apply_sort(enquire, request.sort);
  if (request.collapse) enquire.set_collapse_key(schema::slot::story);
  const Xapian::doccount check = request.ids_only ? 0 : request.offset + request.limit + exact_counts_within;
  const Xapian::MSet mset = sorted_page(enquire, request.sort, request.offset, request.limit, check);
  if (request.collapse) {
    result.stories = totals_of(mset);
    // Outputs without totals (ids, TREC and TSV runs) need no exact count: Xapian's estimate.
    result.total = request.ids_only ? MatchTotals{mset.get_uncollapsed_matches_estimated(),
                                                  mset.get_uncollapsed_matches_lower_bound(),
                                                  mset.get_uncollapsed_matches_upper_bound()}
                                    : count_articles(db_, enquire.get_query(), check);
  } else {
    result.total = totals_of(mset);
  }
  if (result.total.estimated == 0) result.suggestion = suggest_spelling(db_, request.text);
  const QueriedTags queried(query);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = it.get_rank() + 1;  // get_rank() already counts the offset
    hit.score = it.get_weight();
    const Xapian::Document doc = it.get_document();
    if (request.ids_only) {
      // A value slot read: no document data to inflate and parse (batch tsv/trec, ids).
      hit.article.id = doc.get_value(schema::slot::id);
      result.hits.push_back(std::move(hit));
      continue;
    }
    hit.article = decode_document_data(doc.get_data());
    hit.story = doc.get_value(schema::slot::story);
    hit.matched_actors = QueriedTags::matched(hit.article.actors, queried.actors);
    hit.matched_topics = QueriedTags::matched(hit.article.topics, queried.topics);
    // Copies folded into the hit. Over remote shards Xapian 1.4 counts only those of the hit's
    // own shard, so there a story with articles elsewhere is looked up too.
    const bool copies_elsewhere =
        searching_remote_databases() && db_.get_termfreq(schema::prefix::story + hit.story) > 1;
    if (request.collapse && (it.get_collapse_count() > 0 || copies_elsewhere)) {
      hit.copies = copies_of(hit.story, hit.article.id, query);
    }
    if (request.snippets)
      hit.snippet = make_snippet(mset, hit.article.body, analysis_of_language(hit.article.language));
    result.hits.push_back(std::move(hit));
  }
  return result;
}

}  // namespace dipnews
