// The one path from the indexer's INPUT arguments to clean articles, shared by indexing
// and --explain: expands inputs, reads each with its format's reader, cleans each
// article, and reports problems as FILE:LINE: error: WHAT.
#pragma once

#include <functional>

#include "article_reader.h"
#include "boilerplate.h"
#include "index_options.h"

namespace dipnews {

class ArticleSource {
 public:
  explicit ArticleSource(const IndexOptions& options);

  // Calls on_article for every article that can be indexed and on_error for every
  // problem (inputs that cannot be read, articles that fail cleaning).
  void read_all(const std::function<void(Article&&)>& on_article,
                const std::function<void(const InputError&)>& on_error) const;

 private:
  const IndexOptions& options_;
  BoilerplateFilter boilerplate_;
};

}  // namespace dipnews
