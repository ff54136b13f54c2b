// Small, allocation-light string helpers used across readers, schema and printers.
#pragma once

#include <string>
#include <string_view>

namespace dipnews {

std::string_view trim(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);  // ASCII case-insensitive
std::string to_lower_ascii(std::string_view s);

// Canonical form of a name used as a boolean term: Unicode lower case, runs of
// non-word characters collapsed to one '-', no leading/trailing '-'.
// "Meridian Post" -> "meridian-post", "Le Monde (Paris)" -> "le-monde-paris".
std::string slugify(std::string_view name);

// Typographic quotes and apostrophes folded to ASCII ' and ", so that patterns and
// comparisons need not care which kind a scraper produced.
std::string fold_quotes(std::string_view s);

// Collapses runs of spaces/tabs/newlines into single spaces and trims the ends.
std::string collapse_whitespace(std::string_view s);

// Number of Unicode code points in valid UTF-8 (continuation bytes are not counted).
std::size_t utf8_length(std::string_view s);

// Cuts s to at most max_bytes without splitting a UTF-8 sequence.
std::string_view utf8_truncate(std::string_view s, std::size_t max_bytes);

bool is_valid_utf8(std::string_view s);

// Levenshtein distance in bytes, giving up (returning limit + 1) once it must exceed limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// A diagnostic as one line: control characters that came from the input (a newline inside a
// date, an escape sequence in a query) written as \n, \r, \t or \xNN, so that one error
// stays one line and the terminal never acts on them.
std::string one_line(std::string_view message);

}  // namespace dipnews
