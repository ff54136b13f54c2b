#include "output/printer_text.h"

#include <algorithm>
#include <cstdio>

#include "output/terminal.h"
#include "text_util.h"

namespace dipnews {

namespace {

// "12 articles", "about 1200 stories".
std::string count_phrase(const MatchTotals& t, const char* one, const char* many) {
  const std::string n = std::to_string(t.estimated);
  return (t.exact() ? n : "about " + n) + " " + (t.estimated == 1 ? one : many);
}

// "1 article matches", "12 articles match", "12 articles in 9 stories match": the articles,
// and the stories they make when wire copies are folded into one hit (the hits listed).
std::string match_phrase(const SearchResult& r) {
  std::string phrase = count_phrase(r.total, "article", "articles");
  if (r.stories && (r.stories->estimated != r.total.estimated || r.stories->exact() != r.total.exact())) {
    return phrase + " in " + count_phrase(*r.stories, "story", "stories") + " match";
  }
  return phrase + (r.total.estimated == 1 ? " matches" : " match");
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
    if (starts_code_point) {
      // One code point at a time, escaped as a whole (offsets count code points as stored).
      std::size_t len = 1;
      while (i + len < s.text.size() && (static_cast<unsigned char>(s.text[i + len]) & 0xC0) == 0x80) ++len;
      out_ << one_line(std::string_view(s.text).substr(i, len));
      i += len - 1;
      ++cp;
    } else {
      out_ << one_line(std::string_view(s.text).substr(i, 1));  // a stray continuation byte
    }
  }
  if (inside) out_ << ansi::reset;
}

// Tags the query asked for are highlighted (or starred without colour).
void TextPrinter::tag_line(std::string_view label, const std::vector<std::string>& ids,
                           const std::vector<std::string>& matched) {
  if (ids.empty()) return;
  out_ << "    ";
  styled(ansi::dim, std::string(label) + ":");
  for (const auto& id : ids) {
    out_ << " ";
    if (std::find(matched.begin(), matched.end(), id) == matched.end()) styled(ansi::dim, one_line(id));
    else if (color_) styled(ansi::highlight, one_line(id));
    else out_ << "*" << one_line(id) << "*";
  }
  out_ << "\n";
}

// The index's own fields the article has: "speaker: Wang Yi · post: Minister".
void TextPrinter::custom_field_line(const Article& a) {
  std::string line;
  for (const auto& name : custom_fields_) {
    std::string values;
    for (const auto& v : field_values(a, name))
      values += (values.empty() ? "" : std::string(field_value_separator)) + v;
    if (!values.empty()) line += (line.empty() ? "" : " · ") + name + ": " + values;
  }
  if (line.empty()) return;
  out_ << "    ";
  styled(ansi::dim, one_line(line));
  out_ << "\n";
}

void TextPrinter::hit(const Hit& h) {
  const Article& a = h.article;
  out_ << (h.rank < 10 ? " " : "") << h.rank << ". ";
  styled(ansi::bold, one_line(a.title.empty() ? a.id : a.title));
  out_ << "\n    ";
  const std::string meta =
      (a.date.empty() ? "undated" : a.date) + " · " + (a.source.empty() ? "unknown source" : a.source) + " · " + a.id;
  styled(ansi::dim, one_line(meta));
  out_ << "\n";
  tag_line("actors", a.actors, h.matched_actors);
  tag_line("topics", a.topics, h.matched_topics);
  custom_field_line(a);
  if (!h.copies.empty()) {
    std::string line =
        "carried by " + std::to_string(h.copies.size() + 1) + " outlets: " + (a.source.empty() ? a.id : a.source);
    for (const auto& c : h.copies) line += ", " + (c.source.empty() ? c.id : c.source);
    out_ << "    ";
    styled(ansi::dim, one_line(line) + " (--no-collapse lists each)");
    out_ << "\n";
  }
  if (!h.snippet.text.empty()) {
    out_ << "    ";
    snippet(h.snippet);
    out_ << "\n";
  }
  if (!a.url.empty()) {
    out_ << "    ";
    styled(ansi::dim, one_line(a.url));
    out_ << "\n";
  }
}

void TextPrinter::result(const SearchResult& r) {
  if (r.hits.empty()) {
    out_ << (r.total.estimated == 0 ? "No articles match" : match_phrase(r)) << " '" << one_line(r.query) << "'"
         << (r.total.estimated == 0 ? "" : " (none on this page)") << ".\n";
    if (r.suggestion) out_ << "Did you mean: " << one_line(*r.suggestion) << "\n";
    aggregations(r.aggregations);
    return;
  }
  out_ << match_phrase(r) << " " << (r.relaxed ? "some of " : "") << "'" << one_line(r.query) << "' (showing "
       << r.hits.front().rank << "-" << r.hits.back().rank << ")\n";
  if (r.relaxed)
    out_ << "Too few articles have all these words: ranked by how well they match (--default-op=and to insist).\n";
  out_ << "\n";
  for (const auto& h : r.hits) {
    hit(h);
    out_ << "\n";
  }
  aggregations(r.aggregations);
}

void TextPrinter::aggregations(const Aggregations& a) {
  if (a.facets.empty() && !a.timeline && !a.cooccur_field) return;
  out_ << "\n";
  styled(ansi::bold, "Over all " + std::to_string(a.matches) + " matching articles");
  out_ << "\n";
  constexpr std::size_t shown = 12;
  for (const auto& facet : a.facets) {
    out_ << "  " << facet_field_name(facet.field) << ":";
    for (std::size_t i = 0; i < facet.values.size() && i < shown; ++i) {
      out_ << (i ? " · " : " ") << one_line(facet.values[i].id) << " " << facet.values[i].count;
    }
    if (facet.values.size() > shown) out_ << " · (" << facet.values.size() - shown << " more: --format=json)";
    if (facet.without > 0) out_ << (facet.values.empty() ? " " : " · ") << "(none) " << facet.without;
    if (facet.values.empty() && facet.without == 0) out_ << " none";
    out_ << "\n";
  }
  if (a.timeline) timeline(*a.timeline);
  if (a.cooccur_field) {
    out_ << "  " << facet_field_name(*a.cooccur_field) << "s most associated (lift: matches share / index share):\n";
    if (a.cooccur.empty()) out_ << "    none seen in " << cooccur_min_count << " or more matching articles\n";
    for (std::size_t i = 0; i < a.cooccur.size() && i < 15; ++i) {
      const auto& c = a.cooccur[i];
      char line[160];
      const std::string id = one_line(c.id);
      std::snprintf(line, sizeof line, "    %-28s %5u of %-5u lift %5.1f\n", id.c_str(), c.count, c.total, c.lift);
      out_ << line;
    }
  }
}

void TextPrinter::timeline(const Timeline& t) {
  out_ << "  per " << timeline_unit_name(t.unit) << " (matching / all articles):\n";
  Xapian::doccount most = 1;
  for (const auto& p : t.periods) most = std::max(most, p.count);
  constexpr Xapian::doccount width = 40;
  for (const auto& p : t.periods) {
    char line[96];
    std::snprintf(line, sizeof line, "    %-10s %6u / %-6u %3.0f%% ", p.period.c_str(), p.count, p.total,
                  p.total ? 100.0 * p.count / p.total : 0.0);
    out_ << line;
    std::string bar;
    // At least one block for any match, none for a period without one.
    const Xapian::doccount blocks = p.count == 0 ? 0 : std::max<Xapian::doccount>(1, p.count * width / most);
    for (Xapian::doccount k = 0; k < blocks; ++k) bar += "\u2588";
    styled(ansi::bold, bar);
    out_ << "\n";
  }
  if (t.undated) out_ << "    undated    " << t.undated << "\n";
}

void TextPrinter::count(const SearchResult& r) {
  out_ << counted(r) << "\n";
  aggregations(r.aggregations);
}

void TextPrinter::batch_begin(bool) {}

void TextPrinter::heading(const BatchQuery& q) { out_ << "## " << one_line(q.qid + ": " + q.text) << "\n"; }

void TextPrinter::batch_result(const BatchQuery& q, const SearchResult& r) {
  heading(q);
  result(r);
  out_ << "\n";
}

void TextPrinter::batch_count(const BatchQuery& q, const SearchResult& r) {
  heading(q);
  count(r);
  out_ << "\n";
}

void TextPrinter::batch_error(const BatchQuery& q, const Error& e) {
  heading(q);
  out_ << "error: " << one_line(e.message()) << "\n\n";
}

// One entry a line: "      12  deu  country  Germany".
void TextPrinter::catalogue(const Catalogue& c) {
  char line[64];
  for (const auto& e : c.entries) {
    std::snprintf(line, sizeof line, "%8u  ", e.articles);
    out_ << line << one_line(e.id) << "  " << (e.type.empty() ? "(not in the dictionaries)" : one_line(e.type));
    if (!e.name.empty()) out_ << "  " << one_line(e.name);
    out_ << "\n";
  }
}

}  // namespace dipnews
