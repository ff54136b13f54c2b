// --format=json: one object per search, schema in docs/output-format.md.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "output/printer.h"

namespace dipnews {

// One hit as the JSON and JSONL formats print it.
nlohmann::ordered_json hit_to_json(const Hit& hit);
// Adds "facets" (and "timeline", "cooccur", "aggregated_matches" when asked for) to `j`.
void add_aggregations(nlohmann::ordered_json& j, const Aggregations& a);

class JsonPrinter : public ResultPrinter {
 public:
  explicit JsonPrinter(std::ostream& out) : out_(out) {}
  void result(const SearchResult& result) override;
  void count(const SearchResult& result) override;

 private:
  std::ostream& out_;
};

}  // namespace dipnews
