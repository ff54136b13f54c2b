#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <string>

#include "date.h"

using namespace dipnews;

TEST_CASE("article dates accept YYYY-MM-DD and RFC 3339 - keeping the calendar date", "[date]") {
  CHECK(parse_article_date("2025-12-15") == "2025-12-15");
  CHECK(parse_article_date("2025-12-15T09:30:00Z") == "2025-12-15");
  CHECK(parse_article_date("2025-12-15T23:30:00-05:00") == "2025-12-15");
  CHECK(parse_article_date("2025-12-15 09:30:00.123+01:00") == "2025-12-15");
  CHECK(parse_article_date("2024-02-29") == "2024-02-29");
}

TEST_CASE("article dates reject impossible or malformed values", "[date]") {
  for (const char* bad :
       {"2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "15/12/2025", "2025-12", "2025-12-15T25:00:00Z",
        "2025-12-15T09:30:00", "2025-12-15T09:30:00+1", "2025-12-15x", "", "1900-02-29"}) {
    INFO(bad);
    CHECK_FALSE(parse_article_date(bad));
  }
}

TEST_CASE("partial dates for queries: year - month or day", "[date]") {
  CHECK(parse_partial_date("2025") == "2025");
  CHECK(parse_partial_date("2025-12") == "2025-12");
  CHECK(parse_partial_date("2000-02-29") == "2000-02-29");
  CHECK_FALSE(parse_partial_date("2025-1"));
  CHECK_FALSE(parse_partial_date("25"));
  CHECK_FALSE(parse_partial_date("2025-12-32"));
  CHECK_FALSE(parse_partial_date("abcd"));
}

TEST_CASE("calendar arithmetic: days since 1970-01-01 and back", "[date]") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28) == 2);  // a leap year
  CHECK(days_from_civil(2100, 3, 1) - days_from_civil(2100, 2, 28) == 1);  // a century, not a leap year
  CHECK(civil_from_days(0) == "1970-01-01");
  CHECK(civil_from_days(-1) == "1969-12-31");
  CHECK(civil_from_days(11017) == "2000-03-01");
  // Every day from 1600 to 2400 is the day after the one before, and comes back as itself.
  long previous = days_from_civil(1599, 12, 31);
  int checked = 0;
  std::string first_wrong;
  for (int y = 1600; y <= 2400; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; is_valid_calendar_date(y, m, d); ++d) {
        char date[48];  // room for any int, as -Wformat-truncation wants
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
        const long days = days_from_civil(y, m, d);
        if (first_wrong.empty() && (days != previous + 1 || civil_from_days(days) != date)) first_wrong = date;
        previous = days;
        ++checked;
      }
    }
  }
  CHECK(first_wrong == "");
  CHECK(checked == 292560);
}

TEST_CASE("weekdays: 0 for Monday to 6 for Sunday, before 1970 too", "[date]") {
  CHECK(weekday(0) == 3);                              // 1970-01-01, a Thursday
  CHECK(weekday(-1) == 2);                             // 1969-12-31, a Wednesday
  CHECK(weekday(days_from_civil(2025, 12, 15)) == 0);  // a Monday
  CHECK(weekday(days_from_civil(2025, 12, 21)) == 6);  // a Sunday
  CHECK(weekday(days_from_civil(1900, 1, 1)) == 0);    // a Monday
}

TEST_CASE("ISO weeks: a week belongs to the year of its Thursday", "[date]") {
  CHECK(iso_week(2025, 12, 15) == "2025-W51");
  CHECK(iso_week(2020, 12, 31) == "2020-W53");  // Thursday of a 53-week year
  CHECK(iso_week(2021, 1, 3) == "2020-W53");    // Sunday ending 2020's last week
  CHECK(iso_week(2021, 1, 4) == "2021-W01");    // the next Monday
  CHECK(iso_week(2024, 12, 30) == "2025-W01");  // Monday of the next year's first week
  CHECK(iso_week(2024, 12, 29) == "2024-W52");
  CHECK(iso_week(2026, 1, 1) == "2026-W01");
  CHECK(iso_week(2008, 12, 29) == "2009-W01");
  CHECK(iso_week(2010, 1, 3) == "2009-W53");
  CHECK(iso_week(2016, 1, 1) == "2015-W53");  // a Friday
  CHECK(iso_week(2000, 1, 2) == "1999-W52");  // a Sunday, after a 52-week year
}

