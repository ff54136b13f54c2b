#include "writing/existing_articles.h"

#include "document_data.h"
#include "reopen_retry.h"
#include "schema.h"

namespace dipnews {

ExistingArticles::ExistingArticles(const std::string& path)
    : path_(path), db_(open_with_retry([this] { return open(); }, ReopenRetry{})) {}

Xapian::Database ExistingArticles::open() const { return Xapian::Database(path_); }

// Runs `read` on the handle; when the writer has committed twice since the handle's
// revision, reads again at the newest (reopen_retry.h).
template <typename Read>
auto ExistingArticles::reading(Read read) {
  return read_with_reopen(
      db_, ReopenRetry{}, [this] { return open(); }, read);
}

std::optional<std::string> ExistingArticles::hash_of(const std::string& id) {
  const std::string id_term = schema::id_term(id);
  return reading([&]() -> std::optional<std::string> {
    auto it = db_.postlist_begin(id_term);
    if (it == db_.postlist_end(id_term)) return std::nullopt;
    return db_.get_document(*it).get_value(schema::slot::content_hash);
  });
}

std::vector<Xapian::docid> ExistingArticles::tagged_otherwise(const std::string& version) {
  const std::string code = schema::tagged_with_value(version);
  return reading([&] {
    std::vector<Xapian::docid> stale;
    for (auto it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it) {
      if (db_.get_document(*it).get_value(schema::slot::tagged_with) != code) stale.push_back(*it);
    }
    return stale;
  });
}

std::string ExistingArticles::metadata(const std::string& key) {
  return reading([&] { return db_.get_metadata(key); });
}

Article ExistingArticles::given_article(Xapian::docid docid) {
  return reading([&] { return decode_given_article(db_.get_document(docid).get_data()); });
}

}  // namespace dipnews
