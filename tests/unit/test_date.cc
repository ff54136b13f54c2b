#include <catch2/catch.hpp>

#include <cstdio>
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
