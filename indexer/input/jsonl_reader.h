// JSONL input (docs/reference.md, Input): one article object per line.
#pragma once

#include "input/article_reader.h"

namespace dipnews {

class JsonlReader : public ArticleReader {
 public:
  void read(std::istream& in, const std::string& path, ArticleSink& sink) const override;
};

}  // namespace dipnews
