// One printer interface, one back-end per output format (as notmuch's sprinter): single
// searches, batch runs and the catalogues hand their data over and format nothing themselves.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "error.h"
#include "search.h"

namespace dipnews {

enum class OutputFormat { text, json, jsonl, tsv, csv, ids, trec };

// Legal --format values, in the order --help lists them: the one table of names.
inline constexpr std::pair<std::string_view, OutputFormat> output_formats[] = {
    {"text", OutputFormat::text}, {"json", OutputFormat::json}, {"jsonl", OutputFormat::jsonl},
    {"tsv", OutputFormat::tsv},   {"csv", OutputFormat::csv},   {"ids", OutputFormat::ids},
    {"trec", OutputFormat::trec}};  // trec: --batch only

// Version of the JSON output schema (docs/output-format.md); bump on any field change.
inline constexpr int json_format_version = 6;  // 6: hits[].language

// One query of a --batch file.
struct BatchQuery {
  std::string qid;  // given, or the line number
  std::string text;
};

// --list-actors / --list-topics: what the dictionaries and the index know.
enum class CatalogueKind { actors, topics };

struct CatalogueEntry {
  std::string id;
  std::string type;  // actor type, "topic", or "" for a tag the dictionaries do not know
  std::string name;
  Xapian::doccount articles = 0;  // indexed articles tagged with it
};

struct Catalogue {
  CatalogueKind kind = CatalogueKind::actors;
  std::string dictionary_version;
  std::vector<CatalogueEntry> entries;  // by decreasing number of articles, then id
};

// Every format implements every method. A mode a format cannot carry (--format=trec for a
// single search, json or ids with --batch, --count with trec) is refused where options are
// read (search_options.cc); its method here throws std::logic_error, a bug if ever reached.
class Printer {
 public:
  virtual ~Printer() = default;

  // A single search: its page of hits, or with --count its number of matches.
  virtual void result(const SearchResult& result) = 0;
  virtual void count(const SearchResult& result) = 0;

  // --batch: batch_begin once before the first query (counts: with --count), then each query
  // in input order, by its hits, its number of matches (--count) or its error. An error also
  // goes to stderr, from the batch runner: formats with no room for it write nothing.
  virtual void batch_begin(bool counts) = 0;
  virtual void batch_result(const BatchQuery& query, const SearchResult& result) = 0;
  virtual void batch_count(const BatchQuery& query, const SearchResult& result) = 0;
  virtual void batch_error(const BatchQuery& query, const Error& error) = 0;

  // --list-actors, --list-topics.
  virtual void catalogue(const Catalogue& catalogue) = 0;

  // The index's own fields (common/custom_fields.h), in record order: every hit shows each
  // (text: those it has; json: a "fields" object; tsv, csv: a column each after the others).
  void set_custom_fields(std::vector<std::string> names) { custom_fields_ = std::move(names); }

 protected:
  std::vector<std::string> custom_fields_;
};

// The values a hit has for one of the index's own fields, in input order.
std::vector<std::string> field_values(const Article& article, const std::string& name);
// Several values of one field in one column or line: "A; B".
inline constexpr std::string_view field_value_separator = "; ";

std::unique_ptr<Printer> make_printer(OutputFormat format, std::ostream& out, bool color,
                                      std::vector<std::string> custom_fields = {});

// What a printer method of a refused mode does: throws std::logic_error naming both.
[[noreturn]] void refused_mode(std::string_view format, std::string_view mode);

// --explain-query: how the query was understood (fields resolved, feedback words added, the
// parsed query), one "dipnews-search: LEAD..." line each, for stderr. `lead` names the
// query in a batch ("FILE:LINE: query QID: ") and is empty for a single search.
std::string query_explanation(const SearchResult& result, const std::string& lead = "");

}  // namespace dipnews
