// Gives the words of a title: search their weight. The indexer stores the title: field
// with wdf 0 (see indexer/writing/document_builder.cc), so that a title counts in the document
// length only as the text it is; title: terms therefore match without scoring, and a
// search for title:berlin alone would come back unranked. Ranking them by the same word
// in the article's text (where title words weigh twice) restores a useful order.
#pragma once

#include <xapian.h>

namespace dipnews {

// The query unchanged if it has no title: term outside a NOT; otherwise
// Query(OP_AND_MAYBE, query, OR of those terms' free-text forms): the same matches,
// scored as well by the words the title: field names.
Xapian::Query score_title_words(const Xapian::Query& query);

}  // namespace dipnews
