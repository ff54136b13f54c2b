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
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "writing/near_duplicate.h"

namespace dipnews {

class StoryIndex {
 public:
  explicit StoryIndex(const std::vector<std::string>& shard_paths);

  // The story `id` belongs to (its own id when it is nobody's copy), and from now on the
  // article is a candidate for the articles after it.
  std::string assign(const std::string& id, const std::optional<Signature>& signature);
  // The article is gone: never a candidate again.
  void forget(const std::string& id);
  // Everything written so far is committed: read it from the shards from now on.
  void committed();

 private:
  struct Recent {
    std::string id;
    Signature signature;
    std::string story;
  };
  template <typename Read>
  auto reading(Read read);
  void consider(const Signature& signature, const Signature& other, const std::string& other_story, double& best,
                std::string& story) const;

  Xapian::Database committed_;
  std::vector<Recent> recent_;
  std::unordered_map<std::string, std::vector<std::size_t>> recent_by_band_;
  // Ids written or removed since the last commit (value: their entry in recent_, or none):
  // their committed versions are stale.
  std::unordered_map<std::string, std::optional<std::size_t>> changed_;
};

}  // namespace dipnews
