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

StoryIndex::StoryIndex(const std::vector<std::string>& shard_paths)
    : shard_paths_(shard_paths), committed_(open_with_retry([this] { return open_committed(); }, ReopenRetry{})) {}

Xapian::Database StoryIndex::open_committed() const {
  Xapian::Database all;
  for (const auto& path : shard_paths_) all.add_database(Xapian::Database(path));
  return all;
}

// Runs `read` on `db`; when the writers have committed twice since the handle's revision
// (Xapian's own flushes between ours), reads again at the newest (reopen_retry.h).
template <typename Read>
auto StoryIndex::reading(Xapian::Database& db, const std::function<Xapian::Database()>& open, Read read) {
  return read_with_reopen(db, ReopenRetry{}, open, read);
}

// The most similar wins; among equals the later one, as the articles were written.
bool StoryIndex::consider(const Signature& signature, const Signature& other, const std::string& other_story,
                          Best& best) const {
  if (const double s = similarity(signature, other); s >= best.similarity) {
    best.similarity = s;
    best.story = other_story;
    return true;
  }
  return false;
}

// The committed articles of `db` that share a band with the article.
void StoryIndex::consider_committed(Xapian::Database& db, const std::function<Xapian::Database()>& open,
                                    const std::string& id, const Signature& signature,
                                    const std::vector<std::string>& bands, Best& best) {
  std::vector<Xapian::Query> band_terms;
  for (const auto& key : bands) band_terms.emplace_back(schema::prefix::band + key);
  reading(db, open, [&] {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                    Xapian::Query(Xapian::Query::OP_OR, band_terms.begin(), band_terms.end()),
                                    Xapian::Query(schema::id_term(id))));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet candidates = enquire.get_mset(0, committed_candidates);
    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
      const Xapian::Document doc = it.get_document();
      if (changed_.count(doc.get_value(schema::slot::id))) continue;  // rewritten or removed since
      if (const auto other = decode_signature(doc.get_value(schema::slot::signature))) {
        best.matched |= consider(signature, *other, story_now(doc.get_value(schema::slot::story)), best);
      }
    }
    return 0;
  });
}

StoryIndex::Assignment StoryIndex::assign(const std::string& id, const std::optional<Signature>& signature,
                                          std::size_t database) {
  if (!signature) {
    changed_[id] = std::nullopt;
    return {id, false};
  }
  const auto bands = band_keys(*signature);
  Best best{id};
  consider_committed(
      committed_, [this] { return open_committed(); }, id, *signature, bands, best);
  for (auto& part : parts_) {
    const bool may_hold = !part.bands || std::any_of(bands.begin(), bands.end(), [&](const std::string& key) {
      return part.bands->may_contain(key);
    });
    if (may_hold)
      consider_committed(
          part.db, [&] { return Xapian::Database(part.path); }, id, *signature, bands, best);
  }

  std::vector<std::size_t> seen;
  for (const auto& key : bands) {
    if (auto it = recent_by_band_.find(key); it != recent_by_band_.end())
      seen.insert(seen.end(), it->second.begin(), it->second.end());
  }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  for (const std::size_t i : seen) {
    const Recent& r = recent_[i];
    const auto current = changed_.find(r.id);
    if (r.id == id || current == changed_.end() || current->second != i) continue;  // superseded
    best.matched |= consider(*signature, r.signature, r.story, best);
  }

  if (database >= shard_paths_.size()) {
    auto& part = parts_.at(database - shard_paths_.size());
    if (part.bands) {
      for (const auto& key : bands) part.bands->add(key);
    }
  }
  remember(id, *signature, best.story);
  return {best.story, best.matched && best.story == id};
}

void StoryIndex::remember(const std::string& id, const Signature& signature, const std::string& story) {
  changed_[id] = recent_.size();
  recent_.push_back({id, signature, story});
  for (const auto& key : band_keys(signature)) recent_by_band_[key].push_back(recent_.size() - 1);
  recent_by_story_[story].push_back(recent_.size() - 1);
}

