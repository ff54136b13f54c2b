// Writes articles into one index: replaces an article with the same id, skips unchanged
// ones by their content hash, and commits in batches so that a killed run leaves the
// last committed state intact.
#pragma once

#include <string>

#include <xapian.h>

#include "article.h"
#include "document_builder.h"
#include "tagger.h"

namespace dipnews {

enum class WriteOutcome { added, replaced, unchanged };

class IndexWriter {
 public:
  // Without a tagger, articles are stored with only the tags given in the input.
  IndexWriter(const std::string& path, unsigned commit_interval, const Tagger* tagger = nullptr,
              std::string tagging_version = "");

  WriteOutcome write(const Article& article);
  bool remove(const std::string& id);  // false when no article has that id
  void commit();
  unsigned uncommitted() const { return changes_since_commit_; }

 private:
  void count_change();
  std::string story_of(const Article& article, const std::optional<Signature>& signature);

  Xapian::WritableDatabase db_;
  DocumentBuilder builder_;
  const Tagger* tagger_;
  std::string tagging_version_;
  unsigned commit_interval_;
  unsigned changes_since_commit_ = 0;
};

}  // namespace dipnews
