// Runs the real dipnews binaries for end-to-end tests.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "process.h"

namespace dipnews::test {

ProcessResult run_index(const std::vector<std::string>& args, const std::string& input = "");
ProcessResult run_search(const std::vector<std::string>& args, const std::string& input = "");

// Runs a binary (DIPNEWS_INDEX_BIN or DIPNEWS_SEARCH_BIN) with its standard output on
// /dev/full, where every write fails as on a full disk; stderr is captured as usual.
ProcessResult run_to_full_disk(const char* binary, const std::vector<std::string>& args, const std::string& input = "");

// How many articles the bundled corpus holds (JSONL lines plus text and HTML files).
int bundled_article_count();

// One index of the bundled corpus, shared (read only) by the tests: the one CTest's setup test
// built for the whole run ($DIPNEWS_TEST_CORPUS_DB, tests/CMakeLists.txt), else one built on
// first use by this process.
const std::string& bundled_corpus_db();

// The counts of dipnews-index's summary line on stderr ("N added, N replaced, N unchanged,
// N deleted, N skipped with errors; S s, R articles/s"), in that order; empty without one.
std::vector<int> summary_counts(const std::string& err);
using Counts = std::vector<int>;

// Every article's id with its stored data (tags, story) and its terms with their wdf: two
// indexes with equal fingerprints answer every query alike.
std::map<std::string, std::string> index_fingerprint(const std::string& path);

// The code points [start, end) of UTF-8 text, as evidence offsets count them.
std::string code_point_slice(const std::string& text, std::size_t start, std::size_t end);

}  // namespace dipnews::test
