#include "output/printer.h"

#include "output/printer_json.h"
#include "output/printer_lines.h"
#include "output/printer_text.h"
#include "text_util.h"

namespace dipnews {

std::unique_ptr<ResultPrinter> make_printer(OutputFormat format, std::ostream& out, bool color) {
  switch (format) {
    case OutputFormat::text: return std::make_unique<TextPrinter>(out, color);
    case OutputFormat::json: return std::make_unique<JsonPrinter>(out);
    case OutputFormat::jsonl: return std::make_unique<JsonlPrinter>(out);
    case OutputFormat::tsv: return std::make_unique<DelimitedPrinter>(out, DelimitedPrinter::Style::tsv);
    case OutputFormat::csv: return std::make_unique<DelimitedPrinter>(out, DelimitedPrinter::Style::csv);
    case OutputFormat::ids: return std::make_unique<IdsPrinter>(out);
    case OutputFormat::trec: break;  // a batch format: rejected for single searches when options are read
  }
  return nullptr;
}

std::string query_explanation(const SearchResult& result, const std::string& lead) {
  const std::string start = "dipnews-search: " + lead;
  std::string out;
  for (const auto& r : result.resolutions) out += start + "field " + one_line(r) + "\n";
  if (!result.expansion.empty()) {
    out += start + "feedback added";
    for (const auto& term : result.expansion) out += " " + term;
    out += "\n";
  }
  return out + start + "parsed " + one_line(result.parsed) + "\n";
}

}  // namespace dipnews
