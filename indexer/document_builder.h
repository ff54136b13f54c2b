// Turns a cleaned article into the Xapian document the schema describes.
#pragma once

#include <string>

#include <xapian.h>

#include "article.h"
#include "tagger.h"

namespace dipnews {

class DocumentBuilder {
 public:
  DocumentBuilder();
  // `article` carries the tag ids it is stored with; `tags` gives their types for terms.
  Xapian::Document build(const Article& article, const Tags& tags, const std::string& content_hash);

 private:
  Xapian::TermGenerator term_generator_;
};

}  // namespace dipnews
