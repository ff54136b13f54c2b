#include "output/printer_lines.h"

#include <cstdio>

#include "output/printer_text.h"
#include "text_util.h"

namespace dipnews {

std::string score_text(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", score);
  return buf;
}

namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// Tabs, line ends and every other control code point (C0, C1, bidi controls: text_util.h)
// become spaces: a field can neither add a column or a row nor act on the terminal.
std::string tsv_field(std::string_view s) { return controls_to_spaces(s); }

// Quoted when it holds a comma, a quote or a line break (RFC 4180), which it keeps; other
// control code points become spaces, as in tsv.
std::string csv_field(std::string_view field) {
  const std::string s = controls_to_spaces(field, "\t\n\r");
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

const std::vector<std::string> columns = {"rank", "id", "score", "date", "source", "title", "url", "actors", "topics"};

}  // namespace

void DelimitedPrinter::row(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += style_ == Style::tsv ? '\t' : ',';
    line += style_ == Style::tsv ? tsv_field(fields[i]) : csv_field(fields[i]);
  }
  out_ << line << (style_ == Style::csv ? "\r\n" : "\n");
}

std::vector<std::string> DelimitedPrinter::fields_of(const Hit& h) const {
  const Article& a = h.article;
  std::vector<std::string> row = {
      std::to_string(h.rank), a.id, score_text(h.score), a.date, a.source, a.title, a.url, join(a.actors, " "),
      join(a.topics, " ")};
  for (const auto& name : custom_fields_) row.push_back(join(field_values(a, name), field_value_separator));
  return row;
}

std::vector<std::string> DelimitedPrinter::header() const {
  std::vector<std::string> names = columns;
  names.insert(names.end(), custom_fields_.begin(), custom_fields_.end());
  return names;
}

void DelimitedPrinter::count(const SearchResult& r) { out_ << counted(r) << "\n"; }

void DelimitedPrinter::batch_error(const BatchQuery&, const Error&) {}

void DelimitedPrinter::catalogue_rows(const Catalogue& c) {
  for (const auto& e : c.entries) row({e.id, e.type, e.name, std::to_string(e.articles)});
}

void TsvPrinter::result(const SearchResult& r) {
  for (const auto& h : r.hits) row(fields_of(h));
}

void TsvPrinter::batch_begin(bool) {}

// Ids and scores only: a tsv batch reads no stored fields (search_options.cc asks for ids only).
void TsvPrinter::batch_result(const BatchQuery& q, const SearchResult& r) {
  for (const auto& h : r.hits) {
    out_ << tsv_field(q.qid) << '\t' << h.rank << '\t' << tsv_field(h.article.id) << '\t' << score_text(h.score)
         << '\n';
  }
}

void TsvPrinter::batch_count(const BatchQuery& q, const SearchResult& r) {
  out_ << tsv_field(q.qid) << '\t' << counted(r) << '\n';
}

void TsvPrinter::catalogue(const Catalogue& c) { catalogue_rows(c); }

void CsvPrinter::result(const SearchResult& r) {
  row(header());
  for (const auto& h : r.hits) row(fields_of(h));
}

void CsvPrinter::batch_begin(bool counts) {
  if (counts) {
    row({"qid", "count"});
    return;
  }
  std::vector<std::string> names = {"qid"};
  const auto rest = header();
  names.insert(names.end(), rest.begin(), rest.end());
  row(names);
}

void CsvPrinter::batch_result(const BatchQuery& q, const SearchResult& r) {
  for (const auto& h : r.hits) {
    std::vector<std::string> fields = {q.qid};
    const auto rest = fields_of(h);
    fields.insert(fields.end(), rest.begin(), rest.end());
    row(fields);
  }
}

void CsvPrinter::batch_count(const BatchQuery& q, const SearchResult& r) { row({q.qid, std::to_string(counted(r))}); }

void CsvPrinter::catalogue(const Catalogue& c) {
  row({"id", "type", "name", "articles"});
  catalogue_rows(c);
}

void IdsPrinter::result(const SearchResult& r) {
  for (const auto& h : r.hits) out_ << one_line(h.article.id) << "\n";
}

void IdsPrinter::count(const SearchResult& r) { out_ << counted(r) << "\n"; }

void IdsPrinter::batch_begin(bool) { refused_mode("ids", "--batch"); }
void IdsPrinter::batch_result(const BatchQuery&, const SearchResult&) { refused_mode("ids", "--batch"); }
void IdsPrinter::batch_count(const BatchQuery&, const SearchResult&) { refused_mode("ids", "--batch"); }
void IdsPrinter::batch_error(const BatchQuery&, const Error&) { refused_mode("ids", "--batch"); }

void IdsPrinter::catalogue(const Catalogue& c) {
  for (const auto& e : c.entries) out_ << one_line(e.id) << "\n";
}

void TrecPrinter::result(const SearchResult&) { refused_mode("trec", "a single search"); }
void TrecPrinter::count(const SearchResult&) { refused_mode("trec", "a single search"); }

void TrecPrinter::batch_begin(bool counts) {
  if (counts) refused_mode("trec", "--count");
}

std::optional<std::string> trec_field_problem(std::string_view value) {
  if (value.empty()) return std::string("is empty");
  if (value.find(' ') != std::string_view::npos) return std::string("has a space");
  if (has_control_code_point(value)) return std::string("has a control character");
  return std::nullopt;
}

void TrecPrinter::batch_result(const BatchQuery& q, const SearchResult& r) {
  if (auto problem = trec_field_problem(q.qid)) {
    throw UsageError("the qid '" + q.qid + "' " + *problem + ", which the TREC run format cannot carry");
  }
  for (const auto& h : r.hits) {
    if (auto problem = trec_field_problem(h.article.id)) {
      throw UsageError("the id '" + h.article.id + "' of hit " + std::to_string(h.rank) + " " + *problem +
                       ", which the TREC run format cannot carry");
    }
  }
  for (const auto& h : r.hits) {
    out_ << q.qid << " Q0 " << h.article.id << ' ' << h.rank << ' ' << score_text(h.score) << " dipnews\n";
  }
}

void TrecPrinter::batch_count(const BatchQuery&, const SearchResult&) { refused_mode("trec", "--count"); }

void TrecPrinter::batch_error(const BatchQuery&, const Error&) {}

void TrecPrinter::catalogue(const Catalogue&) { refused_mode("trec", "--list-actors and --list-topics"); }

}  // namespace dipnews
