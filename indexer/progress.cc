#include "progress.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace dipnews {

namespace {

constexpr double terminal_interval = 0.25;  // seconds between redraws on a terminal
constexpr double log_interval = 5.0;        // between lines in a file or pipe

std::string thousands(long n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

ProgressMeter::ProgressMeter(std::ostream& out, bool enabled, bool terminal, std::uint64_t total_bytes)
    : out_(out), enabled_(enabled), terminal_(terminal), total_bytes_(total_bytes) {}

std::string ProgressMeter::format_duration(double seconds) {
  const long s = std::max(0L, static_cast<long>(seconds + 0.5));
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

void ProgressMeter::update(const IndexStats& stats, std::uint64_t bytes_read) {
  if (!enabled_) return;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (last_draw_ >= 0 && elapsed - last_draw_ < (terminal_ ? terminal_interval : log_interval)) return;
  last_draw_ = elapsed;
  draw(stats, bytes_read, elapsed);
}

void ProgressMeter::draw(const IndexStats& stats, std::uint64_t bytes_read, double elapsed) {
  const long done = stats.articles_read() + stats.errors;
  std::string line = "dipnews-index: " + thousands(done) + " articles";
  if (elapsed > 0) line += ", " + thousands(static_cast<long>(done / elapsed)) + "/s";
  if (total_bytes_ > 0) {
    const double share = std::min(1.0, static_cast<double>(bytes_read) / static_cast<double>(total_bytes_));
    line += ", " + std::to_string(static_cast<int>(share * 100)) + "%";
    if (share > 0.01) line += ", ETA " + format_duration(elapsed * (1 - share) / share);
  }
  if (terminal_) out_ << "\r\033[K" << line << std::flush;  // one line, redrawn
  else out_ << line << "\n" << std::flush;
  drawn_ = true;
}

void ProgressMeter::finish() {
  if (enabled_ && terminal_ && drawn_) out_ << "\r\033[K" << std::flush;
}

}  // namespace dipnews
