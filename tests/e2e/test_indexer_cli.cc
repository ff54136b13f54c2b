#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <thread>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "document_data.h"
#include "input/boilerplate.h"
#include "schema.h"
#include "temp_dir.h"
#include "text_util.h"

using namespace dipnews;
using test::index_fingerprint;
using test::run_index;
using test::run_search;

namespace {

using test::Counts;
using test::summary_counts;

// The article as the index stores it (what snippets and --format=json are made from).
Article stored_article(const std::string& db, const std::string& id) {
  Xapian::Database d(db);
  auto posting = d.postlist_begin(schema::id_term(id));
  if (posting == d.postlist_end(schema::id_term(id))) throw std::runtime_error("no article " + id);
  return decode_document_data(d.get_document(*posting).get_data());
}

// Non-empty lines, whitespace collapsed: paragraph breaks differ between formats, lines must not.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!trim(line).empty()) out.push_back(collapse_whitespace(line));
  }
  return out;
}

const BoilerplateFilter& bundled_boilerplate() {
  static const BoilerplateFilter filter = [] {
    BoilerplateFilter f;
    f.load_file(std::string(DIPNEWS_CORPUS_DIR) + "/../boilerplate.txt");
    return f;
  }();
  return filter;
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("the bundled corpus indexes cleanly - and a second run finds nothing changed", "[e2e][index]") {
  test::TempDir dir;
  const int n = test::bundled_article_count();
  REQUIRE(n >= 60);
  auto first = run_index({"--db", dir / "db", DIPNEWS_CORPUS_DIR});
  INFO(first.err);
  CHECK(first.exit_code == 0);
  CHECK(first.out.empty());  // stdout is for results only
  CHECK(summary_counts(first.err) == Counts{n, 0, 0, 0, 0});
  CHECK(Xapian::Database(dir / "db").get_doccount() == static_cast<unsigned>(n));

  auto second = run_index({"--db", dir / "db", DIPNEWS_CORPUS_DIR});
  CHECK(second.exit_code == 0);
  CHECK(summary_counts(second.err) == Counts{0, 0, n, 0, 0});
}

TEST_CASE("an empty directory is said on stderr - the run still succeeds, --strict too", "[e2e][index]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "inbox");
  for (const std::vector<std::string>& extra : {std::vector<std::string>{}, {"--strict"}}) {
    std::vector<std::string> args{"--db", dir / "db"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(dir / "inbox");
    auto r = run_index(args);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains(dir / "inbox" + ": warning: no article files in this directory"));
    CHECK(summary_counts(r.err) == Counts{0, 0, 0, 0, 0});
  }
}

TEST_CASE("a malformed JSONL line is reported as FILE:LINE - skipped - and the rest indexed", "[e2e][index]") {
  test::TempDir dir;
  const auto file =
      dir.write("in.jsonl",
                "{\"id\":\"a\",\"title\":\"One\",\"body\":\"first ceasefire\"}\n"
                "{\"id\":\"b\",\"body\": oops}\n"
                "{\"id\":\"c\",\"title\":\"Three\",\"body\":\"third ceasefire\",\"date\":\"2025-02-30\"}\n"
                "{\"id\":\"d\",\"title\":\"Four\",\"body\":\"fourth ceasefire\"}\n"
                "{\"id\":\"e\",\"body\":\"fifth\",\"date\":\"2025\\n12-01\"}\n");
  auto r = run_index({"--db", dir / "db", file});
  CHECK(r.exit_code == 1);
  // A newline inside the bad value is shown escaped: one error, one line.
  CHECK_THAT(r.err, Catch::Contains("dipnews-index: " + file + ":5: error: bad date \"2025\\n12-01\" (expected"));
  CHECK_THAT(r.err, Catch::Contains("dipnews-index: " + file + ":2: error: invalid JSON: "));
  CHECK_THAT(r.err, Catch::Contains("dipnews-index: " + file + ":3: error: bad date \"2025-02-30\""));
  CHECK(summary_counts(r.err) == Counts{2, 0, 0, 0, 3});
  auto found = run_search({"--db", dir / "db", "--count", "ceasefire"});
  CHECK(found.out == "2\n");
}

TEST_CASE("option --strict stops at the first bad article and keeps what came before", "[e2e][index]") {
  test::TempDir dir;
  const auto file =
      dir.write("in.jsonl", "{\"id\":\"a\",\"body\":\"x\"}\n{\"id\":\"b\"}\n{\"id\":\"c\",\"body\":\"y\"}\n");
  auto r = run_index({"--db", dir / "db", "--strict", file});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(file + ":2: error: missing required field \"body\""));
  CHECK(summary_counts(r.err) == Counts{1, 0, 0, 0, 1});
  CHECK(Xapian::Database(dir / "db").get_doccount() == 1);
}

