// The hostile-input table (docs/reliability.md): each row feeds the real binaries one kind of
// bad input, next to good articles, and states exactly what must happen: the message naming
// the file and line, what is skipped, what is still indexed, and the exit status. Big inputs
// are generated here, in a temporary directory, never committed.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "document_data.h"
#include "resource_limits.h"
#include "schema.h"
#include "temp_dir.h"

using namespace dipnews;
using test::run_index;
using test::run_search;

namespace {

using test::Counts;
using test::summary_counts;

std::string jsonl_line(const std::string& id, const std::string& body) {
  return "{\"id\":\"" + id + "\",\"title\":\"" + id + "\",\"body\":\"" + body + "\"}\n";
}

// Good articles beside every hostile input: they must always be indexed.
void write_good_articles(const test::TempDir& dir) {
  dir.write("in/good.jsonl",
            jsonl_line("good-1", "ceasefire talks in geneva") + jsonl_line("good-2", "ceasefire holds"));
}

int count(const std::string& db, const std::string& query) {
  auto r = run_search({"--db", db, "--count", query});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return std::stoi(r.out);
}

Article stored(const std::string& db, const std::string& id) {
  Xapian::Database d(db);
  auto posting = d.postlist_begin(schema::id_term(id));
  REQUIRE(posting != d.postlist_end(schema::id_term(id)));
  return decode_document_data(d.get_document(*posting).get_data());
}

// Writes `bytes` bytes: `head`, then `fill` repeated, then `tail` (for files of tens of MB).
std::string write_big(const test::TempDir& dir, const std::string& name, const std::string& head,
                      const std::string& fill, std::size_t bytes, const std::string& tail) {
  const std::string path = dir / name;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << head;
  std::string block;
  while (block.size() < (1u << 20)) block += fill;
  std::size_t written = head.size() + tail.size();
  while (written < bytes) {
    const std::size_t n = std::min(block.size(), bytes - written);
    out.write(block.data(), static_cast<std::streamsize>(n));
    written += n;
  }
  out << tail;
  return path;
}

const std::string limit_text = limits::describe_bytes(limits::max_article_bytes);  // "16 MiB"

}  // namespace

// ---------------------------------------------------------------------------------------
// The indexer: each row is one hostile input beside two good articles.

TEST_CASE("hostile input: invalid UTF-8 - reported at its line in every format - the rest indexed", "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  const auto jsonl = dir.write("in/bad.jsonl", jsonl_line("u1", "fine") + jsonl_line("u2", "caf\xE9 latin-1") +
                                                   jsonl_line("u3", "truncated \xE2\x82"));
  const auto html =
      dir.write("in/bad.html", "<html><body>\n<article><p>Envoys met.</p>\n<p>caf\xE9</p></article></body></html>\n");
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":2: error: not valid UTF-8 (convert the file to UTF-8)\n"));
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":3: error: not valid UTF-8 (convert the file to UTF-8)\n"));
  CHECK_THAT(r.err, Catch::Contains(html + ":3: error: not valid UTF-8; convert the file to UTF-8\n"));
  // (text files: "invalid UTF-8 in a text file is reported at its line" in test_indexer_cli.cc)
  CHECK(summary_counts(r.err) == Counts{3, 0, 0, 0, 3});
  CHECK(count(dir / "db", "ceasefire") == 2);
}

TEST_CASE("hostile input: NUL bytes - a binary file is skipped whole - a damaged JSONL line alone", "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  const auto text = dir.write("in/nul.txt", std::string("Title: T\nID: n1\n\nBody\0with NUL\n", 31));
  const auto html = dir.write("in/nul.html", std::string("<p>a</p>\n<p>\0</p>", 17));
  const auto jsonl = dir.write("in/nul.jsonl", jsonl_line("n2", "fine") + std::string("{\"id\":\"n3\",\0}\n", 14) +
                                                   jsonl_line("n4", "also fine") +
                                                   jsonl_line("n5", "escaped \\u0000 NUL and \\u001b[31m escape"));
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(text + ":4: error: binary data (NUL bytes), not text\n"));
  CHECK_THAT(r.err, Catch::Contains(html + ":2: error: binary data (NUL bytes), not HTML\n"));
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":2: error: NUL bytes in the line (a damaged file?)\n"));
  CHECK(summary_counts(r.err) == Counts{5, 0, 0, 0, 3});
  // A NUL or a control character written as a JSON escape is only a space in the text.
  CHECK(stored(dir / "db", "n5").body == "escaped   NUL and  [31m escape");
}

