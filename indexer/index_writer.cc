#include "index_writer.h"

#include "content_hash.h"
#include "database.h"
#include "error.h"
#include "schema.h"

namespace dipnews {

namespace {

// Xapian holds each uncommitted document's postings (with positions) in memory. Measured on
// Reuters and on the synthetic benchmark corpus: peak memory grows by about 20 bytes per byte
// of article text between two commits.
constexpr std::uint64_t memory_per_text_byte = 20;

std::uint64_t memory_estimate(const Xapian::Document& doc) {
  return memory_per_text_byte * (doc.get_data().size() + 64);
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, CommitPolicy policy, const Tagger* tagger,
                         std::string tagging_version, double wait_lock_seconds)
    : db_(open_for_indexing(path, wait_lock_seconds)),
      preparer_(tagger, tagging_version),
      tagging_version_(std::move(tagging_version)),
      policy_(policy) {
  if (policy_.articles == 0) policy_.articles = 1;
  if (tagger) db_.set_metadata(schema::metadata::dictionary_version, tagging_version_);
}

std::string IndexWriter::hash_of(const Article& article) const { return content_hash(article, tagging_version_); }

std::optional<std::string> IndexWriter::stored_hash(const std::string& id) {
  const std::string id_term = schema::id_term(id);
  auto existing = db_.postlist_begin(id_term);
  if (existing == db_.postlist_end(id_term)) return std::nullopt;
  return db_.get_document(*existing).get_value(schema::slot::content_hash);
}

WriteOutcome IndexWriter::write(const Article& article) {
  std::string hash = hash_of(article);
  const auto stored = stored_hash(article.id);
  if (stored == hash) return WriteOutcome::unchanged;
  return store(preparer_.prepare(article, std::move(hash)), stored.has_value());
}

WriteOutcome IndexWriter::store(PreparedArticle&& prepared, bool existed) {
  DocumentBuilder::set_story(prepared.document, story_of(prepared.id, prepared.signature));
  const std::uint64_t estimate = memory_estimate(prepared.document);
  // replace_document(term, ...) adds the document when no document has the term.
  db_.replace_document(schema::id_term(prepared.id), prepared.document);
  count_change(estimate);
  return existed ? WriteOutcome::replaced : WriteOutcome::added;
}

// The story of the most similar article already indexed, when it is a copy of this one
// (shares a signature band and scores at least copy_similarity); else a story of its own.
std::string IndexWriter::story_of(const std::string& id, const std::optional<Signature>& signature) {
  if (!signature) return id;
  std::vector<Xapian::Query> bands;
  for (const auto& key : band_keys(*signature)) bands.emplace_back(schema::prefix::band + key);
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, bands.begin(), bands.end()),
                                  Xapian::Query(schema::id_term(id))));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::string story = id;
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
  count_change(0);
  return true;
}

void IndexWriter::commit() {
  db_.commit();
  changes_since_commit_ = 0;
  memory_since_commit_ = 0;
}

void IndexWriter::count_change(std::uint64_t memory_estimate) {
  memory_since_commit_ += memory_estimate;
  if (++changes_since_commit_ >= policy_.articles || memory_since_commit_ >= policy_.memory_bytes) commit();
}

}  // namespace dipnews
