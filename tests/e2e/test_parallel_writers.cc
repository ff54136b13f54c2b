// Parallel writers, one index (indexer/writing/part_merge.h): a run with --jobs N writes parts
// at once and merges them into the index. What it must give is the index one writer gives:
// the same articles, terms and stories, the metadata once, ids replaced wherever they live,
// deletions applied, and nothing left beside the index.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "cli.h"
#include "schema.h"
#include "temp_dir.h"

using namespace dipnews;
using test::index_fingerprint;
using test::run_index;

namespace fs = std::filesystem;

namespace {

// A text of its own for `seed`: 40 words drawn from a few hundred, so that two texts share
// no run of words and only copies make stories.
std::string text_for(int seed) {
  static const char* const syllables[] = {"ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "pe", "do", "gu", "ze"};
  std::uint32_t state = 2654435761u * static_cast<std::uint32_t>(seed + 1);
  std::string text;
  for (int w = 0; w < 40; ++w) {
    state = state * 1664525u + 1013904223u;
    text += std::string(syllables[(state >> 8) % 12]) + syllables[(state >> 16) % 12] + syllables[(state >> 24) % 12];
    text += ' ';
  }
  return text;
}

// `count` articles; every fifth a wire copy of the one before (same story), and `variant`
// changes the text of the even ones (so that a second run replaces them).
std::string articles(int first, int count, const std::string& variant = "") {
  std::string out;
  for (int i = first; i < first + count; ++i) {
    const int text = i % 5 == 4 ? i - 1 : i;
    std::string body = "envoys met in vienna: " + text_for(text);
    if (i % 2 == 0) body += variant;
    out += "{\"id\":\"n" + std::to_string(i) + "\",\"title\":\"Talks " + std::to_string(text) + "\",\"body\":\"" +
           body + "\"}\n";
  }
  return out;
}

std::string write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
  return path.string();
}

std::map<std::string, std::string> metadata(const std::string& path) {
  Xapian::Database db(path);
  std::map<std::string, std::string> out;
  for (auto it = db.metadata_keys_begin(); it != db.metadata_keys_end(); ++it) out[*it] = db.get_metadata(*it);
  return out;
}

// Everything in the index's directory's parent but the index and the inputs.
std::vector<std::string> beside(const fs::path& db) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(db.parent_path())) {
    const std::string name = entry.path().filename().string();
    if (name != db.filename().string() && entry.path().extension() != ".jsonl") out.push_back(name);
  }
  return out;
}

}  // namespace

TEST_CASE("parallel writers: a new index is one ordinary database, as one writer builds it", "[e2e][index]") {
  test::TempDir dir;
  const auto input = write_file(dir / "in.jsonl", articles(0, 300));
  fs::create_directories(dir / "one");
  fs::create_directories(dir / "three");
  REQUIRE(run_index({"--db", dir / "one/db", "--jobs=1", input}).exit_code == 0);
  const auto three = run_index({"--db", dir / "three/db", "--jobs=3", "--commit-interval=40", input});
  REQUIRE(three.exit_code == 0);
  CHECK(test::summary_counts(three.err) == test::Counts{300, 0, 0, 0, 0});
  CHECK(index_fingerprint(dir / "one/db") == index_fingerprint(dir / "three/db"));  // terms and stories alike
  // Parts of 25 articles: each writer closes three and writes a fourth, and the stories
  // are still found across all of them.
  fs::create_directories(dir / "bounded");
  const auto bounded =
      run_index({"--db", dir / "bounded/db", "--jobs=3", "--commit-interval=10", "--part-size=25", input});
  REQUIRE(bounded.exit_code == 0);
  CHECK(index_fingerprint(dir / "one/db") == index_fingerprint(dir / "bounded/db"));
  CHECK(beside(dir / "bounded/db").empty());
  // The metadata once, as one writer leaves it: no part's, no shard stamp.
  CHECK(metadata(dir / "one/db") == metadata(dir / "three/db"));
  CHECK(metadata(dir / "three/db").count(schema::metadata::shard) == 0);
  Xapian::Database merged(dir / "three/db");
  CHECK(merged.get_doccount() == 300);
  CHECK(merged.get_lastdocid() == 300);  // one database, docids 1..N
  CHECK(merged.get_revision() == 1);     // written once, by the compactor
  CHECK(beside(dir / "three/db").empty());
  // Run again: every article found unchanged in the merged index.
  const auto again = run_index({"--db", dir / "three/db", "--jobs=3", input});
  CHECK(test::summary_counts(again.err) == test::Counts{0, 0, 300, 0, 0});
}