TEST_CASE("hostile input: a binary file - one error for the file - never one per line", "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  std::mt19937 random(7);
  std::string bytes(64 * 1024, '\0');
  for (std::size_t i = 1; i < bytes.size(); ++i)
    bytes[i] = static_cast<char>(random());  // starts with NUL, as gzip data soon does
  const auto jsonl = dir.write("in/data.jsonl", bytes);
  const auto text = dir.write("in/data.txt", bytes);
  const auto html = dir.write("in/data.html", bytes);
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":1: error: binary data (NUL bytes), not JSONL text; file skipped\n"));
  CHECK_THAT(r.err, Catch::Contains(text + ":1: error: binary data (NUL bytes), not text\n"));
  CHECK_THAT(r.err, Catch::Contains(html + ":1: error: binary data (NUL bytes), not HTML\n"));
  CHECK(summary_counts(r.err) == Counts{2, 0, 0, 0, 3});
}

TEST_CASE("hostile input: a 50 MB article - refused by its size before it is read - the rest indexed",
          "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  const std::size_t size = 50u << 20;
  const auto text =
      write_big(dir, "in/big.txt", "Title: Big\nID: big-text\n\n", "ceasefire words here and there\n", size, "");
  const auto html = write_big(dir, "in/big.html", "<html><body><article>", "<p>ceasefire words</p>\n", size,
                              "</article></body></html>");
  // Just under the limit: indexed like any other article.
  write_big(dir, "in/large.txt", "Title: Large\nID: large-text\n\n", "monitoring words here\n",
            std::min(limits::max_article_bytes / 8, limits::max_article_words / 4 * 22), "");  // 3 words in 22 bytes
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(text + ": error: larger than " + limit_text + ", the most one article may have\n"));
  CHECK_THAT(r.err, Catch::Contains(html + ": error: larger than " + limit_text + ", the most one article may have\n"));
  CHECK(summary_counts(r.err) == Counts{3, 0, 0, 0, 2});
  CHECK(count(dir / "db", "monitoring") == 1);
}

TEST_CASE("hostile input: a JSONL line of 100 MB - that line skipped unread - the lines around it indexed",
          "[e2e][hostile]") {
  test::TempDir dir;
  const auto jsonl =
      write_big(dir, "in/huge.jsonl", jsonl_line("before", "ceasefire first") + "{\"id\":\"huge\",\"body\":\"",
                "ceasefire ", 100u << 20, "\"}\n" + jsonl_line("after", "ceasefire last"));
  const auto start = std::chrono::steady_clock::now();
  auto r = run_index({"--db", dir / "db", jsonl});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":2: error: line longer than " + limit_text +
                                    ", the most one article may have\n"));
  CHECK(summary_counts(r.err) == Counts{2, 0, 0, 0, 1});
  CHECK(count(dir / "db", "ceasefire") == 2);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
}

TEST_CASE("hostile input: 8 million one-letter words - refused by their number - the rest indexed", "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  // Under the size limit, far over the word limit (it peaked at 1.56 GB before the limit).
  const auto jsonl =
      write_big(dir, "in/words.jsonl", "{\"id\":\"words\",\"body\":\"", "a ", limits::max_article_bytes - 100, "\"}\n");
  const auto html = write_big(dir, "in/words.html", "<html><body><article><p>", "b ", limits::max_article_bytes - 100,
                              "</p></article></body></html>");
  const auto start = std::chrono::steady_clock::now();
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  const std::string words_limit =
      "article of more than " + std::to_string(limits::max_article_words) + " words, the most one article may have\n";
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":1: error: " + words_limit));
  CHECK_THAT(r.err, Catch::Contains(html + ":1: error: " + words_limit));
  CHECK(summary_counts(r.err) == Counts{2, 0, 0, 0, 2});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
}

