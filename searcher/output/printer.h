// One printer interface, one back-end per output format (as notmuch's sprinter): the
// search code hands over results and never formats anything itself.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <ostream>
#include <string_view>

#include "search.h"

namespace dipnews {

enum class OutputFormat { text, json, jsonl, tsv, csv, ids, trec };

// Legal --format values, in the order --help lists them: the one table of names.
inline constexpr std::pair<std::string_view, OutputFormat> output_formats[] = {
    {"text", OutputFormat::text}, {"json", OutputFormat::json}, {"jsonl", OutputFormat::jsonl},
    {"tsv", OutputFormat::tsv},   {"csv", OutputFormat::csv},   {"ids", OutputFormat::ids},
    {"trec", OutputFormat::trec}};  // trec: --batch only

// Version of the JSON output schema (docs/output-format.md); bump on any field change.
inline constexpr int json_format_version = 2;

class ResultPrinter {
 public:
  virtual ~ResultPrinter() = default;
  virtual void result(const SearchResult& result) = 0;
  virtual void count(const SearchResult& result) = 0;  // --count: totals only
};

std::unique_ptr<ResultPrinter> make_printer(OutputFormat format, std::ostream& out, bool color);

// --explain-query: how the query was understood (fields resolved, feedback words added, the
// parsed query), one "dipnews-search: LEAD..." line each, for stderr. `lead` names the
// query in a batch ("FILE:LINE: query QID: ") and is empty for a single search.
std::string query_explanation(const SearchResult& result, const std::string& lead = "");

}  // namespace dipnews
