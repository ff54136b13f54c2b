// --format=json: one object per search or catalogue, schema in docs/output-format.md;
// --format=jsonl: one object per line (a hit, a batch query, a catalogue entry).
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "output/printer.h"

namespace dipnews {

// One hit as the JSON and JSONL formats print it; `fields`: the index's own fields, each a key
// of its "fields" object (an array of the hit's values, empty when it has none).
nlohmann::ordered_json hit_to_json(const Hit& hit, const std::vector<std::string>& fields = {});
// Adds "facets" (and "timeline", "cooccur", "aggregated_matches" when asked for) to `j`.
void add_aggregations(nlohmann::ordered_json& j, const Aggregations& a);

// No batch form (--batch takes jsonl).
class JsonPrinter final : public Printer {
 public:
  explicit JsonPrinter(std::ostream& out) : out_(out) {}
  void result(const SearchResult& result) override;
  void count(const SearchResult& result) override;
  void batch_begin(bool counts) override;
  void batch_result(const BatchQuery& query, const SearchResult& result) override;
  void batch_count(const BatchQuery& query, const SearchResult& result) override;
  void batch_error(const BatchQuery& query, const Error& error) override;
  void catalogue(const Catalogue& catalogue) override;

 private:
  std::ostream& out_;
};

// A single search: one hit a line (--count: the query and its count). A batch: one line a
// query, with its hits, its count or its error. A catalogue: one entry a line.
class JsonlPrinter final : public Printer {
 public:
  explicit JsonlPrinter(std::ostream& out) : out_(out) {}
  void result(const SearchResult& result) override;
  void count(const SearchResult& result) override;
  void batch_begin(bool counts) override;
  void batch_result(const BatchQuery& query, const SearchResult& result) override;
  void batch_count(const BatchQuery& query, const SearchResult& result) override;
  void batch_error(const BatchQuery& query, const Error& error) override;
  void catalogue(const Catalogue& catalogue) override;

 private:
  std::ostream& out_;
};

}  // namespace dipnews
