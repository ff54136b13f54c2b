#include "snippet.h"

#include <string_view>

#include "database.h"

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

}  // namespace

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
      if (code_points > open_at) s.highlights.emplace_back(open_at, code_points);
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

Snippet make_snippet(const Xapian::MSet& mset, const std::string& body, const Xapian::Stem& stemmer,
                     std::size_t length) {
  // A stray \x01 or \x02 in the body would be read back as a marker: blank it first.
  std::string clean;
  clean.reserve(body.size());
  for (char c : body) clean += (c == highlight_begin_marker[0] || c == highlight_end_marker[0]) ? ' ' : c;
  // The background model weighs every word of the text by its frequency in the index: over
  // remote shards, a network round trip per word and shard (a quarter of a second per page of
  // hits), so there snippets are chosen by the query's words alone.
  const unsigned flags = searching_remote_databases()
                             ? Xapian::MSet::SNIPPET_EXHAUSTIVE
                             : Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE;
  const std::string marked =
      mset.snippet(clean, length, stemmer, flags, highlight_begin_marker, highlight_end_marker, "…");
  return decode_marked_snippet(marked);
}

}  // namespace dipnews