bool StoryIndex::has_uncommitted_followers(const std::string& id) const {
  const auto it = recent_by_story_.find(id);
  if (it == recent_by_story_.end()) return false;
  for (const std::size_t i : it->second) {
    const Recent& r = recent_[i];
    const auto current = changed_.find(r.id);
    if (r.id != id && current != changed_.end() && current->second == i) return true;
  }
  return false;
}

const std::string& StoryIndex::story_now(const std::string& written) const {
  const auto it = regroup_of_.find(written);
  return it == regroup_of_.end() ? written : regroups_[it->second].story;
}

// Appends the committed followers of `id` in `db`, in database database(docid) (again from
// the same place if the read has to be retried). Only their id is read, not their document.
void StoryIndex::collect_followers(Xapian::Database& db, const std::function<Xapian::Database()>& open,
                                   const std::string& id, const std::function<std::size_t(Xapian::docid)>& database,
                                   std::vector<Member>& followers) {
  const std::size_t first = followers.size();
  const std::string story_term = schema::prefix::story + id;
  reading(db, open, [&] {
    followers.resize(first);
    if (db.get_termfreq(story_term) == 0) return 0;
    for (auto it = db.postlist_begin(story_term); it != db.postlist_end(story_term); ++it) {
      std::string follower = db.get_document(*it).get_value(schema::slot::id);
      if (follower == id || changed_.count(follower)) continue;  // rewritten or removed since
      followers.push_back({std::move(follower), database(*it)});
    }
    return 0;
  });
}

void StoryIndex::leave(const std::string& id) {
  std::vector<Member> followers;
  // Xapian interleaves the documents of a combined database: docid d is in database
  // (d - 1) mod n.
  const std::size_t n = shard_paths_.size();
  collect_followers(
      committed_, [this] { return open_committed(); }, id, [n](Xapian::docid d) { return (d - 1) % n; }, followers);
  for (std::size_t k = 0; k < parts_.size(); ++k) {
    collect_followers(
        parts_[k].db, [&] { return Xapian::Database(parts_[k].path); }, id, [n, k](Xapian::docid) { return n + k; },
        followers);
  }
  // The followers written under `id`, and those already regrouped under it since the last
  // commit (it was the smallest of them): one story, whose smallest id left leads it now.
  std::size_t group;
  if (const auto led = regroup_led_by_.find(id); led != regroup_led_by_.end()) {
    group = led->second;
    regroup_led_by_.erase(led);
  } else if (!followers.empty()) {
    group = regroups_.size();
    regroups_.emplace_back();
  } else {
    return;  // nobody followed it
  }
  Regroup& regroup = regroups_[group];
  if (!followers.empty()) {
    regroup_of_[id] = group;
    for (auto& f : followers) regroup.members.push_back(std::move(f));
    std::sort(regroup.members.begin(), regroup.members.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  }
  regroup.story.clear();
  for (const auto& member : regroup.members) {
    if (changed_.count(member.id)) continue;  // rewritten or removed since (`id` among them)
    regroup.story = member.id;
    regroup_led_by_[member.id] = group;
    break;
  }
}

std::vector<StoryIndex::Regrouped> StoryIndex::regrouped() const {
  std::vector<Regrouped> out;
  for (const auto& regroup : regroups_) {
    for (const auto& member : regroup.members) {
      if (!changed_.count(member.id)) out.push_back({member.id, regroup.story, member.database});
    }
  }
  return out;
}

void StoryIndex::add_part(const std::string& path, unsigned long expected_articles) {
  Part part{path, open_with_retry([&] { return Xapian::Database(path); }, ReopenRetry{}), std::nullopt};
  if (expected_articles > 0) part.bands.emplace(expected_articles * minhash_bands);
  parts_.push_back(std::move(part));
}

void StoryIndex::forget(const std::string& id) { changed_[id] = std::nullopt; }

void StoryIndex::committed() {
  reopen_newest(
      committed_, [this] { return open_committed(); }, ReopenRetry{});
  for (auto& part : parts_) {
    reopen_newest(
        part.db, [&] { return Xapian::Database(part.path); }, ReopenRetry{});
  }
  recent_.clear();
  recent_by_band_.clear();
  recent_by_story_.clear();
  changed_.clear();
  regroups_.clear();
  regroup_of_.clear();
  regroup_led_by_.clear();
}

}  // namespace dipnews