TEST_CASE("re-indexing a changed article replaces it - --delete removes by id", "[e2e][index]") {
  test::TempDir dir;
  const auto db = dir / "db";
  dir.write("a.jsonl", "{\"id\":\"a\",\"body\":\"old words\"}\n{\"id\":\"b\",\"body\":\"kept\"}\n");
  CHECK(run_index({"--db", db, dir / "a.jsonl"}).exit_code == 0);
  dir.write("a.jsonl", "{\"id\":\"a\",\"body\":\"new words\"}\n{\"id\":\"b\",\"body\":\"kept\"}\n");
  auto r = run_index({"--db", db, dir / "a.jsonl"});
  CHECK(summary_counts(r.err) == Counts{0, 1, 1, 0, 0});
  CHECK(run_search({"--db", db, "--count", "old"}).out == "0\n");
  CHECK(run_search({"--db", db, "--count", "new"}).out == "1\n");

  auto del = run_index({"--db", db, "--delete", "a", "--delete", "nope"});
  CHECK(del.exit_code == 0);
  CHECK_THAT(del.err, Catch::Contains("warning: --delete: no article with id 'nope'"));
  CHECK(summary_counts(del.err) == Counts{0, 0, 0, 1, 0});
  CHECK(run_search({"--db", db, "--count", "*"}).out == "1\n");
}

TEST_CASE("articles read from stdin - JSONL by default or text when asked", "[e2e][index]") {
  test::TempDir dir;
  auto jsonl = run_index({"--db", dir / "db", "-"}, "{\"id\":\"s1\",\"body\":\"from a pipe\"}\n");
  CHECK(jsonl.exit_code == 0);
  auto text = run_index({"--db", dir / "db", "--input-format=text", "-"}, "ID: s2\nTitle: Piped\n\nText body.\n");
  CHECK(text.exit_code == 0);
  CHECK(run_search({"--db", dir / "db", "--count", "*"}).out == "2\n");
  auto no_id = run_index({"--db", dir / "db", "--input-format=text", "-"}, "Title: Piped\n\nBody.\n");
  CHECK(no_id.exit_code == 1);
  CHECK_THAT(no_id.err, Catch::Contains("<stdin>:1: error: no ID header"));
}

TEST_CASE("raw scraped text loses its boilerplate - its headline becomes the title", "[e2e][index]") {
  test::TempDir dir;
  dir.write("2025-12-15-scraped.txt",
            "Unlock the Diplomatic Brief newsletter for free\n"
            "Sign up to our Morning Dispatch\n"
            "Envoys close in on a \xE2\x80\x9C"
            "framework\xE2\x80\x9D deal\n"
            "The envoys\xE2\x80\x99 talks ran late into the night.\n"
            "Recommended\n"
            "Officials expect another round next week.\n"
            "Share this article\n");
  REQUIRE(run_index({"--db", dir / "db", dir.path().string()}).exit_code == 0);
  auto r = run_search({"--db", dir / "db", "--format=json", "envoys"});
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["hits"].size() == 1);
  const auto& hit = j["hits"][0];
  CHECK(hit["id"] == "2025-12-15-scraped");
  CHECK(hit["date"] == "2025-12-15");
  CHECK(hit["title"] ==
        "Envoys close in on a \xE2\x80\x9C"
        "framework\xE2\x80\x9D deal");
  CHECK(run_search({"--db", dir / "db", "--count", "newsletter OR recommended OR share"}).out == "0\n");
}

// The user's seed article lives in ../shared beside the checkout, not in it: these tests are
// hidden from a plain run and registered as an opt-in test (tests/needs_shared.sh), which
// skips them, saying so, where the file is not.
std::string seed_file() {
  const char* shared = std::getenv("DIPNEWS_SHARED_DIR");
  REQUIRE(shared);  // set by needs_shared.sh
  const std::string path = std::string(shared) + "/seeds/000_5ac68bd5ea047f48.txt";
  REQUIRE(std::filesystem::exists(path));
  return path;
}

