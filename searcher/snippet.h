// A passage of an article around its best matches, as plain text plus the spans to
// highlight, so every printer can render highlights its own way (ANSI, JSON offsets).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "language.h"

namespace dipnews {

struct Snippet {
  std::string text;
  // [begin, end) offsets in Unicode code points into `text`, in order, non-overlapping;
  // matches side by side (CJK characters) are one span.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

inline constexpr std::size_t default_snippet_bytes = 240;

// The passage is chosen, and its words matched, in the accent-folded text the article was
// indexed from, with the stemmer (and CJK n-grams) of its analysis; the text shown is the
// article's own, accents and all: a query "belem" highlights "Belém".
Snippet make_snippet(const Xapian::MSet& mset, const std::string& body, const Analysis& analysis,
                     std::size_t length = default_snippet_bytes);

// Internal step, exposed for tests: `marked` (MSet::snippet's output for fold_accents(body),
// its elisions split when `elisions`: common/language.h) carried back onto `body`: the same
// passage, markers and "…" in the article's own text. nullopt when the passage is not found
// in the folded body.
std::optional<std::string> unfold_marked_snippet(const std::string& marked, const std::string& body,
                                                 bool elisions = false);

// Internal step, exposed for tests: decodes MSet::snippet's HTML-escaped output in which
// matches are wrapped in the marker characters below.
inline constexpr const char* highlight_begin_marker = "\x01";
inline constexpr const char* highlight_end_marker = "\x02";
Snippet decode_marked_snippet(const std::string& marked);

}  // namespace dipnews
