// Text input (docs/reference.md, Input): an optional header block of "Key: value" lines ended by a blank
// line, then the body. Raw scraped text with no header works too: the title is the
// first line that is not site boilerplate, the id is the file name without extension,
// and a file name starting with YYYY-MM-DD gives the date.
#pragma once

#include "input/article_reader.h"

namespace dipnews {

// The user's own fields come from their header lines ("Speaker: Wang Yi"; the key in any case,
// a header repeated gives several values), and a declared header may open the header block.
class TextReader : public ArticleReader {
 public:
  explicit TextReader(const BoilerplateFilter& boilerplate, CustomFields fields = {})
      : boilerplate_(boilerplate), fields_(std::move(fields)) {}
  void read(std::istream& in, const std::string& path, ArticleSink& sink) const override;

 private:
  const BoilerplateFilter& boilerplate_;
  CustomFields fields_;
};

}  // namespace dipnews