TEST_CASE("hostile input: a page of a million <p> - refused by its elements before parsing - the rest indexed",
          "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  // 4 MB; it took 25 s and 627 MB before the limit.
  const auto html = write_big(dir, "in/paragraphs.html", "<html><body><article>", "<p>x\n", 5'000'000, "</article>");
  const auto start = std::chrono::steady_clock::now();
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(html + ": error: more than " + std::to_string(limits::max_html_elements) +
                                    " HTML elements, the most one page may have\n"));
  CHECK(summary_counts(r.err) == Counts{2, 0, 0, 0, 1});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
}

TEST_CASE("hostile input: deeply nested JSON - parsed without recursion - ignored where it is not an article",
          "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto jsonl = dir.write("in/deep.jsonl", "{\"id\":\"deep\",\"body\":\"ceasefire nested\",\"extra\":" + deep +
                                                    "}\n" + deep + "\n" + "{\"id\":" + std::string(100000, '{') + "\n");
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":2: error: expected a JSON object\n"));
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":3: error: invalid JSON: "));
  CHECK(summary_counts(r.err) == Counts{3, 0, 0, 0, 2});  // other fields are ignored, however deep
  CHECK(count(dir / "db", "nested") == 1);
}

TEST_CASE("hostile input: a term over 245 bytes - a long word is not indexed - a long tag or id rejects its article",
          "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  const std::string long_word(300, 'w');
  const auto jsonl =
      dir.write("in/long.jsonl",
                jsonl_line("long-word", "ceasefire " + long_word + " monitoring") +
                    "{\"id\":\"long-tag\",\"body\":\"ceasefire\",\"actors\":[\"" + std::string(300, 'a') + "\"]}\n" +
                    "{\"id\":\"long-topic\",\"body\":\"ceasefire\",\"topics\":[\"" + std::string(300, 't') + "\"]}\n" +
                    jsonl_line(std::string(250, 'i'), "ceasefire") +
                    "{\"id\":\"long-source\",\"body\":\"ceasefire\",\"source\":\"" + std::string(300, 's') + "\"}\n");
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":2: error: a tag in field \"actors\" is too long to index (\"" +
                                    std::string(40, 'a') + "...\")\n"));
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":3: error: a tag in field \"topics\" is too long to index"));
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":4: error: id longer than 200 bytes\n"));
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":5: error: source name too long\n"));
  CHECK(summary_counts(r.err) == Counts{3, 0, 0, 0, 4});
  // Words over 64 bytes are left out of the index (Xapian's TermGenerator); the rest is searchable.
  CHECK(count(dir / "db", "monitoring") == 1);
  CHECK(count(dir / "db", long_word) == 0);
  CHECK(stored(dir / "db", "long-word").body == "ceasefire " + long_word + " monitoring");
}

TEST_CASE("hostile input: empty files - nothing from an empty JSONL file - an empty article is an error",
          "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  const auto jsonl = dir.write("in/empty.jsonl", "");
  const auto text = dir.write("in/empty.txt", "");
  const auto html = dir.write("in/empty.html", "");
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, !Catch::Contains(jsonl));
  CHECK_THAT(r.err, Catch::Contains(text + ":1: error: empty article (no title and no body text)\n"));
  CHECK_THAT(r.err, Catch::Contains(html + ": error: no article text"));
  CHECK(summary_counts(r.err) == Counts{2, 0, 0, 0, 2});

  test::TempDir alone;
  alone.write("empty.jsonl", "");
  auto nothing = run_index({"--db", alone / "db", alone / "empty.jsonl"});
  CHECK(nothing.exit_code == 0);
  CHECK(summary_counts(nothing.err) == Counts{0, 0, 0, 0, 0});
}

