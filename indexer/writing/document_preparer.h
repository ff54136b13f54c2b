// The part of writing an article that needs no index: tagging, the stored fields, the
// near-duplicate signature and the Xapian document with its terms. It is most of the work,
// and it runs on the pipeline's worker threads, one preparer per worker.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

#include "article.h"
#include "custom_fields.h"
#include "tagging/tagger.h"
#include "writing/document_builder.h"
#include "writing/near_duplicate.h"

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
  // `tagging_version` names the dictionaries the tagger was built from.
  // `fields`: the user's own fields, with their slots (custom_fields.h).
  DocumentPreparer(const Tagger* tagger, std::string tagging_version, CustomFields fields = {})
      : tagger_(tagger), tagging_version_(std::move(tagging_version)), builder_(std::move(fields)) {}

  PreparedArticle prepare(const Article& article, std::string content_hash);

 private:
  const Tagger* tagger_;
  std::string tagging_version_;
  DocumentBuilder builder_;  // its TermGenerator is per preparer: not thread-safe
};

}  // namespace dipnews
