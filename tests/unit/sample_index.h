// A small index written as dipnews-index writes one (index_run.h), for search and writer tests.
#pragma once

#include <string>
#include <vector>

#include "article.h"
#include "index_run.h"
#include "temp_dir.h"

namespace dipnews::test {

inline Article make_article(std::string id, std::string title, std::string body, std::string date = "",
                            std::string source = "") {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  a.date = std::move(date);
  a.source = std::move(source);
  return a;
}

inline std::vector<Article> sample_articles() {
  return {
      make_article("berlin-1", "Ceasefire talks open in Berlin",
                   "Envoys met in Berlin to discuss security guarantees for Ukraine.", "2025-12-14", "Meridian Post"),
      make_article("berlin-2", "Security guarantees modelled on Article 5",
                   "The draft offers guarantees similar to Article 5 of the NATO treaty and a ceasefire.", "2025-12-15",
                   "Atlantic Courier"),
      make_article("trade-1", "Tariff truce extended",
                   "Washington and Beijing agreed to extend the tariff truce for ninety days.", "2025-05-12",
                   "Pacific Ledger"),
      make_article("undated-1", "Monitoring a ceasefire",
                   "Monitoring missions need observers, drones and a clear mandate.", "", "Meridian Post"),
      make_article("sudan-1", "Aid convoys reach Darfur",
                   "Humanitarian aid convoys crossed into Darfur after a pause in fighting.", "2024-11-03",
                   "Levant Review"),
  };
}

inline std::string write_sample_index(const TempDir& dir) {
  const std::string path = dir / "index.db";
  IndexRun run(path, {.commit = {100}});
  for (const auto& a : sample_articles()) run.write(a);
  run.writer().commit();
  return path;
}

}  // namespace dipnews::test
