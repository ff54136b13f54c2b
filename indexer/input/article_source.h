// The one path from the indexer's INPUT arguments to clean articles, shared by indexing
// and --explain: expands inputs, reads each with its format's reader, cleans each
// article, and reports problems as FILE:LINE: error: WHAT.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "index_options.h"
#include "input/article_reader.h"
#include "input/boilerplate.h"

namespace dipnews {

class ArticleSource {
 public:
  explicit ArticleSource(const IndexOptions& options);

  // Calls on_article for every article that can be indexed and on_error for every
  // problem (inputs that cannot be read, articles that fail cleaning); on_file, if given,
  // before each file is read, with its size (0 for stdin).
  using FileObserver = std::function<void(const std::string& path, std::uint64_t size)>;
  void read_all(const std::function<void(Article&&)>& on_article,
                const std::function<void(const InputError&)>& on_error, const FileObserver& on_file = {}) const;

  // The size of every input file together; 0 when an input is stdin (no total is known).
  std::uint64_t total_bytes() const;

 private:
  const IndexOptions& options_;
  BoilerplateFilter boilerplate_;
};

}  // namespace dipnews