TEST_CASE("parallel writers: adding many articles to an index replaces ids wherever they live and applies deletions",
          "[e2e][index]") {
  test::TempDir dir;
  const auto first = write_file(dir / "first.jsonl", articles(0, 60));
  // Many new articles (the run merges), with half of the first run's rewritten.
  const auto second = write_file(dir / "second.jsonl", articles(30, 600, " and a second communique"));
  for (const std::string& layout : {std::string("one"), std::string("two")}) {
    fs::create_directories(dir / layout);
    const std::string db = dir / (layout + "/db");
    const std::string jobs = layout == "one" ? "--jobs=1" : "--jobs=2";
    REQUIRE(run_index({"--db", db, "--jobs=1", first}).exit_code == 0);
    const auto r = run_index({"--db", db, jobs, "--delete", "n3", "--delete", "n7", second});
    REQUIRE(r.exit_code == 0);
    CHECK(test::summary_counts(r.err) == test::Counts{570, 15, 15, 2, 0});
  }
  const auto one = index_fingerprint(dir / "one/db"), two = index_fingerprint(dir / "two/db");
  CHECK(one.size() == 628);
  CHECK(one == two);  // each id once, the new texts, the deletions, the stories
  // Merged: the compactor wrote the index once (one writer commits it run after run).
  CHECK(Xapian::Database(dir / "two/db").get_revision() == 1);
  CHECK(Xapian::Database(dir / "one/db").get_revision() > 2);
  CHECK(beside(dir / "two/db").empty());
}

TEST_CASE("parallel writers: a small addition to a large index is written in place", "[e2e][index]") {
  test::TempDir dir;
  const auto big = write_file(dir / "big.jsonl", articles(0, 400));
  const auto small = write_file(dir / "small.jsonl", articles(1000, 5));
  const std::string db = dir / "db";
  REQUIRE(run_index({"--db", db, "--jobs=1", big}).exit_code == 0);
  const auto before = Xapian::Database(db).get_revision();
  const auto r = run_index({"--db", db, "--jobs=2", small});
  REQUIRE(r.exit_code == 0);
  CHECK(test::summary_counts(r.err) == test::Counts{5, 0, 0, 0, 0});
  CHECK(Xapian::Database(db).get_revision() == before + 1);  // one commit into it, not a merge
  CHECK(beside(dir / "db").empty());
}

TEST_CASE("parallel writers: --compact after a merge does not compact the index again", "[e2e][index]") {
  test::TempDir dir;
  const auto input = write_file(dir / "in.jsonl", articles(0, 200));
  fs::create_directories(dir / "merged");
  const auto merged = run_index({"--db", dir / "merged/db", "--jobs=2", "--compact", input});
  REQUIRE(merged.exit_code == 0);
  CHECK(merged.err.find("nothing to do, the parallel merge wrote it compacted") != std::string::npos);
  CHECK(merged.err.find("compacted '") == std::string::npos);      // compact_index's own line
  CHECK(Xapian::Database(dir / "merged/db").get_revision() == 1);  // the compactor's one write
  // One writer writes in place: --compact still compacts.
  fs::create_directories(dir / "direct");
  const auto direct = run_index({"--db", dir / "direct/db", "--jobs=1", "--compact", input});
  REQUIRE(direct.exit_code == 0);
  CHECK(direct.err.find("compacted '") != std::string::npos);
}
