// JSONL input (docs/reference.md, Input): one article object per line.
#pragma once

#include "custom_fields.h"
#include "input/article_reader.h"

namespace dipnews {

// The user's own fields are read from their keys (custom_fields.h): a string is a value, a
// number or true/false its JSON text ("1970", "3.5", "true"), an array several values (of
// those kinds), null or "" none; an object, or an array holding one, is an error for the article.
class JsonlReader : public ArticleReader {
 public:
  explicit JsonlReader(CustomFields fields = {}) : fields_(std::move(fields)) {}
  void read(std::istream& in, const std::string& path, ArticleSink& sink) const override;

 private:
  CustomFields fields_;
};

}  // namespace dipnews
