// English function words, dropped from ranked (any-word) queries: in "talks between the
// U.S. and Portugal" the words "between", "the" and "and" match nearly every article and
// only blur the ranking. Queries whose words are all required keep them (they cost nothing
// there, and "WHO" or "US" may be meant), and so do phrases.
#pragma once

#include <xapian.h>

namespace dipnews {

// Shared and immutable: Xapian's parser keeps a pointer to it.
const Xapian::Stopper& english_stop_words();

}  // namespace dipnews
