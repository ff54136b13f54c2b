// Line-oriented formats for scripts: tsv and csv (one hit per row), ids (one article id
// per line), trec (a TREC run, --batch only). Aggregations need --format=json or text.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "output/printer.h"

namespace dipnews {

// A score as every line format and batch output writes it: six decimals, so that close
// scores stay apart and a run reads the same in tsv, csv and trec.
std::string score_text(double score);

// What tsv and csv share: rows of fields, escaped for the format.
class DelimitedPrinter : public Printer {
 public:
  void count(const SearchResult& result) override;
  void batch_error(const BatchQuery& query, const Error& error) override;  // stderr only

 protected:
  enum class Style { tsv, csv };
  DelimitedPrinter(std::ostream& out, Style style) : out_(out), style_(style) {}
  // One row of any table, escaped for the style.
  void row(const std::vector<std::string>& fields);
  // The hit's columns: the built-in ones, then one per field of the index's own.
  std::vector<std::string> fields_of(const Hit& hit) const;
  std::vector<std::string> header() const;
  void catalogue_rows(const Catalogue& catalogue);

  std::ostream& out_;

 private:
  Style style_;
};

// No header; tabs and newlines in fields turned into spaces (the usual Unix way). A batch
// gives "qid rank id score" rows (--count: "qid count").
class TsvPrinter final : public DelimitedPrinter {
 public:
  explicit TsvPrinter(std::ostream& out) : DelimitedPrinter(out, Style::tsv) {}
  void result(const SearchResult& result) override;
  void batch_begin(bool counts) override;
  void batch_result(const BatchQuery& query, const SearchResult& result) override;
  void batch_count(const BatchQuery& query, const SearchResult& result) override;
  void catalogue(const Catalogue& catalogue) override;
};

// RFC 4180: a header row and quoted fields. A batch has one header for the whole run, then
// each query's rows led by its qid (--count: a "qid,count" header, a row per query).
class CsvPrinter final : public DelimitedPrinter {
 public:
  explicit CsvPrinter(std::ostream& out) : DelimitedPrinter(out, Style::csv) {}
  void result(const SearchResult& result) override;
  void batch_begin(bool counts) override;
  void batch_result(const BatchQuery& query, const SearchResult& result) override;
  void batch_count(const BatchQuery& query, const SearchResult& result) override;
  void catalogue(const Catalogue& catalogue) override;
};

// No batch form: tsv and trec give a batch's ids.
class IdsPrinter final : public Printer {
 public:
  explicit IdsPrinter(std::ostream& out) : out_(out) {}
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

// What keeps a qid or an article id out of a TREC run, or nullopt: a run is split on
// whitespace, so an empty value, a space or any control code point would shift its columns
// ("has a space", "is empty", "has a control character").
std::optional<std::string> trec_field_problem(std::string_view value);

// A TREC run ("qid Q0 id rank score dipnews"), for trec_eval: --batch only, and without
// --count. Errors have no place in a run (stderr only). A query whose qid or one of whose
// hits' ids the format cannot carry (trec_field_problem) is a UsageError for that query,
// thrown before any of its lines is written.
class TrecPrinter final : public Printer {
 public:
  explicit TrecPrinter(std::ostream& out) : out_(out) {}
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
