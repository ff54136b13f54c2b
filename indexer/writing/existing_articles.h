// What the index held when the run started, read through its own handle: lets the reading
// thread skip unchanged articles (same content hash) before any work is spent on them, while
// the writer thread writes. Ids written during the run are never looked up here (the run
// rejects duplicate ids), so the start-of-run state is the right one to compare with.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "article.h"

namespace dipnews {

class ExistingArticles {
 public:
  explicit ExistingArticles(const std::string& path);

  // The content hash stored for `id`, nullopt when the index has no such article.
  std::optional<std::string> hash_of(const std::string& id);

  // --retag: the articles tagged with other dictionaries than `version`, and each one as
  // it was read (with only its input's own tags).
  std::vector<Xapian::docid> tagged_otherwise(const std::string& version);
  Article given_article(Xapian::docid docid);

 private:
  template <typename Read>
  auto reading(Read read);

  Xapian::Database open() const;

  std::string path_;
  Xapian::Database db_;
};

}  // namespace dipnews