TEST_CASE("hostile input: a date of 31 February - an error where the date is the article's own field",
          "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  const auto jsonl = dir.write("in/feb.jsonl", "{\"id\":\"f1\",\"body\":\"x\",\"date\":\"2025-02-31\"}\n");
  const auto text = dir.write("in/feb.txt", "Title: T\nDate: 2025-02-31T10:00:00Z\nID: f2\n\nBody.\n");
  // A web page's date is metadata found on the way: a bad one is passed over, not fatal.
  dir.write("in/feb.html",
            "<html><head><meta property=\"article:published_time\" content=\"2025-02-31\"></head>"
            "<body><article><p>Envoys met in Geneva.</p></article></body></html>");
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":1: error: bad date \"2025-02-31\" (expected YYYY-MM-DD or RFC 3339)\n"));
  CHECK_THAT(r.err, Catch::Contains(
                        text + ":2: error: bad date \"2025-02-31T10:00:00Z\" (expected YYYY-MM-DD or RFC 3339)\n"));
  CHECK(summary_counts(r.err) == Counts{3, 0, 0, 0, 2});
  CHECK(stored(dir / "db", "feb").date.empty());
  // In a query: "search errors: usage and syntax exit 2" in test_search_cli.cc (date:2025-02-30).
}

TEST_CASE("hostile input: an unreadable file - reported - the rest indexed", "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  const auto text = dir.write("in/locked.txt", "Title: Locked\nID: locked\n\nBody.\n");
  std::filesystem::permissions(text, std::filesystem::perms::none);
  if (std::ifstream(text)) {
    // root reads whatever the mode says: this row cannot be run as root.
    WARN("skipped: running as root, where chmod 000 does not stop reading");
    return;
  }
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(text + ": error: cannot open file\n"));
  CHECK(summary_counts(r.err) == Counts{2, 0, 0, 0, 1});
}

TEST_CASE("hostile input: an unreadable subdirectory - reported like an unreadable file - the rest indexed",
          "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  dir.write("in/sub/a.jsonl", jsonl_line("hidden-1", "ceasefire"));
  dir.write("in/z/b.txt", "Title: B\nID: b\n\nA ceasefire body.\n");  // walked after the unreadable one
  const std::string sub = dir / "in/sub";
  std::filesystem::permissions(sub, std::filesystem::perms::none);
  std::error_code ec;
  if (std::filesystem::directory_iterator(sub, ec); !ec) {
    // root lists whatever the mode says: this row cannot be run as root.
    std::filesystem::permissions(sub, std::filesystem::perms::owner_all);
    WARN("skipped: running as root, where chmod 000 does not stop reading a directory");
    return;
  }
  auto r = run_index({"--db", dir / "db", dir / "in"});
  std::filesystem::permissions(sub, std::filesystem::perms::owner_all);  // so that TempDir can remove it
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(sub + ": error: cannot read directory: Permission denied\n"));
  CHECK(summary_counts(r.err) == Counts{3, 0, 0, 0, 1});
  CHECK(count(dir / "db", "ceasefire") == 3);
}

TEST_CASE("hostile input: a directory loop via symlinks - each file read once - link loops reported",
          "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  dir.write("in/sub/a.txt", "Title: A\nID: a\n\nA ceasefire body.\n");
  std::filesystem::create_directory_symlink("..", dir.path() / "in/sub/up");
  std::filesystem::create_directory_symlink(dir.path() / "in", dir.path() / "in/sub/again");
  std::filesystem::create_symlink("y.txt", dir.path() / "in/x.txt");
  std::filesystem::create_symlink("x.txt", dir.path() / "in/y.txt");
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(dir / "in/x.txt" + ": error: cannot read: Too many levels of symbolic links\n"));
  CHECK_THAT(r.err, Catch::Contains(dir / "in/y.txt" + ": error: cannot read: Too many levels of symbolic links\n"));
  CHECK(summary_counts(r.err) == Counts{3, 0, 0, 0, 2});
  CHECK(count(dir / "db", "ceasefire") == 3);
}

