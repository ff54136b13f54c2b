#include "date.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>

namespace dipnews {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// "HH:MM:SS[.frac](Z|+HH:MM|-HH:MM)", the part of RFC 3339 after the 'T'.
bool is_rfc3339_time(std::string_view t) {
  if (t.size() < 9 || t[2] != ':' || t[5] != ':') return false;
  if (!all_digits(t.substr(0, 2)) || !all_digits(t.substr(3, 2)) || !all_digits(t.substr(6, 2))) return false;
  if (to_int(t.substr(0, 2)) > 23 || to_int(t.substr(3, 2)) > 59 || to_int(t.substr(6, 2)) > 60) return false;
  std::string_view rest = t.substr(8);
  if (!rest.empty() && rest.front() == '.') {
    std::size_t n = 1;
    while (n < rest.size() && std::isdigit(static_cast<unsigned char>(rest[n]))) ++n;
    if (n == 1) return false;
    rest.remove_prefix(n);
  }
  if (rest == "Z" || rest == "z") return true;
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' && all_digits(rest.substr(1, 2)) &&
         all_digits(rest.substr(4, 2)) && to_int(rest.substr(1, 2)) <= 23 && to_int(rest.substr(4, 2)) <= 59;
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return days[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
}

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool equals_lower(std::string_view text, std::string_view word) {
  if (text.size() != word.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (lower(text[i]) != word[i]) return false;
  }
  return true;
}

// "7d" -> {7, 'd'}; nullopt unless 1 to 5 digits and one unit letter.
std::optional<std::pair<long, char>> count_and_unit(std::string_view text) {
  if (text.size() < 2 || text.size() > 6) return std::nullopt;
  const char unit = lower(text.back());
  const std::string_view digits = text.substr(0, text.size() - 1);
  if (!all_digits(digits) || (unit != 'd' && unit != 'w' && unit != 'm' && unit != 'y')) return std::nullopt;
  return std::pair{static_cast<long>(to_int(digits)), unit};
}

// `months` calendar months before the day `days`, keeping the day of the month when the
// month has it, else its last day.
std::optional<long> months_before(long days, long months) {
  const std::string date = civil_from_days(days);
  const long index =
      to_int(std::string_view(date).substr(0, 4)) * 12L + to_int(std::string_view(date).substr(5, 2)) - 1 - months;
  if (index < 12) return std::nullopt;  // before year 1
  const int year = static_cast<int>(index / 12), month = static_cast<int>(index % 12) + 1;
  const int day = std::min(to_int(std::string_view(date).substr(8, 2)), days_in_month(year, month));
  return days_from_civil(year, month, day);
}

}  // namespace

bool is_valid_calendar_date(int year, int month, int day) {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= days_in_month(year, month);
}

// Howard Hinnant's algorithms (http://howardhinnant.github.io/date_algorithms.html).
long days_from_civil(int year, int month, int day) {
  const long y = year - (month <= 2);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string civil_from_days(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return buf;
}

int weekday(long days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }  // 1970-01-01 was a Thursday

std::string iso_week(int year, int month, int day) {
  const long days = days_from_civil(year, month, day);
  const long thursday = days - weekday(days) + 3;  // the week belongs to its Thursday's year
  // Year of that Thursday: year - 1, year or year + 1.
  int week_year = year;
  if (thursday < days_from_civil(year, 1, 1)) week_year = year - 1;
  else if (thursday >= days_from_civil(year + 1, 1, 1)) week_year = year + 1;
  const long week = (thursday - days_from_civil(week_year, 1, 1)) / 7 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", week_year, static_cast<int>(week));
  return buf;
}

std::optional<std::string> parse_partial_date(std::string_view text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  if (!all_digits(text.substr(0, 4))) return std::nullopt;
  int year = to_int(text.substr(0, 4));
  int month = 1, day = 1;
  if (text.size() >= 7) {
    if (text[4] != '-' || !all_digits(text.substr(5, 2))) return std::nullopt;
    month = to_int(text.substr(5, 2));
  }
  if (text.size() == 10) {
    if (text[7] != '-' || !all_digits(text.substr(8, 2))) return std::nullopt;
    day = to_int(text.substr(8, 2));
  }
  if (!is_valid_calendar_date(year, month, day)) return std::nullopt;
  return std::string(text);
}

std::optional<std::string> parse_article_date(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  auto date = parse_partial_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  if (text.size() == 10) return date;
  char sep = text[10];
  if ((sep != 'T' && sep != 't' && sep != ' ') || !is_rfc3339_time(text.substr(11))) return std::nullopt;
  return date;
}

bool is_relative_date(std::string_view text) {
  return equals_lower(text, "today") || equals_lower(text, "yesterday") || count_and_unit(text).has_value();
}

std::optional<std::string> parse_user_date(std::string_view text, long today) {
  if (!is_relative_date(text)) return parse_partial_date(text);
  std::optional<long> day;
  if (equals_lower(text, "today")) day = today;
  else if (equals_lower(text, "yesterday")) day = today - 1;
  else {
    const auto [count, unit] = *count_and_unit(text);
    if (unit == 'd') day = today - count;
    else if (unit == 'w') day = today - 7 * count;
    else day = months_before(today, unit == 'm' ? count : 12 * count);
  }
  if (!day) return std::nullopt;
  // Years before 1 or after 9999 have no YYYY-MM-DD form.
  if (*day < days_from_civil(1, 1, 1) || *day > days_from_civil(9999, 12, 31)) return std::nullopt;
  return civil_from_days(*day);
}

long today() {
  if (const char* now = std::getenv("DIPNEWS_NOW"); now && *now) {
    const auto date = parse_article_date(now);
    if (!date) {
      throw std::invalid_argument(std::string("DIPNEWS_NOW: bad date '") + now +
                                  "' (expected YYYY-MM-DD or an RFC 3339 time)");
    }
    return days_from_civil(to_int(date->substr(0, 4)), to_int(date->substr(5, 2)), to_int(date->substr(8, 2)));
  }
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return days_from_civil(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

}  // namespace dipnews
