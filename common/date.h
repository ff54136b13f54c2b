// Calendar dates as the index stores them: "YYYY-MM-DD" strings, which sort and compare
// as dates. Articles carry a full date; queries may name a year, a month or a day.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dipnews {

// "2025-12-15" or RFC 3339 ("2025-12-15T09:30:00Z", "2025-12-15T09:30:00+01:00",
// fractional seconds allowed) -> "2025-12-15" (the calendar date as written).
std::optional<std::string> parse_article_date(std::string_view text);

// "2025", "2025-12" or "2025-12-15", validated (month 1-12, day within the month).
std::optional<std::string> parse_partial_date(std::string_view text);

bool is_valid_calendar_date(int year, int month, int day);

}  // namespace dipnews