TEST_CASE("hostile input: --delete-from an endless line - an error at its line - memory bounded", "[e2e][hostile]") {
  test::TempDir dir;
  const auto db = dir / "db";
  write_good_articles(dir);
  REQUIRE(run_index({"--db", db, dir / "in"}).exit_code == 0);
  const auto start = std::chrono::steady_clock::now();
  auto zero = run_index({"--db", db, "--delete-from", "/dev/zero"});
  INFO(zero.err);
  CHECK(zero.exit_code == 1);
  CHECK_THAT(zero.err, Catch::Contains("/dev/zero:1: error: line longer than " +
                                       limits::describe_bytes(limits::max_id_list_line_bytes) +
                                       " (not a list of ids); the rest of the file is not read\n"));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
  // A file: the ids before the long line are deleted, none after it; an id over the id limit
  // is an error for its line.
  const auto ids = dir.write("ids.txt", "good-1\n" + std::string(schema::max_id_bytes + 1, 'x') + "\n" +
                                            std::string(limits::max_id_list_line_bytes + 1, 'y') + "\ngood-2\n");
  auto r = run_index({"--db", db, "--delete-from", ids});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err,
             Catch::Contains(ids + ":2: error: id longer than " + std::to_string(schema::max_id_bytes) + " bytes\n"));
  CHECK_THAT(r.err, Catch::Contains(ids + ":3: error: line longer than "));
  CHECK(count(db, "ceasefire") == 1);
}

