#include "title_scoring.h"

#include <set>
#include <string>

#include "schema.h"

namespace dipnews {

namespace {

// The free-text forms of the title: terms that make a document match (a term under
// NOT or AND_NOT's right side excludes documents: scoring its word would favour
// articles that merely mention what the user asked to leave out).
void collect_wanted_title_words(const Xapian::Query& query, bool wanted, std::set<std::string>& words) {
  const Xapian::Query::op type = query.get_type();
  if (type == Xapian::Query::LEAF_TERM) {
    if (!wanted) return;
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
      if (auto word = schema::text_term_of_title_term(*t)) words.insert(*word);
    }
    return;
  }
  const std::size_t n = query.get_num_subqueries();
  for (std::size_t i = 0; i < n; ++i) {
    const bool excluded = type == Xapian::Query::OP_AND_NOT && i > 0;
    collect_wanted_title_words(query.get_subquery(i), wanted && !excluded, words);
  }
}

}  // namespace

Xapian::Query score_title_words(const Xapian::Query& query) {
  std::set<std::string> words;
  collect_wanted_title_words(query, true, words);
  if (words.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
}

}  // namespace dipnews
