#include "index_writer.h"

#include "content_hash.h"
#include "database.h"
#include "error.h"
#include "schema.h"

namespace dipnews {

IndexWriter::IndexWriter(const std::string& path, unsigned commit_interval, const Tagger* tagger,
                         std::string tagging_version)
    : db_(open_for_indexing(path)),
      tagger_(tagger),
      tagging_version_(std::move(tagging_version)),
      commit_interval_(commit_interval == 0 ? 1 : commit_interval) {
  if (tagger_) db_.set_metadata(schema::metadata::dictionary_version, tagging_version_);
}

namespace {
// Tags given in the input only, for runs without a dictionary.
Tags input_tags(const Article& a) {
  Tags tags;
  for (const auto& id : a.actors) tags.actors.push_back({id, std::nullopt, id, {}});
  for (const auto& id : a.topics) tags.topics.push_back({id, id, 0, {}});
  return tags;
}
}  // namespace

WriteOutcome IndexWriter::write(const Article& article) {
  const std::string id_term = schema::id_term(article.id);
  const std::string hash = content_hash(article, tagging_version_);
  auto existing = db_.postlist_begin(id_term);
  const bool exists = existing != db_.postlist_end(id_term);
  if (exists && db_.get_document(*existing).get_value(schema::slot::content_hash) == hash) {
    return WriteOutcome::unchanged;
  }
  // replace_document(term, ...) adds the document when no document has the term.
  const Tags tags = tagger_ ? tagger_->tag(article) : input_tags(article);
  Article stored = article;  // stored with the ids of every tag, automatic and given
  stored.actors.clear();
  stored.topics.clear();
  for (const auto& a : tags.actors) stored.actors.push_back(a.id);
  for (const auto& t : tags.topics) stored.topics.push_back(t.id);
  const auto signature = minhash(article.body);  // the body: copies often change the headline
  const std::string story = story_of(article, signature);
  db_.replace_document(id_term, builder_.build(stored, tags, hash, story, signature));
  count_change();
  return exists ? WriteOutcome::replaced : WriteOutcome::added;
}

// The story of the most similar article already indexed, when it is a copy of this one
// (shares a signature band and scores at least copy_similarity); else a story of its own.
std::string IndexWriter::story_of(const Article& article, const std::optional<Signature>& signature) {
  if (!signature) return article.id;
  std::vector<Xapian::Query> bands;
  for (const auto& key : band_keys(*signature)) bands.emplace_back(schema::prefix::band + key);
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, bands.begin(), bands.end()),
                                  Xapian::Query(schema::id_term(article.id))));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::string story = article.id;
  double best = copy_similarity;
  const Xapian::MSet candidates = enquire.get_mset(0, 50);
  for (auto it = candidates.begin(); it != candidates.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    const auto other = decode_signature(doc.get_value(schema::slot::signature));
    if (!other) continue;
    if (const double s = similarity(*signature, *other); s >= best) {
      best = s;
      story = doc.get_value(schema::slot::story);
    }
  }
  return story;
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
