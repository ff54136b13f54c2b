#include "query/date_query.h"

#include <string>

#include "date.h"
#include "schema.h"

namespace dipnews {

namespace {

std::string checked(std::string_view text) {
  auto date = parse_partial_date(text);
  if (!date) {
    throw Xapian::QueryParserError("bad date '" + std::string(text) + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  return *date;
}

}  // namespace

Xapian::Query date_range_query(std::string_view begin, std::string_view end) {
  const std::string low = begin.empty() ? std::string() : checked(begin);
  // Stored dates are YYYY-MM-DD: "2025-12" followed by '~' sorts after every day of
  // December 2025 and before January 2026, so a partial end covers its whole period.
  const std::string high = end.empty() ? std::string() : checked(end) + "~";
  if (!low.empty() && !high.empty() && low > high) {
    throw Xapian::QueryParserError("date range '" + std::string(begin) + ".." + std::string(end) +
                                   "' ends before it begins");
  }
  if (low.empty() && high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot::date, "0");
  if (low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot::date, high);
  if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot::date, low);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot::date, low, high);
}

DateRangeProcessor::DateRangeProcessor(FieldLog& errors)
    : Xapian::RangeProcessor(schema::slot::date, "date:"), errors_(errors) {}

Xapian::Query DateRangeProcessor::operator()(const std::string& begin, const std::string& end) {
  try {
    return date_range_query(begin, end);
  } catch (const Xapian::QueryParserError& e) {
    return errors_.report(e.get_msg());
  }
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
  try {
    return date_range_query(value, value);
  } catch (const Xapian::QueryParserError& e) {
    return errors_.report(e.get_msg());
  }
}

}  // namespace dipnews
