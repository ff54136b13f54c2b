// Line-oriented formats for scripts: --format=jsonl (one hit object per line), tsv and
// csv (one hit per row), ids (one article id per line). Aggregations need --format=json.
#pragma once

#include <ostream>

#include "output/printer.h"

namespace dipnews {

// A score as every line format and batch output writes it: six decimals, so that close
// scores stay apart and a run reads the same in tsv, csv and trec.
std::string score_text(double score);

class JsonlPrinter : public ResultPrinter {
 public:
  explicit JsonlPrinter(std::ostream& out) : out_(out) {}
  void result(const SearchResult& result) override;
  void count(const SearchResult& result) override;

 private:
  std::ostream& out_;
};

// tsv: no header, fields with tabs and newlines turned into spaces (the usual Unix way);
// csv: RFC 4180, with a header row and quoted fields.
class DelimitedPrinter : public ResultPrinter {
 public:
  enum class Style { tsv, csv };
  DelimitedPrinter(std::ostream& out, Style style) : out_(out), style_(style) {}
  void result(const SearchResult& result) override;
  void count(const SearchResult& result) override;

  // Batch CSV: one header row for the whole batch, then each query's rows led by its qid.
  void batch_header();
  void batch_rows(const std::string& qid, const SearchResult& result);
  // Batch --count: a header row "qid,count", then one row per query.
  void batch_count_header();
  void batch_count(const std::string& qid, const SearchResult& result);

  // One row of any table (the actor and topic catalogues too), escaped for the style.
  void row(const std::vector<std::string>& fields);

 private:
  std::vector<std::string> fields_of(const Hit& hit) const;
  std::ostream& out_;
  Style style_;
};

class IdsPrinter : public ResultPrinter {
 public:
  explicit IdsPrinter(std::ostream& out) : out_(out) {}
  void result(const SearchResult& result) override;
  void count(const SearchResult& result) override;

 private:
  std::ostream& out_;
};

}  // namespace dipnews
