// One reader interface for every input format: a reader parses a stream and hands each
// article, or each problem with its line number, to a sink. Readers only parse; cleaning
// and validation happen once, in the indexer, whatever the format.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "article.h"
#include "custom_fields.h"
#include "error.h"
#include "input/boilerplate.h"
#include "input/input_files.h"

namespace dipnews {

class ArticleSink {
 public:
  virtual ~ArticleSink() = default;
  virtual void article(Article&& article) = 0;
  virtual void error(const InputError& error) = 0;
};

class ArticleReader {
 public:
  virtual ~ArticleReader() = default;
  // `path` names the input in messages and, for text, supplies the default id and date.
  virtual void read(std::istream& in, const std::string& path, ArticleSink& sink) const = 0;
};

// Files that carry no id (headerless text, HTML pages) take the file name without its
// extension; one whose name starts with YYYY-MM-DD is dated by it. Nothing for stdin.
void apply_path_defaults(const std::string& path, Article& article);

// The boilerplate filter lets the text reader find a headerless file's real title line, and
// the HTML reader tell a page with article text from one with only page furniture.
// `fields`: the user's own fields, read from the keys, headers or meta names they declare.
std::unique_ptr<ArticleReader> make_reader(InputFormat format, const BoilerplateFilter& boilerplate,
                                           const CustomFields& fields = {});

}  // namespace dipnews
