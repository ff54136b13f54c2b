#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "schema.h"
#include "temp_dir.h"

using namespace dipnews;
using nlohmann::json;
using test::run_index;
using test::run_search;

namespace {

std::vector<std::string> sorted_ids(const json& list) {
  std::vector<std::string> ids;
  for (const auto& item : list) ids.push_back(item["id"]);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

TEST_CASE("golden tags: every actor and topic of every bundled article", "[e2e][tagging]") {
  std::ifstream in(DIPNEWS_GOLDEN_TAGS);
  REQUIRE(in);
  const json golden = json::parse(in);
  auto r = run_index({"--explain", "--format=jsonl", DIPNEWS_CORPUS_DIR});
  REQUIRE(r.exit_code == 0);
  std::size_t seen = 0;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const json a = json::parse(line);
    const std::string id = a["id"];
    INFO("article " << id << " (update with scripts/update-golden after an intended change)");
    REQUIRE(golden.contains(id));
    CHECK(sorted_ids(a["actors"]) == golden[id]["actors"].get<std::vector<std::string>>());
    CHECK(sorted_ids(a["topics"]) == golden[id]["topics"].get<std::vector<std::string>>());
    ++seen;
  }
  CHECK(seen == golden.size());
  CHECK(seen == static_cast<std::size_t>(test::bundled_article_count()));
}

TEST_CASE("explain JSON: one array of the JSONL objects - empty input still valid JSON", "[e2e][tagging]") {
  auto array = run_index({"--explain", "--format=json", DIPNEWS_CORPUS_DIR});
  REQUIRE(array.exit_code == 0);
  const json all = json::parse(array.out);
  REQUIRE(all.is_array());
  CHECK(all.size() == static_cast<std::size_t>(test::bundled_article_count()));
  auto lines = run_index({"--explain", "--format=jsonl", DIPNEWS_CORPUS_DIR});
  std::istringstream in(lines.out);
  std::string first;
  std::getline(in, first);
  CHECK(all.at(0) == json::parse(first));
  test::TempDir dir;
  std::ofstream(dir / "empty.jsonl").close();
  auto empty = run_index({"--explain", "--format=json", dir / "empty.jsonl"});
  CHECK(empty.exit_code == 0);
  CHECK(json::parse(empty.out) == json::array());
}

TEST_CASE("explain output that cannot be written fails - exit 1, the reason on stderr", "[e2e][tagging]") {
  for (const char* format : {"--format=text", "--format=jsonl", "--format=json"}) {
    INFO(format);
    auto r = test::run_to_full_disk(DIPNEWS_INDEX_BIN, {"--explain", format, DIPNEWS_CORPUS_DIR});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("cannot write results to standard output: No space left on device"));
  }
}

TEST_CASE("explain JSONL: evidence points at the exact text that fired", "[e2e][tagging]") {
  test::TempDir dir;
  const std::string body =
      "Russian President Vladimir Putin met Chancellor Merz in Berlin. "
      "Officials in Kyiv said the truce held; a ceasefire was agreed.";
  const auto file = dir.write(
      "a.jsonl",
      json({{"id", "x1"}, {"title", "Talks in Berlin"}, {"body", body}, {"date", "2025-12-15"}}).dump() + "\n");
  auto r = run_index({"--explain", "--format=jsonl", file});
  REQUIRE(r.exit_code == 0);
  const json a = json::parse(r.out);
  CHECK(a["id"] == "x1");
  CHECK(a["date"] == "2025-12-15");
  CHECK(sorted_ids(a["actors"]) == std::vector<std::string>{"deu", "friedrich-merz", "rus", "ukr", "vladimir-putin"});
  for (const auto& actor : a["actors"]) {
    CHECK(actor.contains("type"));
    CHECK(actor.contains("name"));
    CHECK(actor["primary"].is_boolean());
    for (const auto& e : actor["evidence"]) {
      const std::string field = e["field"];
      const std::string& text = field == "title" ? "Talks in Berlin" : body;
      INFO(e.dump());
      CHECK(test::code_point_slice(text, e["start"], e["end"]) == e["text"].get<std::string>());
      CHECK_FALSE(e["rule"].get<std::string>().empty());
    }
  }
  const auto merz =
      std::find_if(a["actors"].begin(), a["actors"].end(), [](const json& x) { return x["id"] == "friedrich-merz"; });
  CHECK((*merz)["evidence"][0]["rule"] == "title + surname");
  REQUIRE(a["topics"].size() >= 1);
  CHECK(a["topics"][0]["id"] == "ceasefire");
}

