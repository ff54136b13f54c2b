// Pseudo-relevance feedback for ranked queries: the words that dominate the best few
// articles are added to the query with smaller weights (the "relevance model" of Lavrenko
// and Croft, RM3). A question names its subject in the user's words; the top articles
// name it in the writers' words too ("Saigon", "junta" for "the Viet Nam coup").
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace dipnews {

struct FeedbackSettings {
  unsigned articles = 5;   // top articles read; 0 turns feedback off
  unsigned terms = 30;     // expansion words kept
  double weight = 0.6;     // of the expansion against the original query
  double max_share = 0.3;  // words in more than this share of all articles are skipped
};

struct Expansion {
  Xapian::Query query;             // the original query, expansion words added
  std::vector<std::string> terms;  // the expansion words (stems), strongest first
};

// `enquire` must already hold the query and weighting scheme. The expansion only ranks:
// it never adds articles the query does not match (so filters keep holding).
Expansion expand_with_feedback(const Xapian::Database& db, Xapian::Enquire& enquire, const Xapian::Query& query,
                               const FeedbackSettings& settings);

}  // namespace dipnews
