// Turns a cleaned article into the Xapian document the schema describes.
#pragma once

#include <string>

#include <xapian.h>

#include "article.h"
#include "near_duplicate.h"
#include "tagger.h"

namespace dipnews {

class DocumentBuilder {
 public:
  DocumentBuilder();
  // `article` carries the tag ids it is stored with; `tags` gives their types for terms.
  // `story` groups the article with its wire copies; `signature` finds later copies.
  Xapian::Document build(const Article& article, const Tags& tags, const std::string& content_hash,
                         const std::string& story, const std::optional<Signature>& signature);

 private:
  Xapian::TermGenerator term_generator_;
};

}  // namespace dipnews
