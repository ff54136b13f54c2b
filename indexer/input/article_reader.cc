#include "input/article_reader.h"

#include <filesystem>

#include "date.h"
#include "input/html_reader.h"
#include "input/jsonl_reader.h"
#include "input/text_reader.h"

namespace dipnews {

void apply_path_defaults(const std::string& path, Article& a) {
  if (path == stdin_label) return;
  const std::string stem = std::filesystem::path(path).stem().string();
  if (a.id.empty()) a.id = stem;
  if (a.date.empty() && stem.size() >= 10) {
    if (auto date = parse_partial_date(std::string_view(stem).substr(0, 10)); date && date->size() == 10) {
      a.date = *date;
    }
  }
}

std::unique_ptr<ArticleReader> make_reader(InputFormat format, const BoilerplateFilter& boilerplate,
                                           const CustomFields& fields) {
  switch (format) {
    case InputFormat::jsonl: return std::make_unique<JsonlReader>(fields);
    case InputFormat::text: return std::make_unique<TextReader>(boilerplate, fields);
    case InputFormat::html: return std::make_unique<HtmlReader>(boilerplate, fields);
  }
  return nullptr;
}

}  // namespace dipnews
