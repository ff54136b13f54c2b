#include "aggregations.h"

#include <algorithm>
#include <map>
#include <set>

#include "date.h"
#include "error.h"
#include "fresh_queries.h"
#include "schema.h"

namespace dipnews {

namespace {

long days_of(const std::string& date) {  // "YYYY-MM-DD", as the date slot holds it
  return days_from_civil(std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2)));
}

using Counts = std::map<std::string, Xapian::doccount>;

Counts spy_counts(const Xapian::ValueCountMatchSpy& spy) {
  Counts out;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) out[*it] = it.get_termfreq();
  return out;
}

// The value slot a field's values are counted over: actors of every type share one list.
struct FieldSlot {
  Xapian::valueno slot;
  bool list;  // ids joined by schema::list_separator, several per article
};

FieldSlot slot_of(const FacetField& field) {
  switch (field.kind) {
    case FacetKind::actor:
    case FacetKind::person:
    case FacetKind::country:
    case FacetKind::org: return {schema::slot::actor_list, true};
    case FacetKind::topic: return {schema::slot::topic_list, true};
    case FacetKind::source: return {schema::slot::source_name, false};
    case FacetKind::custom: return {field.slot, true};  // values as written, joined
  }
  return {schema::slot::actor_list, true};
}

// Counts per id of a field's values, from a spy over its slot: each id of an article's list
// counts the article once.
Counts field_counts(const FacetField& field, const Xapian::ValueCountMatchSpy& spy) {
  const Counts values = spy_counts(spy);
  if (!slot_of(field).list) return values;
  Counts out;
  for (const auto& [list, n] : values) {
    for (const auto& id : schema::split_list_value(list)) out[id] += n;
  }
  return out;
}

// The actor type a field is limited to.
std::optional<ActorType> type_of(const FacetField& field) {
  switch (field.kind) {
    case FacetKind::person: return ActorType::person;
    case FacetKind::country: return ActorType::country;
    case FacetKind::org: return ActorType::organisation;
    case FacetKind::actor:
    case FacetKind::topic:
    case FacetKind::source:
    case FacetKind::custom: return std::nullopt;
  }
  return std::nullopt;
}

// Whether an id counts as a value of the field: an actor of the field's type, for person,
// country and org; any id otherwise.
bool counts_for(const FacetField& field, const std::string& id, const Dictionary& dictionary) {
  const auto type = type_of(field);
  if (!type) return true;
  const Actor* a = dictionary.actor(id);
  return a && a->type == *type;
}

// Matching articles with at least one value of the field, from the spy's raw values (one per
// distinct list): what is left of the matches has none, and is shown as "(none)" so that a
// facet's counts add up to the matches.
Xapian::doccount articles_with(const FacetField& field, const Xapian::ValueCountMatchSpy& spy,
                               const Dictionary& dictionary) {
  Xapian::doccount with = 0;
  for (const auto& [value, n] : spy_counts(spy)) {
    if (!slot_of(field).list) {
      with += n;
      continue;
    }
    const auto ids = schema::split_list_value(value);
    if (std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return counts_for(field, id, dictionary); })) {
      with += n;
    }
  }
  return with;
}

