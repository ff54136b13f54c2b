#include "output/printer.h"

#include <stdexcept>

#include "output/printer_json.h"
#include "output/printer_lines.h"
#include "output/printer_text.h"
#include "text_util.h"

namespace dipnews {

std::vector<std::string> field_values(const Article& article, const std::string& name) {
  std::vector<std::string> values;
  for (const auto& [field, value] : article.fields) {
    if (field == name) values.push_back(value);
  }
  return values;
}

namespace {

std::unique_ptr<Printer> printer_for(OutputFormat format, std::ostream& out, bool color) {
  switch (format) {
    case OutputFormat::text: return std::make_unique<TextPrinter>(out, color);
    case OutputFormat::json: return std::make_unique<JsonPrinter>(out);
    case OutputFormat::jsonl: return std::make_unique<JsonlPrinter>(out);
    case OutputFormat::tsv: return std::make_unique<TsvPrinter>(out);
    case OutputFormat::csv: return std::make_unique<CsvPrinter>(out);
    case OutputFormat::ids: return std::make_unique<IdsPrinter>(out);
    case OutputFormat::trec: return std::make_unique<TrecPrinter>(out);
  }
  throw std::logic_error("make_printer: no printer for output format " + std::to_string(static_cast<int>(format)));
}

}  // namespace

std::unique_ptr<Printer> make_printer(OutputFormat format, std::ostream& out, bool color,
                                      std::vector<std::string> custom_fields) {
  auto printer = printer_for(format, out, color);
  printer->set_custom_fields(std::move(custom_fields));
  return printer;
}

void refused_mode(std::string_view format, std::string_view mode) {
  throw std::logic_error("--format=" + std::string(format) + " has no form for " + std::string(mode) +
                         " (refused when options are read)");
}

std::string query_explanation(const SearchResult& result, const std::string& lead) {
  const std::string start = "dipnews-search: " + lead;
  std::string out;
  for (const auto& r : result.resolutions) out += start + "field " + one_line(r) + "\n";
  if (!result.expansion.empty()) {
    out += start + "feedback added";
    for (const auto& term : result.expansion) {
      out += ' ';
      out += one_line(term);
    }
    out += "\n";
  }
  return out + start + "parsed " + one_line(result.parsed) + "\n";
}

}  // namespace dipnews
