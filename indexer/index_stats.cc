#include "index_stats.h"

#include <cstdio>

namespace dipnews {

std::string summary_line(const IndexStats& s, double seconds) {
  const double rate = seconds > 0 ? static_cast<double>(s.articles_read()) / seconds : 0.0;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%ld added, %ld replaced, %ld unchanged, %ld deleted, %ld skipped with errors",
                s.added, s.replaced, s.unchanged, s.deleted, s.errors);
  std::string line = buf;
  if (s.skipped_as_before > 0) line += ", " + std::to_string(s.skipped_as_before) + " skipped as reported before";
  std::snprintf(buf, sizeof buf, "; %.2f s, %.0f articles/s", seconds, rate);
  return line + buf;
}

}  // namespace dipnews
