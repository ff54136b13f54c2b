#include "query/date_query.h"

#include <optional>
#include <stdexcept>
#include <string>

#include "date.h"
#include "schema.h"

namespace dipnews {

namespace {

// "Now" is read only when a relative date needs it, so that a bad DIPNEWS_NOW troubles
// nobody who does not use one.
std::string checked(std::string_view text) {
  std::optional<std::string> date;
  try {
    date = is_relative_date(text) ? parse_user_date(text, today()) : parse_partial_date(text);
  } catch (const std::invalid_argument& e) {
    throw Xapian::QueryParserError(e.what());
  }
  if (!date) throw Xapian::QueryParserError("bad date '" + std::string(text) + "' (expected " + date_forms + ")");
  return *date;
}

// "date:7d.. -> 2026-11-27..": a relative date as --explain-query shows it.
void note_relative(FieldLog& log, const std::string& begin, const std::string& end, bool range) {
  if (!is_relative_date(begin) && !is_relative_date(end)) return;
  const auto shown = [](const std::string& d) { return d.empty() ? d : checked(d); };
  log.note("date:" + begin + (range ? ".." + end : "") + " -> " + shown(begin) + (range ? ".." + shown(end) : ""));
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
    auto query = date_range_query(begin, end);
    note_relative(errors_, begin, end, true);
    return query;
  } catch (const Xapian::QueryParserError& e) {
    return errors_.report(e.get_msg());
  }
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
  try {
    auto query = date_range_query(value, value);
    note_relative(errors_, value, value, false);
    return query;
  } catch (const Xapian::QueryParserError& e) {
    return errors_.report(e.get_msg());
  }
}

}  // namespace dipnews
