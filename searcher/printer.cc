#include "printer.h"

#include "printer_json.h"
#include "printer_text.h"

namespace dipnews {

std::unique_ptr<ResultPrinter> make_printer(OutputFormat format, std::ostream& out, bool color) {
  switch (format) {
    case OutputFormat::text: return std::make_unique<TextPrinter>(out, color);
    case OutputFormat::json: return std::make_unique<JsonPrinter>(out);
  }
  return nullptr;
}

}  // namespace dipnews
