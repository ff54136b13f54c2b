// Exact aggregations over a whole match set, not the top N: facet counts per actor,
// topic or source, and a timeline of matching articles per period. They use Xapian's
// ValueCountMatchSpy over value slots (one pass over every match), which, unlike custom
// match spies, also runs on remote shards.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "custom_fields.h"
#include "dictionary.h"

namespace dipnews {

enum class FacetKind { actor, person, country, org, topic, source, custom };
inline constexpr std::pair<std::string_view, FacetKind> facet_fields[] = {
    {"actor", FacetKind::actor}, {"person", FacetKind::person}, {"country", FacetKind::country},
    {"org", FacetKind::org},     {"topic", FacetKind::topic},   {"source", FacetKind::source}};

// A field to count: a built-in one, or one of the index's own fields (common/custom_fields.h),
// counted over its slot, which resolve_custom_facets() finds once the index is open.
struct FacetField {
  FacetKind kind = FacetKind::actor;
  std::string name;          // custom: the field's name
  Xapian::valueno slot = 0;  // custom: its value slot
  FacetField() = default;
  FacetField(FacetKind k) : kind(k) {}  // NOLINT: a built-in field converts implicitly
  static FacetField custom(std::string name) {
    FacetField f(FacetKind::custom);
    f.name = std::move(name);
    return f;
  }
  bool operator==(const FacetField& o) const { return kind == o.kind && name == o.name; }
  // Spelled as the built-in kinds were, so that FacetField::actor still names one.
  static constexpr FacetKind actor = FacetKind::actor, person = FacetKind::person, country = FacetKind::country,
                             org = FacetKind::org, topic = FacetKind::topic, source = FacetKind::source;
};
std::string_view facet_field_name(const FacetField& field);

enum class TimelineUnit { day, week, month, year };
inline constexpr std::pair<std::string_view, TimelineUnit> timeline_units[] = {{"day", TimelineUnit::day},
                                                                               {"week", TimelineUnit::week},
                                                                               {"month", TimelineUnit::month},
                                                                               {"year", TimelineUnit::year}};
std::string_view timeline_unit_name(TimelineUnit unit);

// The period a YYYY-MM-DD date falls in: "2025-12-15", "2025-W51" (ISO 8601 week),
// "2025-12" or "2025".
std::string period_of(std::string_view date, TimelineUnit unit);

struct AggregationRequest {
  std::vector<FacetField> facets;
  std::optional<TimelineUnit> timeline;
  std::optional<FacetField> cooccur;
  bool empty() const { return facets.empty() && !timeline && !cooccur; }
};

// Finds the slot of each custom field the request counts among the index's own fields.
// Throws UsageError "--facets: unknown field 'x' (the fields are actor, ..., speaker)".
void resolve_custom_facets(AggregationRequest& request, const CustomFields& fields);

// Values of a field that appear with the matches more than their share of the index
// predicts: lift = (count / matches) / (total / all articles).
struct Cooccurrence {
  std::string id;
  std::string name;
  Xapian::doccount count = 0;  // matching articles with this value
  Xapian::doccount total = 0;  // all articles with this value
  double lift = 0;
};

// Values seen in fewer matching articles are left out of co-occurrence: one article is
// an anecdote, not an association.
inline constexpr Xapian::doccount cooccur_min_count = 2;

struct FacetValue {
  std::string id;
  std::string name;  // display name from the dictionaries, or the id
  Xapian::doccount count = 0;
};

struct Facet {
  FacetField field;
  std::vector<FacetValue> values;  // by decreasing count, then id
  Xapian::doccount without = 0;    // matching articles with no value of this field ("(none)")
};

struct TimelinePeriod {
  std::string period;
  Xapian::doccount count = 0;  // matching articles in the period
  Xapian::doccount total = 0;  // all indexed articles in the period
};

struct Timeline {
  TimelineUnit unit = TimelineUnit::month;
  std::vector<TimelinePeriod> periods;  // in date order, from the first match's to the last's, gaps included
  Xapian::doccount undated = 0;         // matching articles without a date, counted apart
};

struct Aggregations {
  Xapian::doccount matches = 0;  // exact size of the match set they were computed over
  std::vector<Facet> facets;
  std::optional<Timeline> timeline;
  std::optional<FacetField> cooccur_field;
  std::vector<Cooccurrence> cooccur;  // by decreasing lift, then count
};

Aggregations aggregate(const Xapian::Database& db, const Xapian::Query& query, const AggregationRequest& request,
                       const Dictionary& dictionary);

}  // namespace dipnews
