#include "date.h"

#include <cctype>

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
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
         all_digits(rest.substr(1, 2)) && all_digits(rest.substr(4, 2)) &&
         to_int(rest.substr(1, 2)) <= 23 && to_int(rest.substr(4, 2)) <= 59;
}

}  // namespace

bool is_valid_calendar_date(int year, int month, int day) {
  static const int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  int limit = days_in_month[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  return day <= limit;
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

}  // namespace dipnews
