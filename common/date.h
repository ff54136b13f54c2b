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

// Calendar arithmetic, on the proleptic Gregorian calendar, in days since 1970-01-01.
long days_from_civil(int year, int month, int day);
// The date `days` after 1970-01-01 as "YYYY-MM-DD" (the inverse of days_from_civil).
std::string civil_from_days(long days);
// The day of the week of `days` after 1970-01-01: 0 for Monday to 6 for Sunday.
int weekday(long days);
// The ISO 8601 week a date falls in, "2025-W51": weeks start on Monday and belong to the year
// of their Thursday, so 2021-01-03 is in 2020-W53 and 2024-12-30 in 2025-W01.
std::string iso_week(int year, int month, int day);

}  // namespace dipnews
