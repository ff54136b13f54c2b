// A light reading of the query text, done before Xapian's parser sees it, for the few
// things that parser gets silently wrong: a lone '*' (no syntax for "every article"),
// a query that only excludes ("-gaza", which it re-parses with the '-' ignored), and a
// field with no value ("date:", which it takes as the word "date").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipnews {

// A run of non-space characters, with "quoted parts" kept inside it.
struct QueryToken {
  std::string_view text;  // as typed
  std::string_view core;  // without leading '(' '+' '-' and trailing ')'
  bool excluded = false;  // starts with '-', or follows NOT
  bool is_operator = false;
};

std::vector<QueryToken> scan_query(std::string_view text);

// The field name the parser maps to "every article"; `*` is rewritten to `<name>:all`.
inline constexpr std::string_view match_all_field = "dipnews_all";

// The text with each lone '*' replaced by the match-all field, the match-all field put in
// front when no word is left that is not excluded (so "-gaza" means "* -gaza"), and an
// unclosed phrase closed at the end.
std::string rewrite_for_parser(std::string_view text);

// "date: needs a value" when a field from `fields` is typed with nothing after the colon.
std::optional<std::string> field_without_value(std::string_view text, const std::vector<std::string_view>& fields);

// "unknown field 'nosuchfield:'" for a `name:value` token whose name (lower-case letters,
// '_' or '-', and digits after a first letter) is not one of `fields`: Xapian would search for
// the words "nosuchfield" and "value" and silently find nothing. A URL ("https://...") is not a field.
std::optional<std::string> unknown_field(std::string_view text, const std::vector<std::string_view>& fields);

// The text with each field name of `fields` typed in capitals put in lower case
// (`Actor:putin` -> `actor:putin`): Xapian's parser knows only the lower-case names.
std::string lower_case_field_names(std::string_view text, const std::vector<std::string_view>& fields);

// How many words the query has (runs of non-space characters, phrases included, operators
// not): what the size limit counts.
std::size_t count_words(std::string_view text);

// A query typed with no lower-case letter ("SANCTIONS ON RUSSIA") in lower case, so that its
// words are stemmed like any other (Xapian's parser leaves capitalised words unstemmed, as
// proper names). A shouted query that reads as prose (at least `prose_words` tokens, or ending
// in '.' or '?') is taken as plain words: AND, OR, NOT... in it are ordinary words, as in
// "TALKS BETWEEN PORTUGAL AND THE U.S.". A short one keeps its operators ("NATO OR EU").
// Any other text is returned unchanged.
inline constexpr std::size_t prose_words = 5;
std::string fold_shouting(std::string_view text);

// Initials in capitals, however typed ("u.s. aid" -> "U.S. aid", "the u.n" -> "the U.N"):
// Xapian's parser reads capital initials as one word ("us"), as the indexer does with the
// "U.S." of articles, but lower-case ones as a phrase of single letters ("u s") that no text
// holds, so "u.s. aid" and the folded "U.S AID" found nothing. Not initials: "u.sa", and a
// field's value ("actor:u.s", resolved by the field itself).
std::string capitalise_initials(std::string_view text);

// The words of a query as Xapian's parser splits them: runs of word characters, with
// punctuation and control characters separating words even where no space does ("x;AND"),
// and "NEAR/3", "ADJ/3" kept whole. Expects valid UTF-8.
std::vector<std::string> parser_words(std::string_view text);

// True when a boolean operator is followed at once by NEAR or ADJ ("a AND NEAR/3 b", also
// "x;AND NEAR/3 y"): a syntax error on which Xapian 1.4.22's parser leaks memory before
// falling back to plain words (found by fuzz_search), so the query builder refuses it
// before parsing. Judged on the parser's own words (parser_words), as it would see them.
// Other syntax errors leak the same way ("-:L b ADJ/2 c"); too varied to foresee, they are
// refused after parsing (fell_back_to_plain_words) and listed in tests/lsan-suppressions.txt.
bool operator_before_proximity(std::string_view text);

// "NEAR/4294967295: the window may be at most 1000 words" for a NEAR/n or ADJ/n whose n is
// over `max_window`: Xapian's parser would overflow it silently into another window. Judged
// on the parser's own words (parser_words).
std::optional<std::string> proximity_window_too_wide(std::string_view text, unsigned max_window);

// True when the text uses syntax that only FLAG_BOOLEAN or FLAG_LOVEHATE give meaning to
// (AND, OR, NOT, XOR, NEAR, ADJ, or a word excluded with '-').
bool uses_operators(std::string_view text);

}  // namespace dipnews
