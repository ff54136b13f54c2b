#include "article_reader.h"

#include "jsonl_reader.h"
#include "text_reader.h"

namespace dipnews {

std::unique_ptr<ArticleReader> make_reader(InputFormat format, const BoilerplateFilter& boilerplate) {
  switch (format) {
    case InputFormat::jsonl: return std::make_unique<JsonlReader>();
    case InputFormat::text: return std::make_unique<TextReader>(boilerplate);
  }
  return nullptr;
}

}  // namespace dipnews