Facet make_facet(const FacetField& field, const Counts& counts, const Dictionary& dictionary) {
  Facet facet{field, {}};
  for (const auto& [id, n] : counts) {
    if (!counts_for(field, id, dictionary)) continue;
    std::string name = id;
    if (field.kind == FacetKind::topic) {
      if (const Topic* t = dictionary.topic(id)) name = t->name;
    } else if (field.kind != FacetKind::source && field.kind != FacetKind::custom) {
      if (const Actor* a = dictionary.actor(id)) name = a->name;
    }
    facet.values.push_back({id, name, n});
  }
  std::stable_sort(facet.values.begin(), facet.values.end(),
                   [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  return facet;
}

Counts per_period(const Counts& dates, TimelineUnit unit) {
  Counts out;
  for (const auto& [date, n] : dates) out[period_of(date, unit)] += n;
  return out;
}

Timeline make_timeline(TimelineUnit unit, const Counts& matching_dates, Xapian::doccount matches,
                       const Xapian::Database& db) {
  // All articles per period, for the share: one more pass, over the date slot only.
  Xapian::Enquire all(db);
  all.set_query(match_all_query());
  Xapian::ValueCountMatchSpy all_dates(schema::slot::date);
  all.add_matchspy(&all_dates);
  all.get_mset(0, 0, db.get_doccount());
  const Counts totals = per_period(spy_counts(all_dates), unit);

  Timeline t{unit, {}, matches};
  const Counts counts = per_period(matching_dates, unit);
  for (const auto& [period, n] : counts) t.undated -= n;
  if (matching_dates.empty()) return t;
  // Every period from the first match to the last, those without a match too (count 0):
  // a chart of the timeline must show its gaps.
  std::string previous;
  const long last = days_of(matching_dates.rbegin()->first);
  for (long day = days_of(matching_dates.begin()->first); day <= last; ++day) {
    std::string period = period_of(civil_from_days(day), unit);
    if (period == previous) continue;
    const auto n = counts.count(period) ? counts.at(period) : 0;
    const auto total = totals.count(period) ? totals.at(period) : n;
    t.periods.push_back({period, n, total});
    previous = std::move(period);
  }
  return t;
}

}  // namespace

std::string_view facet_field_name(const FacetField& field) {
  if (field.kind == FacetKind::custom) return field.name;
  for (const auto& [name, kind] : facet_fields) {
    if (kind == field.kind) return name;
  }
  return "?";
}

namespace {

void resolve(FacetField& field, const char* option, const CustomFields& fields) {
  if (field.kind != FacetKind::custom) return;
  if (const CustomField* f = find_field(fields, field.name)) {
    field.slot = f->slot;
    return;
  }
  std::string names;
  for (const auto& [name, kind] : facet_fields) names += (names.empty() ? "" : ", ") + std::string(name);
  for (const auto& f : fields) names += ", " + f.name;
  throw UsageError(std::string("--") + option + ": unknown field '" + field.name + "' (the fields are " + names +
                   (fields.empty() ? "; this index declares none of its own, see dipnews-index --field)" : ")"));
}

}  // namespace

void resolve_custom_facets(AggregationRequest& request, const CustomFields& fields) {
  for (auto& field : request.facets) resolve(field, "facets", fields);
  if (request.cooccur) resolve(*request.cooccur, "cooccur", fields);
}

std::string_view timeline_unit_name(TimelineUnit unit) {
  for (const auto& [name, u] : timeline_units) {
    if (u == unit) return name;
  }
  return "?";
}

std::string period_of(std::string_view date, TimelineUnit unit) {
  switch (unit) {
    case TimelineUnit::day: return std::string(date.substr(0, 10));
    case TimelineUnit::month: return std::string(date.substr(0, 7));
    case TimelineUnit::year: return std::string(date.substr(0, 4));
    case TimelineUnit::week:
      if (date.size() < 10) return std::string(date);
      return iso_week(std::stoi(std::string(date.substr(0, 4))), std::stoi(std::string(date.substr(5, 2))),
                      std::stoi(std::string(date.substr(8, 2))));
  }
  return std::string(date);
}

namespace {

// Field values counted over every article of the index (one pass over the value slot).
Counts index_counts(const Xapian::Database& db, const FacetField& field) {
  Xapian::Enquire all(db);
  all.set_query(match_all_query());
  Xapian::ValueCountMatchSpy spy(slot_of(field).slot);
  all.add_matchspy(&spy);
  all.get_mset(0, 0, db.get_doccount());
  return field_counts(field, spy);
}

// The terms that name a value of `field` in a query: an actor under XACTOR or under any
// type's prefix (XPERSON, XCOUNTRY, XORG), a topic under XTOPIC, a source by its slug.
std::vector<std::string> terms_of(const FacetField& field, const std::string& id) {
  switch (field.kind) {
    case FacetKind::actor:
    case FacetKind::person:
    case FacetKind::country:
    case FacetKind::org:
      return {schema::actor_term(id), schema::actor_term(ActorType::person, id),
              schema::actor_term(ActorType::country, id), schema::actor_term(ActorType::organisation, id)};
    case FacetKind::topic: return {schema::topic_term(id)};
    case FacetKind::source: return {schema::source_term(id)};            // the facet's id is the source's name
    case FacetKind::custom: return {custom_field_term(field.name, id)};  // the id is the value as written
  }
  return {};
}

std::vector<Cooccurrence> cooccurrences(const Facet& in_matches, Xapian::doccount matches, const Counts& in_index,
                                        Xapian::doccount articles, const Xapian::Query& query) {
  std::set<std::string> asked;  // the query's own terms: Putin co-occurs with actor:putin trivially
  for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) asked.insert(*t);
  std::vector<Cooccurrence> out;
  for (const auto& v : in_matches.values) {
    if (v.count < cooccur_min_count || !in_index.count(v.id)) continue;
    // Exact terms: country:deu (XCOUNTRYdeu) names deu, not eu.
    const auto terms = terms_of(in_matches.field, v.id);
    if (std::any_of(terms.begin(), terms.end(), [&](const std::string& t) { return asked.count(t) > 0; })) continue;
    const Xapian::doccount total = in_index.at(v.id);
    const double lift = (static_cast<double>(v.count) / matches) / (static_cast<double>(total) / articles);
    out.push_back({v.id, v.name, v.count, total, lift});
  }
  std::stable_sort(out.begin(), out.end(), [](const Cooccurrence& a, const Cooccurrence& b) {
    return a.lift != b.lift ? a.lift > b.lift : a.count > b.count;
  });
  return out;
}

}  // namespace

