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

// Length of the well-formed UTF-8 sequence starting at s[i] (1 to 4), or 0 when the bytes
// there are not one (a stray continuation byte, an overlong form, a surrogate, a cut sequence).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// Code points that a terminal, an editor or a spreadsheet acts on instead of showing: C0
// controls and DEL, C1 controls (U+0080-U+009F: U+009B is a CSI, U+0085 a line break), the
// line and paragraph separators (U+2028, U+2029) and the bidi embeddings, overrides and
// isolates (U+202A-U+202E, U+2066-U+2069), which reorder the text shown after them. Article
// data may hold none of them where it could forge output (docs/reliability.md).
bool is_control_code_point(char32_t cp);

// True when s holds such a code point.
bool has_control_code_point(std::string_view s);

// s with each such code point replaced by a space, except the ASCII characters in `keep`
// (csv keeps its quoted line breaks). Bytes that are not well-formed UTF-8 stay as they are.
std::string controls_to_spaces(std::string_view s, std::string_view keep = "");

// Levenshtein distance in bytes, giving up (returning limit + 1) once it must exceed limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// The same in code points (a letter outside ASCII is one edit, not two or three).
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);

// A JSON text with the control code points that JSON lets through unescaped (DEL, C1, bidi
// controls, U+2028/9: JSON requires escapes for C0 only) written as \uNNNN escapes, which
// every JSON reader decodes to the same string. Outside strings JSON is ASCII, so only
// strings change.
std::string escape_json_controls(std::string_view json);

// A diagnostic, or a field of text output, as one line: control characters that came from
// the input (a newline inside a date, an escape sequence in a query) written as \n, \r, \t
// or \xNN, the other control code points above (C1, bidi controls, U+2028/9) as \uNNNN, and
// bytes that are not well-formed UTF-8 as \xNN, so that one error or one field stays one line
// and the terminal never acts on them.
std::string one_line(std::string_view message);

}  // namespace dipnews
