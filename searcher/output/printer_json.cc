#include "output/printer_json.h"

#include <nlohmann/json.hpp>

#include "json_text.h"

namespace dipnews {

namespace {

// ordered_json keeps the field order of docs/output-format.md, which people reading the output expect.
using json = nlohmann::ordered_json;

// Absent optional fields are null rather than "", so scripts can test for them.
json optional_string(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

}  // namespace

json hit_to_json(const Hit& hit, const std::vector<std::string>& fields) {
  const Article& a = hit.article;
  json own = json::object();
  for (const auto& name : fields) own[name] = field_values(a, name);
  json highlights = json::array();
  for (const auto& [begin, end] : hit.snippet.highlights) highlights.push_back({begin, end});
  json copies = json::array();
  for (const auto& c : hit.copies) copies.push_back({{"id", c.id}, {"source", optional_string(c.source)}});
  return {
      {"rank", hit.rank},
      {"id", a.id},
      {"score", hit.score},
      {"date", optional_string(a.date)},
      {"source", optional_string(a.source)},
      {"title", a.title},
      {"url", optional_string(a.url)},
      {"language", optional_string(a.language)},
      {"actors", a.actors},
      {"topics", a.topics},
      {"fields", own},
      {"matched_actors", hit.matched_actors},
      {"matched_topics", hit.matched_topics},
      {"snippet", optional_string(hit.snippet.text)},  // null under --no-snippets
      {"highlights", highlights},
      {"story", hit.story},
      {"copies", copies},
  };
}

namespace {

json facets_json(const Aggregations& a) {
  json facets = json::object();
  for (const auto& facet : a.facets) {
    json values = json::array();
    for (const auto& v : facet.values) values.push_back({{"id", v.id}, {"name", v.name}, {"count", v.count}});
    if (facet.without > 0) values.push_back({{"id", nullptr}, {"name", "(none)"}, {"count", facet.without}});
    facets[std::string(facet_field_name(facet.field))] = std::move(values);
  }
  return facets;
}

json timeline_json(const Timeline& t) {
  json periods = json::array();
  for (const auto& p : t.periods) {
    const double share = p.total ? static_cast<double>(p.count) / p.total : 0.0;
    periods.push_back({{"period", p.period}, {"count", p.count}, {"total", p.total}, {"share", share}});
  }
  return {{"unit", timeline_unit_name(t.unit)}, {"periods", std::move(periods)}, {"undated", t.undated}};
}

}  // namespace

// Facets always (empty when none were asked for); the timeline only when asked for.
void add_aggregations(json& j, const Aggregations& a) {
  if (!a.facets.empty() || a.timeline || a.cooccur_field) j["aggregated_matches"] = a.matches;
  j["facets"] = facets_json(a);
  if (a.timeline) j["timeline"] = timeline_json(*a.timeline);
  if (a.cooccur_field) {
    json values = json::array();
    for (const auto& c : a.cooccur) {
      values.push_back({{"id", c.id}, {"name", c.name}, {"count", c.count}, {"total", c.total}, {"lift", c.lift}});
    }
    j["cooccur"] = {{"field", facet_field_name(*a.cooccur_field)}, {"values", std::move(values)}};
  }
}

namespace {

json totals_json(const MatchTotals& t) { return {{"estimated", t.estimated}, {"lower", t.lower}, {"upper", t.upper}}; }

json stories_json(const SearchResult& r) { return r.stories ? totals_json(*r.stories) : json(nullptr); }

json header_json(const SearchResult& r) {
  return {
      {"format_version", json_format_version},
      {"query", r.query},
      {"parsed", r.parsed},
      {"relaxed", r.relaxed},
      {"total", totals_json(r.total)},
      {"stories", stories_json(r)},
  };
}

void write(std::ostream& out, const json& j) { out << json_text(j) << "\n"; }

bool has_aggregations(const Aggregations& a) { return !a.facets.empty() || a.timeline || a.cooccur_field; }

json entry_json(const CatalogueEntry& e) {
  return {{"id", e.id}, {"type", optional_string(e.type)}, {"name", e.name}, {"articles", e.articles}};
}

}  // namespace

void JsonPrinter::result(const SearchResult& r) {
  json j = header_json(r);
  json hits = json::array();
  for (const auto& hit : r.hits) hits.push_back(hit_to_json(hit, custom_fields_));
  j["hits"] = std::move(hits);
  add_aggregations(j, r.aggregations);
  j["suggestion"] = r.suggestion ? json(*r.suggestion) : json(nullptr);
  write(out_, j);
}

void JsonPrinter::count(const SearchResult& r) {
  json j = header_json(r);
  j["count"] = r.total.estimated;
  j["story_count"] = r.stories ? json(r.stories->estimated) : json(nullptr);
  if (has_aggregations(r.aggregations)) add_aggregations(j, r.aggregations);
  write(out_, j);
}

void JsonPrinter::batch_begin(bool) { refused_mode("json", "--batch"); }
void JsonPrinter::batch_result(const BatchQuery&, const SearchResult&) { refused_mode("json", "--batch"); }
void JsonPrinter::batch_count(const BatchQuery&, const SearchResult&) { refused_mode("json", "--batch"); }
void JsonPrinter::batch_error(const BatchQuery&, const Error&) { refused_mode("json", "--batch"); }

void JsonPrinter::catalogue(const Catalogue& c) {
  json entries = json::array();
  for (const auto& e : c.entries) entries.push_back(entry_json(e));
  write(out_, {{"format_version", json_format_version},
               {"dictionary_version", c.dictionary_version},
               {c.kind == CatalogueKind::actors ? "actors" : "topics", std::move(entries)}});
}

void JsonlPrinter::result(const SearchResult& r) {
  for (const auto& hit : r.hits) write(out_, hit_to_json(hit, custom_fields_));
}

void JsonlPrinter::count(const SearchResult& r) {
  write(out_, {{"query", r.query},
               {"count", r.total.estimated},
               {"story_count", r.stories ? json(r.stories->estimated) : json(nullptr)}});
}

void JsonlPrinter::batch_begin(bool) {}

void JsonlPrinter::batch_result(const BatchQuery& q, const SearchResult& r) {
  json hits = json::array();
  for (const auto& h : r.hits) hits.push_back(hit_to_json(h, custom_fields_));
  json j = {{"qid", q.qid},
            {"query", q.text},
            {"total", totals_json(r.total)},
            {"stories", stories_json(r)},
            {"hits", std::move(hits)}};
  if (has_aggregations(r.aggregations)) add_aggregations(j, r.aggregations);
  write(out_, j);
}

void JsonlPrinter::batch_count(const BatchQuery& q, const SearchResult& r) {
  json j = {{"qid", q.qid},
            {"query", q.text},
            {"count", r.total.estimated},
            {"story_count", r.stories ? json(r.stories->estimated) : json(nullptr)}};
  if (has_aggregations(r.aggregations)) add_aggregations(j, r.aggregations);
  write(out_, j);
}

void JsonlPrinter::batch_error(const BatchQuery& q, const Error& e) {
  write(
      out_,
      {{"qid", q.qid}, {"query", q.text}, {"error", {{"code", static_cast<int>(e.code())}, {"message", e.message()}}}});
}

void JsonlPrinter::catalogue(const Catalogue& c) {
  for (const auto& e : c.entries) write(out_, entry_json(e));
}

}  // namespace dipnews
