// The indexer's progress display on stderr (never stdout): articles done, rate, share of
// the input read and the time left. On a terminal it redraws one line; forced onto a file
// or pipe (--progress), it writes a line every few seconds. Off when --quiet.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>

#include "index_stats.h"

namespace dipnews {

class ProgressMeter {
 public:
  // `total_bytes`: the size of every input file (0 when unknown, e.g. stdin: no ETA).
  ProgressMeter(std::ostream& out, bool enabled, bool terminal, std::uint64_t total_bytes);

  // When the amount of work is known only later (--retag: articles to re-tag).
  void set_total(std::uint64_t total) { total_bytes_ = total; }

  // Cheap to call for every article: draws at most a few times per second.
  void update(const IndexStats& stats, std::uint64_t bytes_read);
  // Clears the line (terminal) before the summary is printed.
  void finish();

  // "1:05:09", "4:02", "0:07".
  static std::string format_duration(double seconds);

 private:
  void draw(const IndexStats& stats, std::uint64_t bytes_read, double elapsed);

  std::ostream& out_;
  const bool enabled_, terminal_;
  std::uint64_t total_bytes_;  // or articles, after set_total
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  double last_draw_ = -1;
  bool drawn_ = false;
};

}  // namespace dipnews