TEST_CASE(
    "hostile input: a bad --boilerplate file - one error naming FILE:LINE - a catastrophic pattern runs in linear time",
    "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  const auto nul = dir.write("nul.txt", std::string("ok\na\0b\n", 7));
  const auto huge = dir.write("huge.txt", std::string(100000, 'x') + "\n");
  for (const auto& [file, problem] :
       {std::pair{nul, std::string(":2: error: bad pattern: NUL byte in the pattern\n")},
        std::pair{huge, ":1: error: bad pattern: pattern longer than " +
                            limits::describe_bytes(limits::max_boilerplate_pattern_bytes) + "\n"}}) {
    auto r = run_index({"--db", dir / "db", "--boilerplate", file, dir / "in"});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err == "dipnews-index: " + file + problem);
  }
  // (a+)+b against a line of 38 a's: std::regex backtracked for ever; RE2 does not backtrack.
  const auto slow = dir.write("slow.txt", "(a+)+b\n");
  dir.write("in/a.txt", "Title: A\nID: a\n\n" + std::string(38, 'a') + "\nA ceasefire body.\n");
  const auto start = std::chrono::steady_clock::now();
  auto r = run_index({"--db", dir / "db", "--boilerplate", slow, dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(count(dir / "db", "ceasefire") == 3);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

// ---------------------------------------------------------------------------------------
// The searcher: each row is one hostile query against the bundled corpus.

namespace {

const std::string& corpus_db() { return test::bundled_corpus_db(); }

std::string words(int n) {
  std::string q;
  for (int i = 0; i < n; ++i) q.append(i ? " w" : "w").append(std::to_string(i));
  return q;
}

}  // namespace

TEST_CASE("hostile query: 10,000 terms - refused at once with the limit - exit 2", "[e2e][hostile]") {
  const auto start = std::chrono::steady_clock::now();
  auto r = run_search({"--db", corpus_db(), words(10000)});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "dipnews-search: query error: the query has 10000 words; one query may have at most 1000\n");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  // At the limit, it runs.
  CHECK(run_search({"--db", corpus_db(), "--count", "--default-op=or", words(1000)}).exit_code == 0);

  // In a batch, the long query fails alone; a line longer than any query is not even kept.
  test::TempDir dir;
  const std::string batch =
      "q1\tceasefire\nq2\t" + words(10000) + "\nq3\t" + std::string(1u << 20, 'x') + "\nq4\ttruce\n";
  auto b = run_search({"--db", corpus_db(), "--batch", "-", "--format=tsv"}, batch);
  CHECK(b.exit_code == 1);
  CHECK_THAT(b.err, Catch::Contains("dipnews-search: -:2: query q2: query error: the query has 10000 words"));
  CHECK_THAT(
      b.err,
      Catch::Contains("dipnews-search: -:3: query 3: the line is longer than 1 MiB, the most a batch line may have\n"));
  CHECK_THAT(b.out, Catch::StartsWith("q1\t1\t"));
  CHECK_THAT(b.out, Catch::Contains("q4\t1\t"));
}

TEST_CASE("hostile query: unbalanced quotes and parentheses - closed at the end of the query - as Xapian does",
          "[e2e][hostile]") {
  auto n = [](const std::string& q) { return count(corpus_db(), q); };
  CHECK(n("\"security guarantees") == n("\"security guarantees\""));
  CHECK(n("(ceasefire OR truce") == n("(ceasefire OR truce)"));
  CHECK(n("ceasefire)") == n("ceasefire"));
  CHECK(n("((ceasefire") == n("ceasefire"));
  CHECK(n("\"security (guarantees") == n("\"security guarantees\""));
}

TEST_CASE("hostile query: a date: range backwards - exit 2 naming the range", "[e2e][hostile]") {
  auto r = run_search({"--db", corpus_db(), "ceasefire date:2025-12..2025-01"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "dipnews-search: query error: date range '2025-12..2025-01' ends before it begins\n");
  auto since = run_search({"--db", corpus_db(), "--since=2025-12", "--until=2025-01", "ceasefire"});
  CHECK(since.exit_code == 2);
  CHECK(since.err == "dipnews-search: --since/--until: date range '2025-12..2025-01' ends before it begins\n");
}

TEST_CASE("hostile query: an unknown field - exit 2 listing the fields - never a silent empty result",
          "[e2e][hostile]") {
  auto r = run_search({"--db", corpus_db(), "ceasefire nosuchfield:value"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err,
             Catch::StartsWith("dipnews-search: query error: unknown field 'nosuchfield:' (the fields are title:, "));
  CHECK_THAT(r.err, Catch::EndsWith("; put text with a colon in quotes to search for it as words)\n"));
  // Quoted, or not field-like, a colon is only text.
  CHECK(run_search({"--db", corpus_db(), "--count", "\"nosuchfield:value\""}).exit_code == 0);
  CHECK(run_search({"--db", corpus_db(), "--count", "10:30 https://example.org"}).exit_code == 0);
}

TEST_CASE("hostile query: a wildcard matching too many words - refused with the limit - narrower ones run",
          "[e2e][hostile]") {
  test::TempDir dir;
  std::string body;
  for (int i = 0; i < 1500; ++i) body += " zq" + std::to_string(i);
  dir.write("many.jsonl", jsonl_line("many", body));
  REQUIRE(run_index({"--db", dir / "db", "--quiet", dir / "many.jsonl"}).exit_code == 0);
  auto r = run_search({"--db", dir / "db", "zq*"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "dipnews-search: query error: Wildcard zq* expands to more than 1000 terms; make the part before '*' longer\n");
  CHECK(count(dir / "db", "zq1*") == 1);      // 611 words
  CHECK(count(corpus_db(), "a* b* c*") > 0);  // each under the limit on the bundled corpus
}

TEST_CASE("hostile query: invalid UTF-8 - exit 2 naming it - in a batch that query alone", "[e2e][hostile]") {
  auto r = run_search({"--db", corpus_db(), "caf\xE9 ceasefire"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "dipnews-search: query error: the query is not valid UTF-8\n");
  auto b = run_search({"--db", corpus_db(), "--batch", "-", "--format=tsv"}, "q1\tceasefire\nq2\tcaf\xE9\nq3\ttruce\n");
  CHECK(b.exit_code == 1);
  CHECK_THAT(b.err, Catch::Contains("-:2: query q2: query error: the query is not valid UTF-8"));
  CHECK_THAT(b.out, Catch::StartsWith("q1\t1\t"));
  CHECK_THAT(b.out, Catch::Contains("q3\t1\t"));
}

// ---------------------------------------------------------------------------------------
// Article data and batch lines that would forge output.

namespace {

// Raw bytes a terminal acts on: C0 other than `keep`, DEL, C1 (U+0080-U+009F) and the bidi
// embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), as UTF-8.
bool has_raw_control(const std::string& s, std::string_view keep) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b < 0x20 || b == 0x7F) && keep.find(s[i]) == std::string_view::npos) return true;
    if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
    if (s.compare(i, 2, "\xE2\x80") == 0 && i + 2 < s.size() && s[i + 2] >= '\xAA' && s[i + 2] <= '\xAE') return true;
    if (s.compare(i, 2, "\xE2\x81") == 0 && i + 2 < s.size() && s[i + 2] >= '\xA6' && s[i + 2] <= '\xA9') return true;
  }
  return false;
}

}  // namespace

TEST_CASE("hostile input: article data that would forge output - every field escaped - ids with controls refused",
          "[e2e][hostile]") {
  test::TempDir dir;
  write_good_articles(dir);
  const auto jsonl = dir.write(
      "in/forge.jsonl",
      std::string("{\"id\":\"forged\",\"title\":\"Oil \\u202edrop\",\"source\":\"Post\\u0085Wire\",") +
          "\"url\":\"https://x.example/a\\n\\n 2. Fake result\\n    2025-12-16 \\u00b7 Forged \\u00b7 f1\\n\"," +
          "\"body\":\"pipeline ceasefire \\u009b31m \\u2066 isolate\"}\n" + jsonl_line("csi\\u009b2J", "pipeline") +
          jsonl_line("nel\\u0085x", "pipeline") + jsonl_line("rlo\\u202ex", "pipeline") +
          jsonl_line("lri\\u2066x", "pipeline") + jsonl_line("my notes", "pipeline ceasefire"));
  auto r = run_index({"--db", dir / "db", dir / "in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  for (int line : {2, 3, 4, 5}) {
    CHECK_THAT(r.err, Catch::Contains(jsonl + ":" + std::to_string(line) +
                                      ": error: id contains control characters (C0, C1 or bidi controls)\n"));
  }
  CHECK(summary_counts(r.err) == Counts{4, 0, 0, 0, 4});  // an id with a space is indexed

  // text: one block, the URL's lines on its own line, no control character acted on.
  auto text = run_search({"--db", dir / "db", "--color=always", "pipeline"});
  INFO(text.out);
  CHECK(text.exit_code == 0);
  CHECK_FALSE(has_raw_control(text.out, "\n\x1b"));
  CHECK(text.out.find("\n 2. Fake") == std::string::npos);
  CHECK_THAT(
      text.out,
      Catch::Contains(
          "https://x.example/a\\n\\n 2. Fake result\\n    2025-12-16 \xC2\xB7 Forged \xC2\xB7 f1\x1b[0m"));  // trimmed
                                                                                                             // at the
                                                                                                             // end
  CHECK_THAT(text.out, Catch::Contains("Oil \\u202edrop"));
  CHECK_THAT(text.out, Catch::Contains("Post\\u0085Wire"));
  CHECK_THAT(text.out, Catch::Contains("\\u009b31m \\u2066 isolate"));
  // tsv: one row per hit, nine columns; json: the same strings, escaped.
  auto tsv = run_search({"--db", dir / "db", "--format=tsv", "id:forged"});
  CHECK(tsv.exit_code == 0);
  CHECK(std::count(tsv.out.begin(), tsv.out.end(), '\n') == 1);
  CHECK(std::count(tsv.out.begin(), tsv.out.end(), '\t') == 8);
  CHECK_FALSE(has_raw_control(tsv.out, "\t\n"));
  auto json = run_search({"--db", dir / "db", "--format=json", "id:forged"});
  CHECK(json.exit_code == 0);
  CHECK_FALSE(has_raw_control(json.out, "\n"));
  const auto hit = nlohmann::json::parse(json.out)["hits"][0];
  CHECK(hit["url"] == "https://x.example/a\n\n 2. Fake result\n    2025-12-16 \xC2\xB7 Forged \xC2\xB7 f1");
  CHECK(hit["title"] ==
        "Oil \xE2\x80\xAE"
        "drop");

  // trec: a hit whose id has a space fails its query, as a qid with a space does; the rest run.
  auto trec = run_search({"--db", dir / "db", "--batch", "-", "--format=trec"}, "q1\tid:\"my notes\"\nq2\tid:forged\n");
  CHECK(trec.exit_code == 1);
  CHECK(trec.err ==
        "dipnews-search: -:1: query q1: the id 'my notes' of hit 1 has a space, which the TREC run "
        "format cannot carry\n");
  CHECK(trec.out == "q2 Q0 forged 1 " + trec.out.substr(15));
  CHECK(std::count(trec.out.begin(), trec.out.end(), '\n') == 1);
}

TEST_CASE("hostile batch: an empty qid - an error for its line - never a TREC line led by a space", "[e2e][hostile]") {
  for (const std::string format : {"trec", "tsv", "jsonl", "text"}) {
    INFO(format);
    auto r = run_search({"--db", corpus_db(), "--batch", "-", "--format=" + format, "--limit=1"},
                        "\tceasefire\n  \tceasefire\nq3\tceasefire\n");
    CHECK(r.exit_code == 1);
    CHECK(r.err ==
          "dipnews-search: -:1: empty qid before the tab (write QID<TAB>QUERY, or the query alone)\n"
          "dipnews-search: -:2: empty qid before the tab (write QID<TAB>QUERY, or the query alone)\n");
    if (format == "trec") CHECK_THAT(r.out, Catch::Matches("q3 Q0 \\S+ 1 [0-9.]+ dipnews\n"));
    if (format == "tsv") CHECK_THAT(r.out, Catch::Matches("q3\t1\t\\S+\t[0-9.]+\n"));
  }
}

TEST_CASE("hostile batch: CR-only line ends (old Mac) - each line a query", "[e2e][hostile]") {
  auto r = run_search({"--db", corpus_db(), "--batch", "-", "--format=tsv", "--limit=1"},
                      "q1\tceasefire\rq2\tsanctions\r\rq4\ttruce\r");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Matches("q1\t1\t\\S+\t[0-9.]+\nq2\t1\t\\S+\t[0-9.]+\nq4\t1\t\\S+\t[0-9.]+\n"));
  auto bad = run_search({"--db", corpus_db(), "--batch", "-", "--format=tsv"}, "q1\tceasefire\rq2\tacter:x\r");
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Catch::Contains("-:2: query q2: query error: unknown field 'acter:'"));
}

