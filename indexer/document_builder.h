// Turns a cleaned article into the Xapian document the schema describes.
#pragma once

#include <string>

#include <xapian.h>

#include "article.h"

namespace dipnews {

class DocumentBuilder {
 public:
  DocumentBuilder();
  Xapian::Document build(const Article& article, const std::string& content_hash);

 private:
  Xapian::TermGenerator term_generator_;
};

}  // namespace dipnews