Aggregations aggregate(const Xapian::Database& db, const Xapian::Query& query, const AggregationRequest& request,
                       const Dictionary& dictionary) {
  // One spy per slot a field is counted over (slot_of), and the date slot for the timeline.
  std::map<Xapian::valueno, Xapian::ValueCountMatchSpy> spies;
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  std::vector<Xapian::valueno> slots = {schema::slot::actor_list, schema::slot::topic_list, schema::slot::source_name,
                                        schema::slot::date};
  for (const auto& field : request.facets) slots.push_back(slot_of(field).slot);  // the index's own fields
  if (request.cooccur) slots.push_back(slot_of(*request.cooccur).slot);
  for (const Xapian::valueno slot : slots) {
    auto [spy, fresh] = spies.try_emplace(slot, slot);
    if (fresh) enquire.add_matchspy(&spy->second);
  }
  // Asking for every document to be checked makes the counts exact, not sampled.
  const Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());

  Aggregations out;
  out.matches = mset.get_matches_estimated();
  std::map<Xapian::valueno, Counts> counted;  // a slot's lists split once, however many fields read it
  auto counts_of = [&](const FacetField& field) -> const Counts& {
    const Xapian::valueno slot = slot_of(field).slot;
    auto it = counted.find(slot);
    if (it == counted.end()) it = counted.emplace(slot, field_counts(field, spies.at(slot))).first;
    return it->second;
  };
  for (const FacetField& field : request.facets) {
    Facet facet = make_facet(field, counts_of(field), dictionary);
    facet.without = out.matches - articles_with(field, spies.at(slot_of(field).slot), dictionary);
    out.facets.push_back(std::move(facet));
  }
  if (request.timeline) {
    out.timeline = make_timeline(*request.timeline, spy_counts(spies.at(schema::slot::date)), out.matches, db);
  }
  if (request.cooccur && out.matches > 0) {
    const FacetField field = *request.cooccur;
    out.cooccur_field = field;
    out.cooccur = cooccurrences(make_facet(field, counts_of(field), dictionary), out.matches, index_counts(db, field),
                                db.get_doccount(), query);
  }
  return out;
}

}  // namespace dipnews
