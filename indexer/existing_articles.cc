#include "existing_articles.h"

#include "schema.h"

namespace dipnews {

ExistingArticles::ExistingArticles(const std::string& path) : db_(path) {}

std::optional<std::string> ExistingArticles::hash_of(const std::string& id) {
  const std::string id_term = schema::id_term(id);
  for (int attempt = 0;; ++attempt) {
    try {
      auto it = db_.postlist_begin(id_term);
      if (it == db_.postlist_end(id_term)) return std::nullopt;
      return db_.get_document(*it).get_value(schema::slot::content_hash);
    } catch (const Xapian::DatabaseModifiedError&) {
      // The writer has committed twice since this handle's revision: read the newest one.
      if (attempt == 3) throw;
      db_.reopen();
    }
  }
}

}  // namespace dipnews
