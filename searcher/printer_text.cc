#include "printer_text.h"

#include "terminal.h"

namespace dipnews {

namespace {

std::string count_phrase(const MatchTotals& t) {
  const std::string n = std::to_string(t.estimated);
  const std::string noun = t.estimated == 1 ? " article" : " articles";
  return (t.exact() ? n : "about " + n) + noun;
}

}  // namespace

void TextPrinter::styled(std::string_view style, std::string_view text) {
  if (color_) out_ << style << text << ansi::reset;
  else out_ << text;
}

void TextPrinter::snippet(const Snippet& s) {
  // Highlight offsets are in code points; walk the UTF-8 text counting them.
  std::size_t cp = 0, next = 0;
  bool inside = false;
  for (std::size_t i = 0; i < s.text.size(); ++i) {
    const bool starts_code_point = (static_cast<unsigned char>(s.text[i]) & 0xC0) != 0x80;
    if (starts_code_point && color_) {
      if (inside && cp == s.highlights[next].second) {
        out_ << ansi::reset;
        inside = false;
        ++next;
      }
      if (!inside && next < s.highlights.size() && cp == s.highlights[next].first) {
        out_ << ansi::highlight;
        inside = true;
      }
    }
    out_ << s.text[i];
    if (starts_code_point) ++cp;
  }
  if (inside) out_ << ansi::reset;
}

void TextPrinter::tag_line(std::string_view label, const std::vector<std::string>& ids) {
  if (ids.empty()) return;
  std::string line = std::string(label) + ":";
  for (const auto& id : ids) line += " " + id;
  out_ << "    ";
  styled(ansi::dim, line);
  out_ << "\n";
}

void TextPrinter::hit(const Hit& h) {
  const Article& a = h.article;
  out_ << (h.rank < 10 ? " " : "") << h.rank << ". ";
  styled(ansi::bold, a.title.empty() ? a.id : a.title);
  out_ << "\n    ";
  const std::string meta = (a.date.empty() ? "undated" : a.date) + " · " +
                           (a.source.empty() ? "unknown source" : a.source) + " · " + a.id;
  styled(ansi::dim, meta);
  out_ << "\n";
  tag_line("actors", a.actors);
  tag_line("topics", a.topics);
  if (!h.snippet.text.empty()) {
    out_ << "    ";
    snippet(h.snippet);
    out_ << "\n";
  }
  if (!a.url.empty()) {
    out_ << "    ";
    styled(ansi::dim, a.url);
    out_ << "\n";
  }
}

void TextPrinter::result(const SearchResult& r) {
  if (r.hits.empty()) {
    out_ << (r.total.estimated == 0 ? "No articles match" : count_phrase(r.total) + " match")
         << " '" << r.query << "'" << (r.total.estimated == 0 ? "" : " (none on this page)") << ".\n";
    return;
  }
  out_ << count_phrase(r.total) << " match '" << r.query << "' (showing " << r.hits.front().rank << "-"
       << r.hits.back().rank << ")\n\n";
  for (const auto& h : r.hits) {
    hit(h);
    out_ << "\n";
  }
}

void TextPrinter::count(const SearchResult& r) { out_ << r.total.estimated << "\n"; }

}  // namespace dipnews