TEST_CASE("the user's seed article indexes without its boilerplate", "[e2e][index][.shared]") {
  const std::string seed_path = seed_file();
  test::TempDir dir;
  REQUIRE(run_index({"--db", dir / "db", seed_path}).exit_code == 0);
  const auto j = nlohmann::json::parse(run_search({"--db", dir / "db", "--format=json", "BlackRock"}).out);
  REQUIRE(j["hits"].size() == 1);
  CHECK_THAT(j["hits"][0]["title"].get<std::string>(), !Catch::Contains("newsletter"));
  CHECK(run_search({"--db", dir / "db", "--count", "unlock OR recommended OR newsletter"}).out == "0\n");
  CHECK(run_search({"--db", dir / "db", "--count", "\"security guarantees\" Zelenskyy"}).out == "1\n");

  // Line by line: every line of the file is the title, kept in the body, or boilerplate
  // (dropped); the seed has boilerplate lines, and none reaches the index.
  const Article stored = stored_article(dir / "db", j["hits"][0]["id"]);
  const auto body = lines_of(stored.body);
  std::ifstream seed(seed_path);
  const auto seed_lines = lines_of(std::string(std::istreambuf_iterator<char>(seed), {}));
  int dropped = 0;
  for (const auto& line : seed_lines) {
    const bool kept = std::find(body.begin(), body.end(), line) != body.end();
    const bool boilerplate = bundled_boilerplate().is_boilerplate(line);
    INFO(line);
    CHECK((kept || line == stored.title || boilerplate));
    CHECK_FALSE((kept && boilerplate));
    dropped += boilerplate;
  }
  CHECK(dropped >= 1);
  CHECK(body.size() == seed_lines.size() - 1 - static_cast<std::size_t>(dropped));
  CHECK(std::count(body.begin(), body.end(), "Recommended") == 0);
  for (const auto& line : body) CHECK_THAT(line, !Catch::Contains("newsletter", Catch::CaseSensitive::No));
}

TEST_CASE("the user's seed article saved as a web page gives the same article as the text",
          "[e2e][index][.shared][html]") {
  const std::string seed_path = seed_file();
  // The page is built here from the file, with the furniture of a real news site around it.
  test::TempDir dir;
  REQUIRE(run_index({"--db", dir / "text.db", seed_path}).exit_code == 0);
  const std::string id = std::filesystem::path(seed_path).stem().string();
  const Article text = stored_article(dir / "text.db", id);
  std::ifstream seed(seed_path);
  std::string page =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>" +
      html_escape(text.title) +
      " | Seed Outlet</title>"
      "<meta property=\"og:site_name\" content=\"Seed Outlet\">"
      "<meta property=\"article:published_time\" content=\"2025-12-15T20:00:00Z\">"
      "<link rel=\"canonical\" href=\"https://seed.example/article\">"
      "<script>window.analytics = {page: 'article'};</script></head><body>"
      "<div class=\"cookie-banner\" role=\"dialog\"><p>We use cookies to improve this site.</p>"
      "<button>Accept all cookies</button></div>"
      "<header><nav><a href=\"/\">Home</a><a href=\"/world\">World</a><a href=\"/markets\">Markets</a></nav></header>"
      "<main><article><header><h1>" +
      html_escape(text.title) +
      "</h1></header>"
      "<div class=\"share-tools\"><button>Share on X</button><button>Share on LinkedIn</button></div>";
  for (std::string line; std::getline(seed, line);) {
    if (collapse_whitespace(line) != text.title) page += "<p>" + html_escape(line) + "</p>\n";
  }
  page +=
      "<aside class=\"newsletter\"><p>Get our morning briefing in your inbox</p></aside>"
      "<h2>Recommended</h2><ul><li><a href=\"/1\">Quokka census delayed</a></li>"
      "<li><a href=\"/2\">Harbour festival returns</a></li></ul>"
      "</article></main><footer><p>Copyright Seed Outlet 2025. All rights reserved.</p></footer></body></html>";
  const auto file = dir.write("seed-page.html", page);

  auto r = run_index({"--db", dir / "html.db", file});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const Article html = stored_article(dir / "html.db", "seed-page");
  CHECK(html.title == text.title);
  CHECK(html.source == "Seed Outlet");
  CHECK(html.date == "2025-12-15");
  CHECK(html.url == "https://seed.example/article");
  CHECK(lines_of(html.body) == lines_of(text.body));
  CHECK(
      run_search({"--db", dir / "html.db", "--count", "cookies OR quokka OR newsletter OR recommended OR share"}).out ==
      "0\n");
}

