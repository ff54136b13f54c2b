// date: queries (docs/reference.md, Query language): a day, a month or a year, or a range of them with open ends,
// as a value range over the date slot. Used by the query parser and by --since/--until.
#pragma once

#include <string_view>

#include <xapian.h>

#include "query/field_processors.h"

namespace dipnews {

// Articles dated from the start of `begin` to the end of `end` (each YYYY, YYYY-MM,
// YYYY-MM-DD or a relative date: common/date.h; either may be empty for an open end).
// Throws Xapian::QueryParserError naming the bad date.
Xapian::Query date_range_query(std::string_view begin, std::string_view end);

// date:A..B, date:A.., date:..B
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  explicit DateRangeProcessor(FieldLog& errors);
  Xapian::Query operator()(const std::string& begin, const std::string& end) override;

 private:
  FieldLog& errors_;
};

// date:2025, date:2025-12, date:2025-12-15 (a single period: the range from it to itself).
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateFieldProcessor(FieldLog& errors) : errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  FieldLog& errors_;
};

}  // namespace dipnews