TEST_CASE("explain text output and its errors", "[e2e][tagging]") {
  test::TempDir dir;
  const auto file = dir.write("a.jsonl",
                              "{\"id\":\"y\",\"body\":\"The Kremlin said no.\",\"date\":\"2025-01-01\"}\n"
                              "{\"id\":\"z\"}\n");
  auto r = run_index({"--explain", file});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::StartsWith("y  2025-01-01  (" + file + ":1)\n  actors\n    rus  country  Russia"));
  CHECK_THAT(r.out, Catch::Contains("\"Kremlin\""));
  CHECK_THAT(r.out, Catch::Contains("metonym"));
  CHECK_THAT(r.err, Catch::Contains(file + ":2: error: missing required field \"body\""));
  CHECK(run_index({"--explain", "--format=xml", file}).exit_code == 2);
  CHECK(run_index({"--format=jsonl", file}).exit_code == 2);  // --format belongs to --explain
}

TEST_CASE("explain detects an article's language as indexing does, and tags it in that language", "[e2e][tagging]") {
  test::TempDir dir;
  // No "language" field: the Russian topic patterns count only once the language is detected.
  const auto file = dir.write("ru.jsonl",
                              "{\"id\":\"ru1\",\"date\":\"2025-10-23\",\"title\":\"Новые санкции против "
                              "российской нефти\",\"body\":\"Вашингтон ввёл санкции против двух крупнейших "
                              "нефтяных компаний России. В Москве заявили, что новые санкции не изменят курса.\"}\n");
  auto text = run_index({"--explain", file});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::StartsWith("ru1  2025-10-23  (" + file + ":1)  language ru\n"));
  CHECK_THAT(text.out, Catch::Contains("sanctions  Sanctions"));
  auto jsonl = run_index({"--explain", "--format=jsonl", file});
  const auto explained = nlohmann::json::parse(jsonl.out);
  CHECK(explained["language"] == "ru");
  REQUIRE_FALSE(explained["topics"].empty());
  CHECK(explained["topics"][0]["id"] == "sanctions");

  const auto db = (dir.path() / "db").string();
  REQUIRE(run_index({"--quiet", "--db", db, file}).exit_code == 0);
  auto hit = run_search({"--db", db, "--format=ids", "topic:sanctions language:ru"});
  CHECK(hit.out == "ru1\n");
}

TEST_CASE("explain text: a name matched across a line break stays on its evidence line", "[e2e][tagging]") {
  // The evidence is the text as written; printed raw, its newline would start a line that a
  // script reads as another tag.
  test::TempDir dir;
  const auto file = dir.write(
      "nl.jsonl", "{\"id\":\"nl\",\"date\":\"2025-12-15\",\"body\":\"Talks with Volodymyr\\nZelenskyy ended.\"}\n");
  auto r = run_index({"--explain", file});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("\"Volodymyr\\nZelenskyy\""));
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK((line.empty() || line.rfind("nl  ", 0) == 0 || line.rfind("  ", 0) == 0));
  }
}

TEST_CASE("dictionary lint: bundled dictionaries pass, a bad one is reported", "[e2e][tagging]") {
  auto ok = run_index({"--lint-dictionaries"});
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.err, Catch::Contains("; 0 problems"));
  auto bad = run_index({"--lint-dictionaries", "--dictionary", DIPNEWS_TEST_DATA "/bad.actors"});
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Catch::Contains("duplicate actor id 'aaa'"));
  test::TempDir dir;
  const auto broken = dir.write("broken.actors", "dictionary: actors\nversion: 1\n\nactor: q\ntype: planet\nname: Q\n");
  auto syntax = run_index({"--lint-dictionaries", "--dictionary", broken});
  CHECK(syntax.exit_code == 1);
  CHECK_THAT(syntax.err, Catch::Contains(broken + ":5: error: type must be"));
}

