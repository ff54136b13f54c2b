// What the index held when the run started, read through its own handle: lets the reading
// thread skip unchanged articles (same content hash) before any work is spent on them, while
// the writer thread writes. Ids written during the run are never looked up here (the run
// rejects duplicate ids), so the start-of-run state is the right one to compare with.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

namespace dipnews {

class ExistingArticles {
 public:
  explicit ExistingArticles(const std::string& path);

  // The content hash stored for `id`, nullopt when the index has no such article.
  std::optional<std::string> hash_of(const std::string& id);

 private:
  Xapian::Database db_;
};

}  // namespace dipnews
