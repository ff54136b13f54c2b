#include "catalogue.h"

#include <algorithm>
#include <map>

#include "schema.h"

namespace dipnews {

namespace {

// Tag ids present in the index under `prefix`, with their article counts.
std::map<std::string, Xapian::doccount> indexed(const Xapian::Database& db, const std::string& prefix) {
  std::map<std::string, Xapian::doccount> out;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    out[(*t).substr(prefix.size())] = t.get_termfreq();
  }
  return out;
}

}  // namespace

Catalogue make_catalogue(CatalogueKind kind, const Dictionary& dictionary, const Xapian::Database& db) {
  const std::string prefix = kind == CatalogueKind::actors ? schema::prefix::actor : schema::prefix::topic;
  auto counts = indexed(db, prefix);
  Catalogue catalogue{kind, dictionary.version(), {}};
  auto& out = catalogue.entries;
  auto take = [&](const std::string& id) {
    auto it = counts.find(id);
    if (it == counts.end()) return Xapian::doccount{0};
    const auto n = it->second;
    counts.erase(it);
    return n;
  };
  if (kind == CatalogueKind::actors) {
    for (const auto& a : dictionary.actors())
      out.push_back({a.id, std::string(actor_type_name(a.type)), a.name, take(a.id)});
  } else {
    for (const auto& t : dictionary.topics()) out.push_back({t.id, "topic", t.name, take(t.id)});
  }
  for (const auto& [id, n] : counts) out.push_back({id, "", "", n});  // human tags outside the dictionaries
  std::stable_sort(out.begin(), out.end(), [](const CatalogueEntry& a, const CatalogueEntry& b) {
    return a.articles != b.articles ? a.articles > b.articles : a.id < b.id;
  });
  return catalogue;
}

}  // namespace dipnews
