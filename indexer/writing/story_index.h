// Finds the story of an article being written: the wire copies it belongs with, across every
// shard of the index. A story is the id of its first article; an article whose text is close
// enough to one already indexed (shares a MinHash band and scores at least copy_similarity)
// joins that article's story, else starts its own. The search collapses hits on it.
//
// The index is written by one thread per shard, so the story cannot be looked up in the
// databases being written. It is looked up in two places instead: the articles committed
// before (one read-only handle over every shard, reopened at each commit) and those written
// since the last commit (kept here in memory, and dropped once committed). Both are read in
// input order by the in-order writer, so every layout groups the same copies.
//
// A run writing parts (part_merge.h) adds each part here: its committed articles are read
// through a handle of its own, and only when the article's band keys may be among those
// written to it (a BandFilter per part). A long run closes many parts; an article that is
// nobody's copy then costs a lookup in the index alone, not in every part.
//
// A story follows its articles: when its first article is rewritten with text that is no
// longer a copy of the others, or removed, the others (its followers) are re-keyed to the
// smallest of their ids, the same in every shard layout, and stay one story. The re-keying is
// kept here until the next commit (leave, regrouped): lookups see the followers under their
// new story at once, and the writer rewrites each of them once, just before it commits, in
// place (only their story changes). Re-indexing a story's copies one after another, each
// leaving the story the one before it left (an updated wire story carried by a thousand
// outlets), then costs one rewrite of the followers a commit, not one an article.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "writing/band_filter.h"
#include "writing/near_duplicate.h"

namespace dipnews {

class StoryIndex {
 public:
  // The index's databases (one, or its shards), numbered 0..n-1 in this order.
  explicit StoryIndex(const std::vector<std::string>& shard_paths);

  struct Assignment {
    std::string story;
    // The article is a copy of one of the story it led before (story == its id): its
    // followers keep their story.
    bool kept_own_story = false;
  };
  // The story `id` belongs to (its own id when it is nobody's copy), and from now on the
  // article is a candidate for the articles after it. `database`: where it is written (the
  // numbering of the constructor and add_part).
  Assignment assign(const std::string& id, const std::optional<Signature>& signature, std::size_t database);
  // Whether articles written since the last commit follow `id` (have it as their story):
  // the writer commits before it changes `id`, so that its followers are all committed.
  bool has_uncommitted_followers(const std::string& id) const;
  // `id` leaves the story it led (the article is rewritten with other text, or removed): its
  // committed followers take the smallest of their ids as their story. From now on they are
  // candidates with that story; they are written with it at the next commit (regrouped).
  void leave(const std::string& id);
  struct Regrouped {
    std::string id;
    std::string story;     // its story now
    std::size_t database;  // where it lives (the numbering of the constructor and add_part)
  };
  // Every committed article whose story changed since the last commit, with its story now:
  // the writer writes them into the commit it is about to make.
  std::vector<Regrouped> regrouped() const;
  // The article is gone: never a candidate again.
  void forget(const std::string& id);
  // Everything written so far is committed: read it from the shards from now on.
  void committed();
  // A part database of this run (created, empty): the next database number. Its articles
  // are read only where their band keys may be, for a part of at most `expected_articles`
  // (0: unknown, it is always read).
  void add_part(const std::string& path, unsigned long expected_articles);

 private:
  struct Recent {
    std::string id;
    Signature signature;
    std::string story;
  };
  struct Part {
    std::string path;
    Xapian::Database db;
    std::optional<BandFilter> bands;  // of every article written to it; none: always read
  };
  struct Best {
    std::string story;
    double similarity = copy_similarity;
    bool matched = false;
  };
  // A committed follower of a story whose first article left since the last commit.
  struct Member {
    std::string id;
    std::size_t database;
  };
  // The committed followers of one or more departed first articles, one story again.
  struct Regroup {
    std::vector<Member> members;  // by id
    std::string story;            // the smallest id among the members left; "" when none is
  };
  template <typename Read>
  auto reading(Xapian::Database& db, const std::function<Xapian::Database()>& open, Read read);
  void consider_committed(Xapian::Database& db, const std::function<Xapian::Database()>& open, const std::string& id,
                          const Signature& signature, const std::vector<std::string>& bands, Best& best);
  void collect_followers(Xapian::Database& db, const std::function<Xapian::Database()>& open, const std::string& id,
                         const std::function<std::size_t(Xapian::docid)>& database, std::vector<Member>& followers);
  void remember(const std::string& id, const Signature& signature, const std::string& story);
  bool consider(const Signature& signature, const Signature& other, const std::string& other_story, Best& best) const;
  // The story now of a committed article written with `written` (and not changed since).
  const std::string& story_now(const std::string& written) const;

  Xapian::Database open_committed() const;

  std::vector<std::string> shard_paths_;
  Xapian::Database committed_;  // the index's databases
  std::vector<Part> parts_;
  std::vector<Recent> recent_;
  std::unordered_map<std::string, std::vector<std::size_t>> recent_by_band_;
  std::unordered_map<std::string, std::vector<std::size_t>> recent_by_story_;
  // Ids written or removed since the last commit (value: their entry in recent_, or none):
  // their committed versions are stale.
  std::unordered_map<std::string, std::optional<std::size_t>> changed_;
  std::vector<Regroup> regroups_;                                // since the last commit
  std::unordered_map<std::string, std::size_t> regroup_of_;      // story as written -> regroup
  std::unordered_map<std::string, std::size_t> regroup_led_by_;  // story now -> regroup
};

}  // namespace dipnews
