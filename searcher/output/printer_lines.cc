#include "output/printer_lines.h"

#include <cstdio>

#include "json_text.h"
#include "output/printer_json.h"

namespace dipnews {

std::string score_text(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", score);
  return buf;
}

namespace {

std::string join(const std::vector<std::string>& items, char separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string tsv_field(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

const std::vector<std::string> columns = {"rank", "id", "score", "date", "source", "title", "url", "actors", "topics"};

}  // namespace

void JsonlPrinter::result(const SearchResult& r) {
  for (const auto& hit : r.hits) {
    out_ << json_text(hit_to_json(hit)) << "\n";
  }
}

void JsonlPrinter::count(const SearchResult& r) {
  out_ << nlohmann::ordered_json{{"query", r.query}, {"count", r.total.estimated}}.dump() << "\n";
}

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
  return {std::to_string(h.rank), a.id, score_text(h.score), a.date, a.source, a.title, a.url, join(a.actors, ' '),
          join(a.topics, ' ')};
}

void DelimitedPrinter::result(const SearchResult& r) {
  if (style_ == Style::csv) row(columns);
  for (const auto& h : r.hits) row(fields_of(h));
}

void DelimitedPrinter::batch_header() {
  std::vector<std::string> header = {"qid"};
  header.insert(header.end(), columns.begin(), columns.end());
  row(header);
}

void DelimitedPrinter::batch_rows(const std::string& qid, const SearchResult& r) {
  for (const auto& h : r.hits) {
    std::vector<std::string> fields = {qid};
    const auto rest = fields_of(h);
    fields.insert(fields.end(), rest.begin(), rest.end());
    row(fields);
  }
}

void DelimitedPrinter::batch_count_header() { row({"qid", "count"}); }

void DelimitedPrinter::batch_count(const std::string& qid, const SearchResult& r) {
  row({qid, std::to_string(r.total.estimated)});
}

void DelimitedPrinter::count(const SearchResult& r) { out_ << r.total.estimated << "\n"; }

void IdsPrinter::result(const SearchResult& r) {
  for (const auto& h : r.hits) out_ << h.article.id << "\n";
}

void IdsPrinter::count(const SearchResult& r) { out_ << r.total.estimated << "\n"; }

}  // namespace dipnews
