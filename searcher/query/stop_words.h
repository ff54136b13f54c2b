// English function words, dropped from ranked (any-word) queries: in "talks between the
// U.S. and Portugal" the words "between", "the" and "and" match nearly every article and
// only blur the ranking. Queries whose words are all required keep them (they cost nothing
// there, and "WHO" or "US" may be meant), and so do phrases.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace dipnews {

// Shared and immutable: Xapian's parser keeps a pointer to it.
const Xapian::Stopper& english_stop_words();

// The function words of an analysis (common/language.h), dropped from its ranked queries
// like the English ones; nullptr for an analysis without a list (CJK: its n-grams are not
// words). "english" gives the list above, unchanged.
const Xapian::Stopper* stop_words_for(std::string_view analysis);

// Whether an indexed stem (Z-prefixed, as TermGenerator writes it) is the stem of one of those
// words, English or of a language in another script (Russian, Ukrainian, Arabic): pseudo-
// relevance feedback must not add back what the query leaves out.
bool is_stop_word_stem(const std::string& term);

}  // namespace dipnews
