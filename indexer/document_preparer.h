// The part of writing an article that needs no index: tagging, the stored fields, the
// near-duplicate signature and the Xapian document with its terms. It is most of the work,
// and it runs on the pipeline's worker threads, one preparer per worker.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

#include "article.h"
#include "document_builder.h"
#include "near_duplicate.h"
#include "tagger.h"

namespace dipnews {

struct PreparedArticle {
  std::string id;
  std::string content_hash;
  Xapian::Document document;  // complete but for its story (IndexWriter::store sets it)
  std::optional<Signature> signature;
};

class DocumentPreparer {
 public:
  // Without a tagger, articles keep only the tags given in the input. The tagger is shared
  // between preparers: tagging only reads it.
  explicit DocumentPreparer(const Tagger* tagger) : tagger_(tagger) {}

  PreparedArticle prepare(const Article& article, std::string content_hash);

 private:
  const Tagger* tagger_;
  DocumentBuilder builder_;  // its TermGenerator is per preparer: not thread-safe
};

}  // namespace dipnews