TEST_CASE("tags become index terms and stored fields; the dictionary version is recorded", "[e2e][tagging]") {
  test::TempDir dir;
  REQUIRE(run_index({"--db", dir / "db", "--quiet", DIPNEWS_CORPUS_DIR}).exit_code == 0);
  {
    Xapian::Database db(dir / "db");
    CHECK(db.get_termfreq(std::string(schema::prefix::actor) + "vladimir-putin") > 0);
    CHECK(db.get_termfreq(std::string(schema::prefix::person) + "vladimir-putin") ==
          db.get_termfreq(std::string(schema::prefix::actor) + "vladimir-putin"));
    CHECK(db.get_termfreq(std::string(schema::prefix::country) + "rus") > 0);
    CHECK(db.get_termfreq(std::string(schema::prefix::org) + "nato") > 0);
    CHECK(db.get_termfreq(schema::topic_term("ceasefire")) > 0);
    CHECK_THAT(db.get_metadata(schema::metadata::dictionary_version), Catch::Contains("countries.actors@"));
  }
  const json hit = json::parse(run_search({"--db", dir / "db", "--format=json", "--limit=1",
                                           "id:global-affairs-wire-20251215-berlin-talks-outcome"})
                                   .out)["hits"][0];
  const auto actors = hit["actors"].get<std::vector<std::string>>();
  CHECK(std::count(actors.begin(), actors.end(), "blackrock") == 1);
  CHECK(std::count(actors.begin(), actors.end(), "friedrich-merz") == 1);

  // The catalogue counts what the index holds, and lists dictionary entries with none.
  const json listed = json::parse(run_search({"--db", dir / "db", "--list-actors", "--format=json"}).out);
  std::map<std::string, int> counts;
  for (const auto& e : listed["actors"]) counts[e["id"]] = e["articles"];
  Xapian::Database db(dir / "db");
  CHECK(counts["vladimir-putin"] ==
        static_cast<int>(db.get_termfreq(std::string(schema::prefix::actor) + "vladimir-putin")));
  CHECK(counts.count("tuv") == 1);  // Tuvalu: in the dictionary, in no article
  CHECK(counts["tuv"] == 0);
  const auto topics = run_search({"--db", dir / "db", "--list-topics"});
  CHECK(topics.exit_code == 0);
  CHECK_THAT(topics.out, Catch::Contains("  ceasefire  topic  Ceasefire"));
  // The same catalogue in the line formats (they printed the text form).
  const int ceasefire = static_cast<int>(db.get_termfreq(schema::topic_term("ceasefire")));
  const auto tsv = run_search({"--db", dir / "db", "--list-topics", "--format=tsv"});
  CHECK_THAT(tsv.out, Catch::Contains("ceasefire\ttopic\tCeasefire\t" + std::to_string(ceasefire) + "\n"));
  const auto csv = run_search({"--db", dir / "db", "--list-topics", "--format=csv"});
  CHECK_THAT(csv.out, Catch::StartsWith("id,type,name,articles\r\n"));
  const auto ids = run_search({"--db", dir / "db", "--list-topics", "--format=ids"});
  CHECK_THAT(ids.out, Catch::Contains("\nceasefire\n") || Catch::StartsWith("ceasefire\n"));
  const auto jsonl = run_search({"--db", dir / "db", "--list-actors", "--format=jsonl"});
  CHECK(json::parse(jsonl.out.substr(0, jsonl.out.find('\n'))).contains("articles"));

  // New dictionaries change the tags: every article is rewritten on the next run.
  auto again = run_index({"--db", dir / "db", "--dictionary", DIPNEWS_TEST_DATA "/test.topics", DIPNEWS_CORPUS_DIR});
  CHECK_THAT(again.err, Catch::Contains("0 added, " + std::to_string(test::bundled_article_count()) + " replaced"));
}
