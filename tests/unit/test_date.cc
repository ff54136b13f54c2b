#include <catch2/catch.hpp>

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
  for (const char* bad : {"2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "15/12/2025", "2025-12",
                          "2025-12-15T25:00:00Z", "2025-12-15T09:30:00", "2025-12-15T09:30:00+1", "2025-12-15x",
                          "", "1900-02-29"}) {
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