TEST_CASE("hostile batch: a NUL byte in a line - the whole line in the message, escaped", "[e2e][hostile]") {
  static const char bytes[] = "q1\tactor:\"zel\0insky\"\n";
  const std::string line(bytes, sizeof bytes - 1);
  for (const std::string format : {"tsv", "text", "jsonl"}) {
    auto r = run_search({"--db", corpus_db(), "--batch", "-", "--format=" + format}, line);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("-:1: query q1: query error: unknown actor 'zel\\x00insky'"));
    CHECK(r.err.find('\0') == std::string::npos);
    if (format == "text") CHECK_THAT(r.out, Catch::Contains("unknown actor 'zel\\x00insky'"));
    if (format == "jsonl") CHECK(nlohmann::json::parse(r.out)["error"]["message"].get<std::string>().size() > 30);
  }
}

TEST_CASE("hostile query: NEAR/n or ADJ/n over the window limit - exit 2 - never another window", "[e2e][hostile]") {
  for (const std::string op : {"NEAR/4294967295", "NEAR/4294967296", "ADJ/4294967297", "NEAR/1001"}) {
    auto r = run_search({"--db", corpus_db(), "oil " + op + " price"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "dipnews-search: query error: " + op + ": the window may be at most " +
                       std::to_string(limits::max_proximity_window) + " words\n");
  }
  CHECK(run_search({"--db", corpus_db(), "--count", "ceasefire NEAR/1000 talks"}).exit_code == 0);
}
