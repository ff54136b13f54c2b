#include "feedback.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "query/stop_words.h"

namespace dipnews {

namespace {

// Ranked words are Z-prefixed stems of lower-case words; tags, ids and title-prefixed terms
// are not words a reader would add to a question, and neither are function words.
bool is_word_stem(const std::string& term) {
  return term.size() > 2 && term[0] == 'Z' && !(term[1] >= 'A' && term[1] <= 'Z') && !is_stop_word_stem(term);
}

// The best article counts most: softmax of the scores (scale chosen on the TIME dev
// questions; documents with close scores weigh about the same).
std::vector<double> article_weights(const Xapian::MSet& top) {
  constexpr double temperature = 5.0;
  std::vector<double> weights;
  const double best = top.empty() ? 0 : top.begin().get_weight();
  double sum = 0;
  for (auto it = top.begin(); it != top.end(); ++it) {
    weights.push_back(std::exp((it.get_weight() - best) / temperature));
    sum += weights.back();
  }
  for (auto& w : weights) w /= sum;
  return weights;
}

// p(word | relevance model): each article's word frequencies, weighted by the article.
std::map<std::string, double> relevance_model(const Xapian::Database& db, const Xapian::MSet& top) {
  const auto weights = article_weights(top);
  std::map<std::string, double> model;
  std::size_t i = 0;
  for (auto it = top.begin(); it != top.end(); ++it, ++i) {
    const double length = std::max<double>(1, db.get_doclength(*it));
    const Xapian::Document doc = it.get_document();
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      const std::string& term = *t;
      if (is_word_stem(term)) model[term] += weights[i] * t.get_wdf() / length;
    }
  }
  return model;
}

}  // namespace

Expansion expand_with_feedback(const Xapian::Database& db, Xapian::Enquire& enquire, const Xapian::Query& query,
                               const FeedbackSettings& settings) {
  Expansion result{query, {}};
  if (settings.articles == 0 || settings.terms == 0) return result;
  const Xapian::MSet top = enquire.get_mset(0, settings.articles);
  if (top.empty()) return result;
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [term, p] : relevance_model(db, top)) ranked.emplace_back(p, term);
  std::sort(ranked.begin(), ranked.end(), std::greater<>());
  // Words in too many articles say nothing of the topic. Their frequency is asked of the
  // whole database, best words first, until enough are kept: a document's own term list
  // counts only its shard when the index is sharded (a remote shard answers each question
  // over the network).
  const double common = settings.max_share * db.get_doccount();
  std::size_t keep = 0;
  for (std::size_t i = 0; i < ranked.size() && keep < settings.terms; ++i) {
    if (db.get_termfreq(ranked[i].second) > common) continue;
    // Not a move when keep == i: a std::string moved onto itself may be left empty (a word
    // over 15 bytes, stored on the heap, was; found by fuzz_search).
    if (keep != i) ranked[keep] = std::move(ranked[i]);
    ++keep;
  }
  if (keep == 0) return result;
  std::vector<Xapian::Query> words;
  for (std::size_t i = 0; i < keep; ++i) {
    words.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(ranked[i].second),
                       ranked[i].first / ranked[0].first);
    result.terms.push_back(ranked[i].second.substr(1));
  }
  const Xapian::Query expansion(Xapian::Query::OP_SCALE_WEIGHT,
                                Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()), settings.weight);
  result.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, expansion);
  return result;
}

}  // namespace dipnews
