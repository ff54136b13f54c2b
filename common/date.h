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

// Relative dates, wherever a date is accepted (date:, --since, --until), after notmuch's
// date: (docs/reference.md, Dates). A small grammar, with one meaning per word:
//   today, yesterday      that day
//   Nd Nw Nm Ny           N days, weeks (7 days), calendar months or years before today
//                         (N: 0 to 99999; m is months: dates have no minutes; the day of
//                         the month is kept, or the month's last day: 2026-03-31 - 1m is
//                         2026-02-28). Letters in any case.
// A relative date names one day: date:7d is that day, date:7d.. the last seven days.
// What a bad date's message says a date may be.
inline constexpr const char* date_forms =
    "YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, or Nd, Nw, Nm, Ny: N days, weeks, months or years ago";

bool is_relative_date(std::string_view text);

// A date as users write it: a partial date as given, or a relative date resolved against
// `today` (days since 1970-01-01) to YYYY-MM-DD. nullopt when it is neither, or before year 1.
std::optional<std::string> parse_user_date(std::string_view text, long today);

// The day relative dates count from, in days since 1970-01-01: $DIPNEWS_NOW (YYYY-MM-DD or
// RFC 3339, whose calendar date counts) when set, so that tests and reruns of a report can
// fix "now"; else the local date. Throws std::invalid_argument naming a bad DIPNEWS_NOW.
long today();

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
