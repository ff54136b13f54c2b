// The language of an article whose input names none, detected by CLD2 (Google's Compact
// Language Detector 2, libcld2) from its title and body.
#pragma once

#include <string>
#include <string_view>

#include "article.h"

namespace dipnews {

// Below this many bytes of letters CLD2 guesses more than it detects: the language is left
// unknown (and the article analysed as English, common/language.h).
inline constexpr int min_detection_text_bytes = 40;

// The ISO 639-1 code, lower case and without region or script ("zh" for Traditional
// Chinese too), of the language CLD2 reliably finds in `title` and `body`; a three-letter
// code for the few languages that have no two-letter one; "" when CLD2 calls its answer
// unreliable, the text is too short, or the text is not valid UTF-8.
std::string detect_language(std::string_view title, std::string_view body);

// The language an article is tagged and indexed in: the input's when it gives one, else the
// detected one ("" when none is found). Indexing and --explain both go through here, so
// --explain shows the tags the index gets.
std::string language_of(const Article& article);

// CLD2 reads its input whole: a long article tells no more than its first pages, and the
// time grows with the text.
inline constexpr std::size_t max_detection_bytes = 16 * 1024;

// The part of the body detection reads: its first max_detection_bytes, cut back to the start
// of a character only when the cut falls inside one.
std::string_view detection_prefix(std::string_view body);

// CLD2's code for a language, as detect_language() stores it ("zh-Hant" -> "zh", "iw" -> "he").
std::string normalise_detected_code(std::string_view cld2_code);

}  // namespace dipnews
