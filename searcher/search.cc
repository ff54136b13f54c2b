#include "search.h"

#include "document_data.h"
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
    case SortOrder::relevance:
      break;
    case SortOrder::newest:
      enquire.set_sort_by_value_then_relevance(schema::slot::date, true);
      break;
    case SortOrder::oldest:
      enquire.set_sort_by_key_then_relevance((new UndatedLastKey())->release(), false);
      break;
  }
}

MatchTotals totals_of(const Xapian::MSet& mset) {
  return {mset.get_matches_estimated(), mset.get_matches_lower_bound(), mset.get_matches_upper_bound()};
}

}  // namespace

Searcher::Searcher(Xapian::Database db, const Dictionary& dictionary)
    : db_(std::move(db)), dictionary_(dictionary), builder_(db_, dictionary) {}

SearchResult Searcher::search(const SearchRequest& request) {
  try {
    return search_once(request);
  } catch (const Xapian::DatabaseModifiedError&) {
    db_.reopen();
    return search_once(request);
  }
}

SearchResult Searcher::search_once(const SearchRequest& request) {
  SearchResult result;
  result.query = request.text;
  const Xapian::Query query = builder_.build(request.text, request.filters);
  result.parsed = query.get_description();
  result.resolutions = builder_.resolutions();

  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  apply_sort(enquire, request.sort);

  if (!request.aggregations.empty()) result.aggregations = aggregate(db_, query, request.aggregations, dictionary_);
  if (request.count_only) {
    // Asking to check every document makes the count exact rather than estimated.
    result.total = totals_of(enquire.get_mset(0, 0, db_.get_doccount()));
    return result;
  }
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit);
  result.total = totals_of(mset);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = it.get_rank() + 1;  // get_rank() already counts the offset
    hit.score = it.get_weight();
    hit.article = decode_document_data(it.get_document().get_data());
    if (request.snippets) hit.snippet = make_snippet(mset, hit.article.body, builder_.stemmer());
    result.hits.push_back(std::move(hit));
  }
  return result;
}

}  // namespace dipnews
