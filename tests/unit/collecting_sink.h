// An ArticleSink that keeps what a reader produced, for assertions.
#pragma once

#include <vector>

#include "input/article_reader.h"

namespace dipnews::test {

struct CollectingSink : ArticleSink {
  std::vector<Article> articles;
  std::vector<InputError> errors;
  void article(Article&& a) override { articles.push_back(std::move(a)); }
  void error(const InputError& e) override { errors.push_back(e); }
};

}  // namespace dipnews::test
