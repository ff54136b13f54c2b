#include "snippet.h"

#include <algorithm>
#include <string_view>

#include "database.h"
#include "unicode_fold.h"

namespace dipnews {

namespace {

// MSet::snippet escapes &, < and > (Xapian 1.4): undo that, plus the quote forms
// other versions use, so the text is what the article said.
bool decode_entity(std::string_view rest, std::string& out, std::size_t& consumed) {
  static const std::pair<std::string_view, char> entities[] = {{"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
                                                               {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
  for (const auto& [entity, ch] : entities) {
    if (rest.substr(0, entity.size()) == entity) {
      out += ch;
      consumed = entity.size();
      return true;
    }
  }
  return false;
}

constexpr std::string_view ellipsis = "…";

// The folded text (fold_accents) and, for each of its bytes and its end, the offset in the
// original text of the character it came from.
struct FoldedText {
  std::string text;
  std::vector<std::size_t> origin;
};

// The length in bytes of the character at `at` with the combining marks after it
// (starts_cluster): fold_accents composes them into one letter ("и" + U+0306 -> "й").
std::size_t cluster_bytes(std::string_view body, std::size_t at) {
  auto char_end = [&](std::size_t i) {
    ++i;
    while (i < body.size() && (static_cast<unsigned char>(body[i]) & 0xC0) == 0x80) ++i;
    return i;
  };
  std::size_t end = char_end(at);
  while (end < body.size() && static_cast<unsigned char>(body[end]) >= 0x80) {
    const Xapian::Utf8Iterator next(body.data() + end, body.size() - end);
    if (starts_cluster(*next)) break;
    end = char_end(end);
  }
  return end - at;
}

FoldedText fold_with_origins(std::string_view body, bool elisions) {
  FoldedText f;
  f.text.reserve(body.size());
  f.origin.reserve(body.size() + 1);
  const std::vector<std::size_t> split = elisions ? elision_apostrophes(body) : std::vector<std::size_t>();
  auto next_split = split.begin();
  for (std::size_t i = 0; i < body.size();) {
    const std::size_t n = cluster_bytes(body, i);
    const bool apostrophe = next_split != split.end() && *next_split == i;
    if (apostrophe) ++next_split;
    const std::string folded = apostrophe ? std::string(" ") : fold_accents(body.substr(i, n));
    f.text += folded;
    f.origin.insert(f.origin.end(), folded.size(), i);
    i += n;
  }
  f.origin.push_back(body.size());
  return f;
}

// MSet::snippet's output without its markers and with its entities decoded, and, for each
// marker, where it stood in that plain text.
struct Markers {
  std::string plain;
  std::vector<std::pair<std::size_t, char>> at;
};

Markers split_markers(std::string_view marked) {
  Markers m;
  for (std::size_t i = 0; i < marked.size();) {
    const char c = marked[i];
    std::size_t consumed = 1;
    if (c == highlight_begin_marker[0] || c == highlight_end_marker[0]) {
      m.at.emplace_back(m.plain.size(), c);
    } else if (c != '&' || !decode_entity(marked.substr(i), m.plain, consumed)) {
      m.plain += c;
    }
    i += consumed;
  }
  return m;
}

void append_escaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
}

}  // namespace

std::optional<std::string> unfold_marked_snippet(const std::string& marked, const std::string& body, bool elisions) {
  const FoldedText folded = fold_with_origins(body, elisions);
  const Markers m = split_markers(marked);
  // Xapian puts "…" before and after a passage cut out of the text; the body may have its own.
  std::string_view passage = m.plain;
  std::size_t lead = 0;
  std::size_t at = folded.text.find(passage);
  if (at == std::string::npos && passage.substr(0, ellipsis.size()) == ellipsis) {
    lead = ellipsis.size();
    passage.remove_prefix(lead);
    at = folded.text.find(passage);
  }
  bool trail = false;
  if (at == std::string::npos && passage.size() >= ellipsis.size() &&
      passage.substr(passage.size() - ellipsis.size()) == ellipsis) {
    trail = true;
    passage.remove_suffix(ellipsis.size());
    at = folded.text.find(passage);
  }
  if (at == std::string::npos) return std::nullopt;
  std::string out(lead ? ellipsis : "");
  std::size_t shown = lead;  // offset in m.plain up to which the output has the text
  auto copy_to = [&](std::size_t plain_end) {
    const std::size_t from = folded.origin[at + shown - lead], to = folded.origin[at + plain_end - lead];
    append_escaped(out, std::string_view(body).substr(from, to - from));
    shown = plain_end;
  };
  for (const auto& [offset, marker] : m.at) {
    copy_to(std::min(std::max(offset, lead), lead + passage.size()));
    out += marker;
  }
  copy_to(lead + passage.size());
  if (trail) out += ellipsis;
  return out;
}

Snippet decode_marked_snippet(const std::string& marked) {
  Snippet s;
  std::size_t code_points = 0;
  std::size_t open_at = 0;
  for (std::size_t i = 0; i < marked.size();) {
    const char c = marked[i];
    std::size_t consumed = 1;
    if (c == highlight_begin_marker[0]) {
      open_at = code_points;
    } else if (c == highlight_end_marker[0]) {
      // CJK n-grams mark a word character by character: "停" and "火" are one span, "停火".
      if (!s.highlights.empty() && s.highlights.back().second == open_at && code_points > open_at) {
        s.highlights.back().second = code_points;
      } else if (code_points > open_at) {
        s.highlights.emplace_back(open_at, code_points);
      }
    } else if (c == '&' && decode_entity(std::string_view(marked).substr(i), s.text, consumed)) {
      ++code_points;
    } else if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      // Paragraph breaks become single spaces: a snippet is one line of text.
      if (!s.text.empty() && s.text.back() != ' ') {
        s.text += ' ';
        ++code_points;
      }
    } else {
      s.text += c;
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++code_points;
    }
    i += consumed;
  }
  return s;
}

Snippet make_snippet(const Xapian::MSet& mset, const std::string& body, const Analysis& analysis, std::size_t length) {
  // A stray \x01 or \x02 in the body would be read back as a marker: blank it first.
  std::string clean;
  clean.reserve(body.size());
  for (char c : body) clean += (c == highlight_begin_marker[0] || c == highlight_end_marker[0]) ? ' ' : c;
  // The background model weighs every word of the text by its frequency in the index: over
  // remote shards, a network round trip per word and shard (a quarter of a second per page of
  // hits), so there snippets are chosen by the query's words alone.
  unsigned flags = searching_remote_databases()
                       ? Xapian::MSet::SNIPPET_EXHAUSTIVE
                       : Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE;
  // The indexer writes CJK n-grams for every article (an English one quoting "习近平" too):
  // snippets read them whatever the article's analysis.
  flags |= Xapian::MSet::SNIPPET_CJK_NGRAM;
  const Xapian::Stem stemmer = stemmer_of(analysis);
  // ASCII folds to itself: only other text needs carrying back.
  const std::string folded = analysed_text(analysis, clean);  // the words the index has
  const std::string marked =
      mset.snippet(folded, length, stemmer, flags, highlight_begin_marker, highlight_end_marker, "…");
  if (folded == clean) return decode_marked_snippet(marked);
  if (auto unfolded = unfold_marked_snippet(marked, clean, analysis.elisions)) return decode_marked_snippet(*unfolded);
  // Not found again (not expected): the article's own text, its accented words unmarked.
  return decode_marked_snippet(
      mset.snippet(clean, length, stemmer, flags, highlight_begin_marker, highlight_end_marker, "…"));
}

}  // namespace dipnews
