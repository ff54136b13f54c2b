// Text input (docs/reference.md, Input): an optional header block of "Key: value" lines ended by a blank
// line, then the body. Raw scraped text with no header works too: the title is the
// first line that is not site boilerplate, the id is the file name without extension,
// and a file name starting with YYYY-MM-DD gives the date.
#pragma once

#include "input/article_reader.h"

namespace dipnews {

class TextReader : public ArticleReader {
 public:
  explicit TextReader(const BoilerplateFilter& boilerplate) : boilerplate_(boilerplate) {}
  void read(std::istream& in, const std::string& path, ArticleSink& sink) const override;

 private:
  const BoilerplateFilter& boilerplate_;
};

}  // namespace dipnews