namespace {
long day(int y, int m, int d) { return days_from_civil(y, m, d); }
}  // namespace

TEST_CASE("relative dates count back from today: days, weeks, calendar months, years", "[date]") {
  const long now = day(2026, 12, 4);
  CHECK(parse_user_date("today", now) == "2026-12-04");
  CHECK(parse_user_date("yesterday", now) == "2026-12-03");
  CHECK(parse_user_date("0d", now) == "2026-12-04");
  CHECK(parse_user_date("7d", now) == "2026-11-27");
  CHECK(parse_user_date("2w", now) == "2026-11-20");
  CHECK(parse_user_date("1m", now) == "2026-11-04");
  CHECK(parse_user_date("12m", now) == "2025-12-04");
  CHECK(parse_user_date("1y", now) == "2025-12-04");
  CHECK(parse_user_date("400d", now) == "2025-10-30");  // across a year end
  // Letters in any case; M is months too (dates have no minutes).
  CHECK(parse_user_date("3M", now) == "2026-09-04");
  CHECK(parse_user_date("Yesterday", now) == "2026-12-03");
  CHECK(parse_user_date("TODAY", now) == "2026-12-04");
}

TEST_CASE("relative months and years keep the day or take the month's last", "[date]") {
  CHECK(parse_user_date("1m", day(2026, 3, 31)) == "2026-02-28");
  CHECK(parse_user_date("1m", day(2024, 3, 31)) == "2024-02-29");
  CHECK(parse_user_date("1y", day(2024, 2, 29)) == "2023-02-28");
  CHECK(parse_user_date("1m", day(2026, 1, 15)) == "2025-12-15");
  CHECK(parse_user_date("yesterday", day(2026, 1, 1)) == "2025-12-31");
  CHECK(parse_user_date("1d", day(2024, 3, 1)) == "2024-02-29");
}

TEST_CASE("absolute dates pass through parse_user_date unchanged", "[date]") {
  CHECK(parse_user_date("2025", 0) == "2025");
  CHECK(parse_user_date("2025-12", 0) == "2025-12");
  CHECK(parse_user_date("2025-12-15", 0) == "2025-12-15");
  CHECK_FALSE(parse_user_date("2025-13", 0));
}

TEST_CASE("bad relative dates are refused, never guessed", "[date]") {
  const long now = day(2026, 12, 4);
  for (const char* bad : {"7", "d", "7x", "7dd", "-7d", "+7d", "7 d", "1.5w", "123456d", "tomorrow", "now", "7days",
                          "todays", "", "99999y"}) {
    INFO(bad);
    CHECK_FALSE(parse_user_date(bad, now));
  }
  CHECK(is_relative_date("7d"));
  CHECK(is_relative_date("yesterday"));
  CHECK_FALSE(is_relative_date("2025-12"));
  CHECK_FALSE(is_relative_date("7x"));
  // The largest count still gives a date when it stays after year 1.
  CHECK(parse_user_date("99999d", now) == civil_from_days(now - 99999));
}

TEST_CASE("today is DIPNEWS_NOW when set, and a bad one is named", "[date]") {
  ::setenv("DIPNEWS_NOW", "2026-12-04", 1);
  CHECK(today() == day(2026, 12, 4));
  ::setenv("DIPNEWS_NOW", "2026-12-04T23:30:00-05:00", 1);
  CHECK(today() == day(2026, 12, 4));  // the calendar date as written
  ::setenv("DIPNEWS_NOW", "next week", 1);
  try {
    today();
    FAIL("a bad DIPNEWS_NOW was accepted");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).find("DIPNEWS_NOW: bad date 'next week'") != std::string::npos);
  }
  ::unsetenv("DIPNEWS_NOW");
  // The local date: within a day of the UTC one whatever the time zone.
  const long utc = static_cast<long>(std::time(nullptr) / 86400);
  CHECK(std::abs(today() - utc) <= 1);
}
