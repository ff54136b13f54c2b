// dipnews-search --saved NAME --new: only the articles indexed since that saved search last
// ran with --new on this index (docs/design.md, "New articles").
//
// Every article carries the moment it was last added or changed (schema::slot::indexed),
// strictly increasing in the order the indexer writes. After a run, the largest value the
// index held when it was searched is remembered; the next run asks for larger ones. One
// state file per saved search, $XDG_STATE_HOME/dipnews/new/NAME (default
// ~/.local/state), one line per index: "INDEX<TAB>VALUE", INDEX the absolute paths the
// search opened (the --db values, '|'-joined). Paths, not Xapian's UUID: compaction gives
// an index a new UUID and keeps its values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace dipnews {

class NewArticlesMark {
 public:
  // `dbs`: the --db values the search opens (resolved: common/database.h).
  NewArticlesMark(const std::string& search_name, const std::vector<std::string>& dbs);

  // The largest indexed value the last --new run saw on this index; nullopt before the
  // first run (then every match is new). Throws RuntimeFailure "FILE:LINE: WHAT" for a bad line.
  std::optional<std::uint64_t> last_seen() const;

  // Remembers `seen` for this index (other indexes' lines kept), atomically: a new file
  // renamed over the old one. Call only once the results are written.
  void advance(std::uint64_t seen) const;

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::string index_;
};

// The largest indexed value `db` holds, at the revision it has open; nullopt for an index
// with no articles.
std::optional<std::uint64_t> newest_indexed(const Xapian::Database& db);

}  // namespace dipnews
