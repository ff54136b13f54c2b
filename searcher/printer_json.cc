#include "printer_json.h"

#include <nlohmann/json.hpp>

namespace dipnews {

namespace {

// ordered_json keeps the field order of SPEC §4, which people reading the output expect.
using json = nlohmann::ordered_json;

// Absent optional fields are null rather than "", so scripts can test for them.
json optional_string(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json hit_json(const Hit& hit) {
  const Article& a = hit.article;
  json highlights = json::array();
  for (const auto& [begin, end] : hit.snippet.highlights) highlights.push_back({begin, end});
  return {
      {"rank", hit.rank},
      {"id", a.id},
      {"score", hit.score},
      {"date", optional_string(a.date)},
      {"source", optional_string(a.source)},
      {"title", a.title},
      {"url", optional_string(a.url)},
      {"actors", a.actors},
      {"topics", a.topics},
      {"snippet", optional_string(hit.snippet.text)},  // null under --no-snippets
      {"highlights", highlights},
  };
}

json header_json(const SearchResult& r) {
  return {
      {"format_version", json_format_version},
      {"query", r.query},
      {"parsed", r.parsed},
      {"total", {{"estimated", r.total.estimated}, {"lower", r.total.lower}, {"upper", r.total.upper}}},
  };
}

// Invalid UTF-8 cannot reach the index (the indexer rejects it), but never let one bad
// byte abort the output: replace it.
void write(std::ostream& out, const json& j) {
  out << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace

void JsonPrinter::result(const SearchResult& r) {
  json j = header_json(r);
  json hits = json::array();
  for (const auto& hit : r.hits) hits.push_back(hit_json(hit));
  j["hits"] = std::move(hits);
  j["facets"] = json::object();
  j["suggestion"] = nullptr;
  write(out_, j);
}

void JsonPrinter::count(const SearchResult& r) {
  json j = header_json(r);
  j["count"] = r.total.estimated;
  write(out_, j);
}

}  // namespace dipnews
