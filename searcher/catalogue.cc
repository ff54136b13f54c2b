#include "catalogue.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "json_text.h"
#include "output/printer_lines.h"
#include "schema.h"

namespace dipnews {

namespace {

struct Entry {
  std::string id;
  std::string type;  // actor type, "topic", or "" for a tag the dictionaries do not know
  std::string name;
  Xapian::doccount articles = 0;
};

// Tag ids present in the index under `prefix`, with their article counts.
std::map<std::string, Xapian::doccount> indexed(const Xapian::Database& db, const std::string& prefix) {
  std::map<std::string, Xapian::doccount> out;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    out[(*t).substr(prefix.size())] = t.get_termfreq();
  }
  return out;
}

std::vector<Entry> entries(CatalogueKind kind, const Dictionary& dictionary, const Xapian::Database& db) {
  const std::string prefix = kind == CatalogueKind::actors ? schema::prefix::actor : schema::prefix::topic;
  auto counts = indexed(db, prefix);
  std::vector<Entry> out;
  auto take = [&](const std::string& id) {
    auto it = counts.find(id);
    if (it == counts.end()) return Xapian::doccount{0};
    const auto n = it->second;
    counts.erase(it);
    return n;
  };
  if (kind == CatalogueKind::actors) {
    for (const auto& a : dictionary.actors()) out.push_back({a.id, std::string(actor_type_name(a.type)), a.name, take(a.id)});
  } else {
    for (const auto& t : dictionary.topics()) out.push_back({t.id, "topic", t.name, take(t.id)});
  }
  for (const auto& [id, n] : counts) out.push_back({id, "", "", n});  // human tags outside the dictionaries
  std::stable_sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    return a.articles != b.articles ? a.articles > b.articles : a.id < b.id;
  });
  return out;
}

}  // namespace

namespace {

nlohmann::ordered_json entry_json(const Entry& e) {
  return {{"id", e.id},
          {"type", e.type.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.type)},
          {"name", e.name},
          {"articles", e.articles}};
}

void print_text(const std::vector<Entry>& list, std::ostream& out) {
  char line[64];
  for (const auto& e : list) {
    std::snprintf(line, sizeof line, "%8u  ", e.articles);
    out << line << e.id << "  " << (e.type.empty() ? "(not in the dictionaries)" : e.type);
    if (!e.name.empty()) out << "  " << e.name;
    out << "\n";
  }
}

}  // namespace

void print_catalogue(CatalogueKind kind, const Dictionary& dictionary, const Xapian::Database& db,
                     OutputFormat format, std::ostream& out) {
  const auto list = entries(kind, dictionary, db);
  switch (format) {
    case OutputFormat::json: {
      nlohmann::ordered_json items = nlohmann::ordered_json::array();
      for (const auto& e : list) items.push_back(entry_json(e));
      out << json_text({{"format_version", json_format_version},
                     {"dictionary_version", dictionary.version()},
                     {kind == CatalogueKind::actors ? "actors" : "topics", std::move(items)}})
          << "\n";
      break;
    }
    case OutputFormat::jsonl:
      for (const auto& e : list) out << json_text(entry_json(e)) << "\n";
      break;
    case OutputFormat::tsv:
    case OutputFormat::csv: {
      DelimitedPrinter table(out, format == OutputFormat::csv ? DelimitedPrinter::Style::csv : DelimitedPrinter::Style::tsv);
      if (format == OutputFormat::csv) table.row({"id", "type", "name", "articles"});
      for (const auto& e : list) table.row({e.id, e.type, e.name, std::to_string(e.articles)});
      break;
    }
    case OutputFormat::ids:
      for (const auto& e : list) out << e.id << "\n";
      break;
    default:
      print_text(list, out);
  }
}

}  // namespace dipnews
