// Tagging in other languages and scripts, end to end: dipnews-index --explain on
// tests/data/names-in-scripts.jsonl (one short article per language), then actor: in the
// searcher by English id, native script, inflected form and other romanisations.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "temp_dir.h"

using namespace dipnews;
using nlohmann::json;
using test::run_index;
using test::run_search;

namespace {

const std::string articles = std::string(DIPNEWS_TEST_DATA) + "/names-in-scripts.jsonl";

std::map<std::string, json> explained() {
  auto r = run_index({"--explain", "--format=jsonl", articles});
  REQUIRE(r.exit_code == 0);
  std::map<std::string, json> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const json a = json::parse(line);
    out[a["id"]] = a;
  }
  return out;
}

std::set<std::string> ids(const json& list) {
  std::set<std::string> out;
  for (const auto& x : list) out.insert(x["id"].get<std::string>());
  return out;
}

std::set<std::string> found(const std::string& db, const std::string& query) {
  auto r = run_search({"--db", db, "--format=ids", query});
  INFO(query << ": " << r.err);
  REQUIRE(r.exit_code == 0);
  std::set<std::string> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) out.insert(line);
  return out;
}

}  // namespace

TEST_CASE("articles in seven languages get their actors and topics, with evidence in their script",
          "[e2e][languages]") {
  const auto tags = explained();
  REQUIRE(tags.size() == 7);
  using Set = std::set<std::string>;
  const std::map<std::string, std::pair<Set, Set>> expected = {
      {"names-ru", {{"rus", "usa", "sergei-lavrov", "marco-rubio"}, {"ceasefire", "security-guarantees"}}},
      {"names-uk", {{"ukr", "rus", "eu", "volodymyr-zelenskyy"}, {"sanctions"}}},
      {"names-ar", {{"rus", "usa", "sergei-lavrov", "vladimir-putin"}, {"ceasefire", "security-guarantees"}}},
      {"names-zh", {{"chn", "rus", "ukr", "usa", "xi-jinping", "vladimir-putin", "donald-trump"}, {"ceasefire"}}},
      {"names-de", {{"rus", "ukr", "vladimir-putin", "friedrich-merz"}, {"ceasefire", "security-guarantees"}}},
      {"names-fr", {{"fra", "emmanuel-macron", "volodymyr-zelenskyy"}, {"ceasefire", "security-guarantees"}}},
      {"names-es", {{"rus", "usa", "nato", "vladimir-putin"}, {"ceasefire", "sanctions"}}},
  };
  std::ifstream in(articles);
  for (std::string line; std::getline(in, line);) {
    const json input = json::parse(line);
    const std::string id = input["id"];
    INFO(id);
    const json& a = tags.at(id);
    CHECK(ids(a["actors"]) == expected.at(id).first);
    CHECK(ids(a["topics"]) == expected.at(id).second);
    // Every piece of evidence is the exact text at its code points, whatever the script.
    for (const char* kind : {"actors", "topics"}) {
      for (const auto& tag : a[kind]) {
        for (const auto& e : tag["evidence"]) {
          const std::string text = input[e["field"].get<std::string>()];
          INFO(e.dump());
          CHECK(test::code_point_slice(text, e["start"], e["end"]) == e["text"].get<std::string>());
        }
      }
    }
  }
  // The role phrase and the inflected forms are the evidence --explain shows.
  const auto rules = [&](const std::string& article, const std::string& actor) {
    std::set<std::string> texts;
    for (const auto& t : tags.at(article)["actors"]) {
      if (t["id"] != actor) continue;
      for (const auto& e : t["evidence"]) texts.insert(e["text"].get<std::string>());
    }
    return texts;
  };
  CHECK(rules("names-ru", "sergei-lavrov").count("Министр иностранных дел России"));
  CHECK(rules("names-ru", "sergei-lavrov").count("Лаврова"));
  CHECK(rules("names-uk", "volodymyr-zelenskyy").count("Зеленського"));
  CHECK(rules("names-ar", "vladimir-putin").count("وبوتين"));
  CHECK(rules("names-zh", "vladimir-putin").count("俄罗斯总统"));
  CHECK(rules("names-de", "vladimir-putin").count("russische Präsident"));
  CHECK(rules("names-fr", "emmanuel-macron").count("président français"));
  CHECK(rules("names-es", "vladimir-putin").count("presidente ruso"));
}

TEST_CASE("actor: finds them by id, native script, inflected form and other romanisations", "[e2e][languages]") {
  test::TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(run_index({"--db", db, "--quiet", articles}).exit_code == 0);
  const std::set<std::string> lavrov = {"names-ru", "names-ar"};
  for (const char* q : {"actor:sergei-lavrov", "actor:лавров", "actor:Лаврова", "actor:lavrov", "actor:lawrow",
                        "actor:lavrof", "actor:لافروف"}) {
    CHECK(found(db, q) == lavrov);
  }
  const std::set<std::string> zelensky = {"names-uk", "names-fr"};
  for (const char* q : {"actor:Зеленський", "actor:Зеленского", "actor:selenskyj", "actor:泽连斯基"})
    CHECK(found(db, q) == zelensky);
  CHECK(found(db, "country:Росія").count("names-uk") == 1);
  CHECK(found(db, "person:习近平") == std::set<std::string>{"names-zh"});
  // A name two actors share stays an error naming them, loosely or not.
  CHECK(run_search({"--db", db, "--format=ids", "actor:bush"}).exit_code == 2);
}
