#include "batch.h"

#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "bounded_read.h"
#include "database.h"
#include "ordered_pool.h"
#include "output/printer_lines.h"
#include "resource_limits.h"
#include "text_util.h"

namespace dipnews {

std::optional<BatchQuery> parse_batch_line(const std::string& line, long number) {
  const std::string_view trimmed = trim(line);
  if (trimmed.empty() || trimmed.front() == '#') return std::nullopt;
  const auto tab = line.find('\t');
  if (tab == std::string::npos) return BatchQuery{std::to_string(number), std::string(trimmed)};
  return BatchQuery{std::string(trim(std::string_view(line).substr(0, tab))),
                    std::string(trim(std::string_view(line).substr(tab + 1)))};
}

namespace {

struct NumberedQuery {
  long line = 0;
  BatchQuery query;
  bool too_long = false;  // the line was longer than any query may be, and was not kept
};

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// One query's output, rendered by its worker, written in input order.
struct RenderedResult {
  std::string out;
  std::string diagnostic;   // for stderr; empty when the query succeeded
  std::string explanation;  // --explain-query, for stderr
};

// "FILE:LINE: query QID: ", how stderr names a batch query, one line whatever the input holds.
// A line with an empty qid has no "query QID: ".
std::string query_lead(const SearchOptions& options, const NumberedQuery& item) {
  const std::string query = item.query.qid.empty() ? "" : "query " + item.query.qid + ": ";
  return one_line(options.batch + ":" + std::to_string(item.line) + ": " + query);
}

RenderedResult run_one(const SearchOptions& options, Searcher& searcher, const NumberedQuery& item) {
  std::ostringstream out;
  // A batch is never coloured.
  const auto printer = make_printer(options.format, out, false, field_names(searcher.custom_fields()));
  RenderedResult rendered;
  SearchRequest request = options.request;
  request.text = item.query.text;
  try {
    if (item.too_long) {
      throw UsageError("the line is longer than " + limits::describe_bytes(limits::max_batch_line_bytes) +
                       ", the most a batch line may have");
    }
    // "\tquery": a qid column left empty (by a spreadsheet export?). Numbering the line instead
    // could give two queries one qid ("3" written on another line).
    if (item.query.qid.empty()) throw UsageError("empty qid before the tab (write QID<TAB>QUERY, or the query alone)");
    if (trim(item.query.text).empty()) throw UsageError("empty query");
    if (options.format == OutputFormat::trec) {
      if (auto problem = trec_field_problem(item.query.qid)) {  // before searching; the printer checks the ids
        throw UsageError("the qid '" + item.query.qid + "' " + *problem + ", which the TREC run format cannot carry");
      }
    }
    const SearchResult result = searcher.search(request);
    if (request.count_only) printer->batch_count(item.query, result);
    else printer->batch_result(item.query, result);
    if (options.explain_query) rendered.explanation = query_explanation(result, query_lead(options, item));
  } catch (const UsageError& e) {
    rendered.diagnostic = "dipnews-search: " + query_lead(options, item) + one_line(e.message()) + "\n";
    printer->batch_error(item.query, e);
  }
  rendered.out = std::move(out).str();
  return rendered;
}

}  // namespace

unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

ExitCode run_batch(const SearchOptions& options, const LazyDictionary& dictionary, std::istream& in,
                   std::ostream& out) {
  const unsigned jobs = options.jobs == 0 ? default_jobs() : options.jobs;
  // One database handle and query parser per worker: Xapian objects are not shared
  // between threads.
  std::vector<std::unique_ptr<Searcher>> searchers;
  for (unsigned w = 0; w < jobs; ++w)
    searchers.push_back(std::make_unique<Searcher>(
        open_for_search(options.dbs), [&options] { return open_for_search(options.dbs); }, dictionary));

  make_printer(options.format, out, false, field_names(searchers.front()->custom_fields()))
      ->batch_begin(options.request.count_only);
  long number = 0;
  auto next = [&]() -> std::optional<NumberedQuery> {
    std::string line;
    // Lines end at LF, CRLF or a lone CR (old Mac files): each CR-ended line is a query, as
    // an editor shows it, never one long query with the rest folded into it.
    for (LineRead got;
         (got = read_bounded_line(in, line, limits::max_batch_line_bytes, LineEnds::any)) != LineRead::end;) {
      ++number;
      if (got == LineRead::too_long) return NumberedQuery{number, {std::to_string(number), ""}, true};
      // A byte-order mark, as some Windows editors save UTF-8: not part of the first qid.
      if (number == 1 && line.rfind(utf8_bom, 0) == 0) line.erase(0, utf8_bom.size());
      if (auto query = parse_batch_line(line, number)) return NumberedQuery{number, std::move(*query)};
    }
    return std::nullopt;
  };
  auto work = [&](unsigned worker, NumberedQuery& item) { return run_one(options, *searchers[worker], item); };
  bool failed = false;
  auto emit = [&](RenderedResult& r) {
    std::cerr << r.explanation;
    if (!r.diagnostic.empty()) {
      failed = true;
      std::cerr << r.diagnostic << std::flush;
    }
    out << r.out;
    ensure_written(out);  // streaming: a script reading the pipe sees each result at once
  };
  OrderedPool<NumberedQuery, RenderedResult>(jobs, std::size_t{16} * jobs, work, emit).run(next);
  return failed ? ExitCode::failure : ExitCode::success;
}

}  // namespace dipnews