TEST_CASE("HTML pages index with their metadata and without their page furniture", "[e2e][index][html]") {
  test::TempDir dir;
  dir.write("in/2025-12-15-envoys.html",
            "<!DOCTYPE html><html lang=\"en\"><head><title>Envoys close in on a framework | Meridian Post</title>"
            "<meta property=\"og:site_name\" content=\"Meridian Post\">"
            "<meta property=\"article:published_time\" content=\"2025-12-16T08:00:00+01:00\">"
            "<link rel=\"canonical\" href=\"https://meridianpost.example/envoys\"></head><body>"
            "<div id=\"cookie-notice\">We use cookies on this website.</div>"
            "<nav><a href=\"/\">Home</a> <a href=\"/markets\">Markets</a></nav>"
            "<article><h1>Envoys close in on a framework</h1>"
            "<ul class=\"share\"><li>Share on X</li></ul>"
            "<p>The envoys&rsquo; talks in Berlin ran late into the night.</p>"
            "<p>Unlock the Diplomatic Brief newsletter for free</p>"
            "<p>Officials expect another round of talks next week.</p>"
            "<h2>Recommended</h2><ul><li><a href=\"/x\">Quokka census delayed</a></li></ul>"
            "</article><footer>Copyright Meridian Post 2025. All rights reserved.</footer></body></html>");
  dir.write("in/brief.htm", "<title>Summit brief</title><p>A short note on the summit in Geneva.</p>");
  dir.write("in/empty.html", "<html><body><nav>Home</nav><script>render()</script></body></html>");
  auto r = run_index({"--db", dir / "db", dir / "in"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("dipnews-index: " + dir / "in/empty.html" + ": error: no article text"));
  CHECK(summary_counts(r.err) == Counts{2, 0, 0, 0, 1});

  const auto j = nlohmann::json::parse(run_search({"--db", dir / "db", "--format=json", "envoys"}).out);
  REQUIRE(j["hits"].size() == 1);
  const auto& hit = j["hits"][0];
  CHECK(hit["id"] == "2025-12-15-envoys");
  CHECK(hit["title"] == "Envoys close in on a framework");
  CHECK(hit["date"] == "2025-12-16");  // the page's own date wins over its file name
  CHECK(hit["source"] == "Meridian Post");
  CHECK(hit["url"] == "https://meridianpost.example/envoys");
  CHECK(stored_article(dir / "db", "2025-12-15-envoys").body ==
        "The envoys\xE2\x80\x99 talks in Berlin ran late into the night.\n\n"
        "Officials expect another round of talks next week.");
  CHECK(run_search({"--db", dir / "db", "--count", "cookies OR markets OR share OR newsletter OR quokka OR copyright"})
            .out == "0\n");
  CHECK(run_search({"--db", dir / "db", "--count", "source:meridian-post date:2025-12-16"}).out == "1\n");
  CHECK(run_search({"--db", dir / "db", "--count", "title:summit geneva"}).out == "1\n");

  // From stdin, with --input-format=html, the canonical URL is the id.
  auto piped = run_index({"--db", dir / "db", "--input-format=html", "-"},
                         "<link rel=\"canonical\" href=\"https://x.example/piped\"><p>Piped ceasefire page.</p>");
  CHECK(piped.exit_code == 0);
  CHECK(run_search({"--db", dir / "db", "--format=ids", "ceasefire"}).out == "https://x.example/piped\n");
}

TEST_CASE("the bundled web pages index cleanly - without their page furniture", "[e2e][index][html]") {
  test::TempDir dir;
  auto r = run_index({"--db", dir / "db", std::string(DIPNEWS_CORPUS_DIR) + "/ukraine/web"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(summary_counts(r.err) == Counts{3, 0, 0, 0, 0});
  // Words found only in cookie banners, teaser lists, newsletter promotions, share buttons,
  // bylines, comments and footers of those pages.
  CHECK(run_search({"--db", dir / "db", "--count",
                    "cookies OR fisheries OR marathon OR svalbard OR newsletter OR recommended OR facebook OR "
                    "comments OR copyright OR privacy OR bureau OR opera"})
            .out == "0\n");
  const Article a = stored_article(dir / "db", "meridian-post-20251219-eu-joint-borrowing");
  CHECK(a.title == "EU opts for joint borrowing over Russian assets to fund Ukraine");
  CHECK(a.date == "2025-12-19");
  CHECK(a.source == "Meridian Post");
  CHECK(a.url == "https://meridianpost.example/europe/2025/12/19/eu-joint-borrowing-ukraine");
  CHECK(lines_of(a.body).size() == 5);
  const Article b = stored_article(dir / "db", "danube-herald-20251221-miami-round");
  CHECK(b.date == "2025-12-21");  // from the <time> element: the page has no date metadata
  CHECK(b.source == "Danube Herald");
  CHECK(b.language == "en");
}

TEST_CASE("an article that cannot be indexed costs only itself - never its batch or the index", "[e2e][index]") {
  test::TempDir dir;
  const std::string long_language(300, 'x');
  std::string long_source;
  for (int i = 0; i < 100; ++i) long_source += "\xC8\xBA";  // lower case is longer in UTF-8
  const auto file = dir.write("in.jsonl",
                              "{\"id\":\"a\",\"body\":\"alpha\"}\n"
                              "{\"id\":\"b\",\"body\":\"beta\",\"language\":\"" +
                                  long_language +
                                  "\"}\n"
                                  "{\"id\":\"c\",\"body\":\"gamma\",\"source\":\"" +
                                  long_source +
                                  "\"}\n"
                                  "{\"id\":\"d\",\"body\":\"delta\"}\n");
  auto r = run_index({"--db", dir / "db", file});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(file + ":2: error: bad language tag"));
  CHECK_THAT(r.err, Catch::Contains(file + ":3: error: source name too long"));
  CHECK(summary_counts(r.err) == Counts{2, 0, 0, 0, 2});
  Xapian::Database db(dir / "db");
  CHECK(db.get_doccount() == 2);
  CHECK(db.term_exists(schema::id_term("a")));
  CHECK(db.term_exists(schema::id_term("d")));
  CHECK(db.get_metadata(schema::metadata::schema_version) == std::to_string(schema::version));
  CHECK(run_search({"--db", dir / "db", "--count", "*"}).out == "2\n");
}

TEST_CASE("invalid UTF-8 in a text file is reported at its line and the run goes on", "[e2e][index]") {
  test::TempDir dir;
  dir.write("in/a-bad.txt", "Title: T\nID: t1\nLanguage: \xFF\n\nBody.\n");
  dir.write("in/b-surrogate.txt", "Title: S\nID: t2\n\nLine one.\nBody \xED\xA0\x80 here\n");
  dir.write("in/c-good.txt", "Title: Good\nID: t3\n\nFine body.\n");
  auto r = run_index({"--db", dir / "db", dir / "in"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(dir / "in/a-bad.txt" + ":3: error: not valid UTF-8"));
  CHECK_THAT(r.err, Catch::Contains(dir / "in/b-surrogate.txt" + ":5: error: not valid UTF-8"));
  CHECK(summary_counts(r.err) == Counts{1, 0, 0, 0, 2});
}

TEST_CASE("two articles with one id in a run: the second is reported - not silently merged", "[e2e][index]") {
  test::TempDir dir;
  dir.write("tree/story1/article.txt", "Talks open in Geneva\nGeneva body.\n");
  dir.write("tree/story2/article.txt", "Summit ends in Rome\nRome body.\n");
  auto r = run_index({"--db", dir / "db", dir / "tree"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(dir / "tree/story2/article.txt" + ":1: error: duplicate id 'article' (first at " +
                                    dir / "tree/story1/article.txt" + ":1)"));
  CHECK(summary_counts(r.err) == Counts{1, 0, 0, 0, 1});
  CHECK(run_search({"--db", dir / "db", "--count", "Geneva"}).out == "1\n");
}

TEST_CASE("option --delete takes one id and leaves later arguments as inputs", "[e2e][index]") {
  test::TempDir dir;
  const auto file = dir.write("ok.jsonl", "{\"id\":\"k\",\"body\":\"kept text\"}\n");
  auto r = run_index({"--db", dir / "db", "--delete", " x ", file});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("no article with id 'x'"));
  CHECK(summary_counts(r.err) == Counts{1, 0, 0, 0, 0});
  CHECK(run_index({"--db", dir / "db", "--commit-interval", "-5", file}).exit_code == 2);
  CHECK(run_index({"--db", dir / "db", "--part-size=0", file}).exit_code == 2);
}

TEST_CASE("indexer usage errors and a busy index have their own exit codes", "[e2e][index]") {
  test::TempDir dir;
  CHECK(run_index({}).exit_code == 2);
  auto bad_option = run_index({"--no-such-option", "x"});
  CHECK(bad_option.exit_code == 2);
  CHECK_THAT(bad_option.err, Catch::StartsWith("dipnews-index: "));
  CHECK(run_index({"--input-format=xml", "x"}).exit_code == 2);
  CHECK(run_index({"--db", "a", "--db", "b", "x"}).exit_code == 2);
  auto missing = run_index({"--db", dir / "db", dir / "missing.jsonl"});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains(dir / "missing.jsonl" + ": error: no such file or directory"));

  Xapian::WritableDatabase holder(dir / "locked", Xapian::DB_CREATE_OR_OPEN);
  auto busy = run_index({"--db", dir / "locked", "-"}, "{\"id\":\"a\",\"body\":\"x\"}\n");
  CHECK(busy.exit_code == 75);
  CHECK_THAT(busy.err, Catch::Contains("locked"));
}

TEST_CASE("indexer --help and --version", "[e2e][index]") {
  auto help = run_index({"--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::StartsWith("Usage: dipnews-index"));
  CHECK_THAT(help.out, Catch::Contains("--strict"));
  auto version = run_index({"--version"});
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("dipnews-index "));
}

namespace {}  // namespace

TEST_CASE("option --jobs: any number of workers builds the same index", "[e2e][index]") {
  test::TempDir dir;
  auto one = run_index({"--db", dir / "one", "--jobs=1", DIPNEWS_CORPUS_DIR});
  auto four = run_index({"--db", dir / "four", "--jobs=4", "--commit-interval=7", DIPNEWS_CORPUS_DIR});
  CHECK(one.exit_code == 0);
  CHECK(four.exit_code == 0);
  const auto a = index_fingerprint(dir / "one"), b = index_fingerprint(dir / "four");
  CHECK(a.size() == static_cast<std::size_t>(test::bundled_article_count()));
  CHECK(a == b);  // tags, terms, and wire-copy stories (assigned in input order) alike
}

TEST_CASE("with several workers - errors come out in input order and --strict still stops at the first",
          "[e2e][index]") {
  test::TempDir dir;
  std::string lines;
  for (int i = 0; i < 200; ++i) {
    const std::string id = std::to_string(i);
    lines +=
        i % 50 == 7 ? "{\"id\":\"" + id + "\"}\n" : "{\"id\":\"" + id + "\",\"body\":\"ceasefire talks " + id + "\"}\n";
  }
  const auto file = dir.write("in.jsonl", lines);
  auto r = run_index({"--db", dir / "db", "--jobs=3", file});
  CHECK(r.exit_code == 1);
  const auto p8 = r.err.find(file + ":8:"), p58 = r.err.find(file + ":58:"), p158 = r.err.find(file + ":158:");
  REQUIRE(p8 != std::string::npos);
  CHECK(p8 < p58);
  CHECK(p58 < p158);
  CHECK(summary_counts(r.err) == Counts{196, 0, 0, 0, 4});

  auto strict = run_index({"--db", dir / "strict", "--jobs=3", "--strict", file});
  CHECK(strict.exit_code == 1);
  CHECK(summary_counts(strict.err) == Counts{7, 0, 0, 0, 1});  // the 7 before line 8, nothing after
  CHECK(Xapian::Database(dir / "strict").get_doccount() == 7);
}

TEST_CASE("an article deleted and given again in one run is added back", "[e2e][index]") {
  test::TempDir dir;
  const auto file = dir.write("a.jsonl", "{\"id\":\"a\",\"body\":\"ceasefire\"}\n");
  CHECK(run_index({"--db", dir / "db", file}).exit_code == 0);
  auto r = run_index({"--db", dir / "db", "--delete", "a", file});
  CHECK(summary_counts(r.err) == Counts{1, 0, 0, 1, 0});
  CHECK(run_search({"--db", dir / "db", "--count", "ceasefire"}).out == "1\n");
}

TEST_CASE("option --progress draws progress on stderr - stdout stays empty", "[e2e][index]") {
  test::TempDir dir;
  auto r = run_index({"--db", dir / "db", "--progress", DIPNEWS_CORPUS_DIR});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Matches(
                        "(.|\n)*dipnews-index: [0-9,]+ articles(, [0-9,]+/s)?(, [0-9]+%)?(, ETA [0-9:]+)?\n(.|\n)*"));
  auto quiet = run_index({"--db", dir / "db2", "--quiet", DIPNEWS_CORPUS_DIR});
  CHECK(quiet.err.empty());  // not a terminal and --quiet: nothing at all
  CHECK(run_index({"--db", dir / "db3", "--memory=1", DIPNEWS_CORPUS_DIR}).exit_code == 2);
  CHECK(run_index({"--db", dir / "db3", "--jobs=-1", DIPNEWS_CORPUS_DIR}).exit_code == 2);
}

TEST_CASE("option --retag re-tags from the index what other dictionaries tagged - input tags kept", "[e2e][index]") {
  test::TempDir dir;
  const auto db = dir / "db";
  const auto file =
      dir.write("a.jsonl",
                "{\"id\":\"a\",\"body\":\"Envoy Zorblat Quixley met officials in Kyiv.\",\"actors\":[\"given-tag\"]}\n"
                "{\"id\":\"b\",\"body\":\"Markets in Kyiv were calm.\"}\n");
  REQUIRE(run_index({"--db", db, file}).exit_code == 0);
  const auto extra = dir.write("extra.actors",
                               "dictionary: actors\nversion: extra.1\n\nactor: zorblat-quixley\ntype: person\n"
                               "name: Zorblat Quixley\n");
  auto retag = run_index({"--db", db, "--retag", "--dictionary", extra});
  INFO(retag.err);
  CHECK(retag.exit_code == 0);
  CHECK(summary_counts(retag.err) == Counts{0, 2, 0, 0, 0});
  Xapian::Database index(db);
  CHECK(index.get_termfreq("XACTORzorblat-quixley") == 1);  // the new dictionary's actor
  CHECK(index.get_termfreq("XACTORgiven-tag") == 1);        // the input's own tag survives
  CHECK(index.get_termfreq("XACTORukr") == 2);
  CHECK(run_search({"--db", db, "--count", "Kyiv"}).out == "2\n");  // words and data intact

  auto again = run_index({"--db", db, "--retag", "--dictionary", extra});
  CHECK(summary_counts(again.err) == Counts{0, 0, 0, 0, 0});  // nothing left to re-tag
  CHECK(run_index({"--db", db, "--retag", file}).exit_code == 2);
}

TEST_CASE("option --delete-from removes the ids a file lists", "[e2e][index]") {
  test::TempDir dir;
  const auto db = dir / "db";
  REQUIRE(run_index({"--db", db, "-"},
                    "{\"id\":\"a\",\"body\":\"x\"}\n{\"id\":\"b\",\"body\":\"y\"}\n"
                    "{\"id\":\"c\",\"body\":\"z\"}\n")
              .exit_code == 0);
  const auto ids = dir.write("ids.txt", "# retracted stories\n  a  \n\nc\nnope\n");
  auto r = run_index({"--db", db, "--delete-from", ids});
  CHECK(r.exit_code == 0);
  CHECK(summary_counts(r.err) == Counts{0, 0, 0, 2, 0});
  CHECK_THAT(r.err, Catch::Contains("warning: --delete-from " + ids + ": no article with id 'nope'"));
  auto from_stdin = run_index({"--db", db, "--delete-from", "-"}, "b\n");
  CHECK(summary_counts(from_stdin.err) == Counts{0, 0, 0, 1, 0});
  CHECK(run_search({"--db", db, "--count", "*"}).out == "0\n");
  auto missing = run_index({"--db", db, "--delete-from", dir / "missing.txt"});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains(dir / "missing.txt" + ": error: cannot open file"));
  CHECK(run_index({"--db", db, "--delete-from", "-", "-"}).exit_code == 2);  // stdin twice
}

TEST_CASE("option --wait-lock waits for the other writer instead of exiting 75", "[e2e][index]") {
  test::TempDir dir;
  auto holder = std::make_unique<Xapian::WritableDatabase>(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  std::thread releaser([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    holder->close();
  });
  auto r = run_index({"--db", dir / "db", "--wait-lock=20", "-"}, "{\"id\":\"a\",\"body\":\"x\"}\n");
  releaser.join();
  CHECK(r.exit_code == 0);
  CHECK(run_index({"--db", dir / "db", "--wait-lock=-1", "-"}).exit_code == 2);
}

TEST_CASE("option --compact rewrites the index in place - same answers - smaller", "[e2e][index]") {
  test::TempDir dir;
  const auto db = dir / "db";
  REQUIRE(run_index({"--db", db, "--commit-interval=5", DIPNEWS_CORPUS_DIR}).exit_code == 0);
  const auto before = index_fingerprint(db);
  const auto ranked = run_search({"--db", db, "--format=ids", "--limit=20", "ceasefire"}).out;
  auto r = run_index({"--db", db, "--compact"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Matches("dipnews-index: compacted '.*': [0-9.]+ MB -> [0-9.]+ MB in [0-9.]+ s\n"));
  CHECK(index_fingerprint(db) == before);
  CHECK(run_search({"--db", db, "--format=ids", "--limit=20", "ceasefire"}).out == ranked);
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 1);  // no copy left behind
  // With inputs, indexing then compaction.
  auto both = run_index({"--db", db, "--compact", "-"}, "{\"id\":\"new\",\"body\":\"ceasefire\"}\n");
  CHECK(both.exit_code == 0);
  CHECK(summary_counts(both.err) == Counts{1, 0, 0, 0, 0});
  CHECK_THAT(both.err, Catch::Contains("compacted"));
}

namespace {

// One wire story (three copies a, b, c of one long text) and, for a, an unrelated report.
std::string wire_line(const std::string& id, const std::string& source, const std::string& edit) {
  return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"title\":\"Ministers agree on a grain corridor " +
         edit +
         "\",\"body\":\"Foreign ministers meeting in Vienna agreed on Tuesday to reopen the grain corridor through "
         "the Black Sea, ending a four month standoff that had pushed wheat prices to their highest level since "
         "the spring. Under the deal, inspectors from both sides will check cargo ships at two ports, and a joint "
         "centre in Istanbul will settle disputes within forty eight hours. Diplomats said the agreement still "
         "needs approval by parliaments and that the first convoy could sail next week if the weather allows. " +
         edit + "\"}\n";
}
std::string unrelated_line(const std::string& id) {
  return "{\"id\":\"" + id +
         "\",\"source\":\"Meridian Post\",\"title\":\"Glacier museum opens\",\"body\":\"A museum "
         "devoted to alpine glaciers opened its doors in a small mountain village on Sunday, with exhibits on ice "
         "cores, old maps and the photographs of a local priest who recorded the retreat of the ice for fifty "
         "years. The mayor hopes the museum will bring visitors in the quiet months between the ski season and "
         "the summer walks.\"}\n";
}

// Every hit of '*' (collapsed) as "story:ids" (the hit and its copies, sorted), sorted.
std::vector<std::string> story_hits(const std::string& db) {
  auto r = run_search({"--db", db, "--format=json", "--limit=50", "*"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> hits;
  const auto found = nlohmann::json::parse(r.out);
  for (const auto& h : found["hits"]) {
    std::vector<std::string> ids{h["id"].get<std::string>()};
    for (const auto& c : h["copies"]) ids.push_back(c["id"]);
    std::sort(ids.begin(), ids.end());
    std::string line = h["story"].get<std::string>() + ":";
    for (const auto& id : ids) line += (line.back() == ':' ? "" : ",") + id;
    hits.push_back(line);
  }
  std::sort(hits.begin(), hits.end());
  return hits;
}

}  // namespace

TEST_CASE("a wire story follows its articles: replacing or deleting its first article re-keys the copies",
          "[e2e][index]") {
  for (const std::vector<std::string>& layout :
       {std::vector<std::string>{}, std::vector<std::string>{"--shards", "2"}}) {
    INFO((layout.empty() ? "plain" : "sharded"));
    test::TempDir dir;
    const std::string copies = wire_line("a", "Meridian Post", "") + wire_line("b", "Danube Herald", "Reuters.") +
                               wire_line("c", "Levant Review", "AP.");
    dir.write("wire.jsonl", copies);
    dir.write("a-new.jsonl", unrelated_line("a"));
    dir.write("a-again.jsonl", wire_line("a", "Meridian Post", ""));
    auto index = [&](const std::string& db, std::vector<std::string> args) {
      args.insert(args.begin(), {"--db", db});
      args.insert(args.end(), layout.begin(), layout.end());
      auto r = run_index(args);
      INFO(r.err);
      CHECK(r.exit_code == 0);
    };
    {
      const auto db = dir / "replaced";
      index(db, {dir / "wire.jsonl"});
      CHECK(story_hits(db) == std::vector<std::string>{"a:a,b,c"});  // one story of three
      index(db, {dir / "a-new.jsonl"});  // a is now another report: b and c stay one story without it
      CHECK(story_hits(db) == std::vector<std::string>{"a:a", "b:b,c"});
      CHECK(run_search({"--db", db, "--count", "*"}).out == "3\n");
      index(db, {dir / "a-again.jsonl"});  // a carries the wire text again: it joins b's story
      CHECK(story_hits(db) == std::vector<std::string>{"b:a,b,c"});
    }
    {
      const auto db = dir / "deleted";
      index(db, {dir / "wire.jsonl"});
      index(db, {"--delete", "a"});
      CHECK(story_hits(db) == std::vector<std::string>{"b:b,c"});
      index(db, {"--delete", "b"});  // the new first article leaves too
      CHECK(story_hits(db) == std::vector<std::string>{"c:c"});
    }
    {
      const auto db = dir / "readded";
      index(db, {dir / "wire.jsonl"});
      index(db, {"--delete", "a", dir / "a-new.jsonl"});  // deleted and given again, other text
      CHECK(story_hits(db) == std::vector<std::string>{"a:a", "b:b,c"});
      index(db, {"--delete", "a"});
      index(db, {dir / "a-new.jsonl"});  // the same in two runs
      CHECK(story_hits(db) == std::vector<std::string>{"a:a", "b:b,c"});
    }
  }
}
