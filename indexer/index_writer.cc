#include "index_writer.h"

#include "content_hash.h"
#include "database.h"
#include "error.h"
#include "schema.h"

namespace dipnews {

IndexWriter::IndexWriter(const std::string& path, unsigned commit_interval)
    : db_(open_for_indexing(path)), commit_interval_(commit_interval == 0 ? 1 : commit_interval) {}

WriteOutcome IndexWriter::write(const Article& article) {
  const std::string id_term = schema::id_term(article.id);
  const std::string hash = content_hash(article);
  auto existing = db_.postlist_begin(id_term);
  const bool exists = existing != db_.postlist_end(id_term);
  if (exists && db_.get_document(*existing).get_value(schema::slot::content_hash) == hash) {
    return WriteOutcome::unchanged;
  }
  // replace_document(term, ...) adds the document when no document has the term.
  db_.replace_document(id_term, builder_.build(article, hash));
  count_change();
  return exists ? WriteOutcome::replaced : WriteOutcome::added;
}

bool IndexWriter::remove(const std::string& id) {
  const std::string id_term = schema::id_term(id);
  if (!db_.term_exists(id_term)) return false;
  db_.delete_document(id_term);
  count_change();
  return true;
}

void IndexWriter::commit() {
  db_.commit();
  changes_since_commit_ = 0;
}

void IndexWriter::count_change() {
  if (++changes_since_commit_ >= commit_interval_) commit();
}

}  // namespace dipnews
