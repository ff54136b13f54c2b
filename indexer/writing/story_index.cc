#include "writing/story_index.h"

#include <algorithm>

#include "reopen_retry.h"
#include "schema.h"

namespace dipnews {

namespace {

// Candidates read from the committed articles: copies of one story are few, and an article
// sharing a band with more than this many is boilerplate-like text, not a wire story.
constexpr Xapian::doccount committed_candidates = 50;

}  // namespace

StoryIndex::StoryIndex(const std::vector<std::string>& shard_paths) {
  for (const auto& path : shard_paths) committed_.add_database(Xapian::Database(path));
}

// Runs `read`; when the writers have committed twice since the handle's revision (Xapian's
// own flushes between ours), reopens at the newest and reads again.
template <typename Read>
auto StoryIndex::reading(Read read) {
  return read_with_reopen(committed_, ReopenRetry{}, read);
}

// The most similar wins; among equals the later one, as the articles were written.
void StoryIndex::consider(const Signature& signature, const Signature& other, const std::string& other_story,
                          double& best, std::string& story) const {
  if (const double s = similarity(signature, other); s >= best) {
    best = s;
    story = other_story;
  }
}

std::string StoryIndex::assign(const std::string& id, const std::optional<Signature>& signature) {
  if (!signature) {
    changed_[id] = std::nullopt;
    return id;
  }
  const auto bands = band_keys(*signature);
  std::string story = id;
  double best = copy_similarity;

  std::vector<Xapian::Query> band_terms;
  for (const auto& key : bands) band_terms.emplace_back(schema::prefix::band + key);
  reading([&] {
    Xapian::Enquire enquire(committed_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                    Xapian::Query(Xapian::Query::OP_OR, band_terms.begin(), band_terms.end()),
                                    Xapian::Query(schema::id_term(id))));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet candidates = enquire.get_mset(0, committed_candidates);
    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
      const Xapian::Document doc = it.get_document();
      if (changed_.count(doc.get_value(schema::slot::id))) continue;  // rewritten or removed since
      if (const auto other = decode_signature(doc.get_value(schema::slot::signature))) {
        consider(*signature, *other, doc.get_value(schema::slot::story), best, story);
      }
    }
    return 0;
  });

  std::vector<std::size_t> seen;
  for (const auto& key : bands) {
    if (auto it = recent_by_band_.find(key); it != recent_by_band_.end()) seen.insert(seen.end(), it->second.begin(), it->second.end());
  }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  for (const std::size_t i : seen) {
    const Recent& r = recent_[i];
    const auto current = changed_.find(r.id);
    if (r.id == id || current == changed_.end() || current->second != i) continue;  // superseded
    consider(*signature, r.signature, r.story, best, story);
  }

  changed_[id] = recent_.size();
  recent_.push_back({id, *signature, story});
  for (const auto& key : bands) recent_by_band_[key].push_back(recent_.size() - 1);
  return story;
}

void StoryIndex::forget(const std::string& id) { changed_[id] = std::nullopt; }

void StoryIndex::committed() {
  committed_.reopen();
  recent_.clear();
  recent_by_band_.clear();
  changed_.clear();
}

}  // namespace dipnews
