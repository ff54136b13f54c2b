// Actors at archive scale: role phrases resolve to the holder on the article's
// date in three eras, and the date decides between namesakes and for a surname after a
// title. Articles written for this test; the people come from the bundled dictionaries
// (world-leaders.actors generated from the Phoenix lists and the UN debate speakers).
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

namespace {

// Person ids tagged in each article, by article id.
std::map<std::string, std::set<std::string>> people_tagged(const std::string& jsonl) {
  test::TempDir dir;
  std::ofstream(dir / "a.jsonl") << jsonl;
  auto r = run_index({"--explain", "--format=jsonl", dir / "a.jsonl"});
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::set<std::string>> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const json a = json::parse(line);
    auto& ids = out[a["id"]];
    for (const auto& actor : a["actors"]) {
      if (actor["type"] == "person") ids.insert(actor["id"].get<std::string>());
    }
  }
  return out;
}

std::string article(const std::string& id, const std::string& body, const std::string& date) {
  json a = {{"id", id}, {"title", "Report"}, {"body", body}};
  if (!date.empty()) a["date"] = date;
  return a.dump() + "\n";
}

}  // namespace

TEST_CASE("role phrases resolve to the holder on the article's date, in three eras", "[e2e][tagging][actors]") {
  const std::string phrase = "The Japanese prime minister met bankers in Tokyo.";
  const auto tags = people_tagged(article("e1987", phrase, "1987-03-02") + article("e2019", phrase, "2019-05-01") +
                                  article("eth2019", "The Ethiopian president opened the summit.", "2019-11-20") +
                                  article("usa1962", "The US president spoke on Cuba.", "1962-10-22") +
                                  article("eth1950", "The Ethiopian president opened the summit.", "1950-01-10"));
  CHECK(tags.at("e1987") == std::set<std::string>{"yasuhiro-nakasone"});
  CHECK(tags.at("e2019") == std::set<std::string>{"shinzo-abe"});
  CHECK(tags.at("eth2019") == std::set<std::string>{"sahle-work-zewde"});
  CHECK(tags.at("usa1962") == std::set<std::string>{"john-f-kennedy"});
  // Where the sources cannot say who held the office, no person is tagged.
  CHECK(tags.at("eth1950").empty());
}

TEST_CASE("namesakes and surnames after a title: the article's date decides", "[e2e][tagging][actors]") {
  const std::string title_surname = "President Bush spoke to reporters about the Gulf.";
  const std::string full = "George Bush met Helmut Kohl in Bonn.";
  const auto tags =
      people_tagged(article("b1990", title_surname, "1990-08-10") + article("b2005", title_surname, "2005-08-10") +
                    article("f1990", full, "1990-05-10") + article("f2004", full, "2004-05-10") +
                    article("undated", full, "") + article("far", "President Nakasone spoke.", "2030-06-01") +
                    article("bare", "Thatcher said nothing.", "1987-03-02"));
  CHECK(tags.at("b1990") == std::set<std::string>{"george-bush"});
  CHECK(tags.at("b2005") == std::set<std::string>{"george-w-bush"});
  CHECK(tags.at("f1990") == std::set<std::string>{"george-bush", "helmut-kohl"});
  CHECK(tags.at("f2004").count("george-w-bush") == 1);
  CHECK(tags.at("f2004").count("george-bush") == 0);
  // An undated article cannot tell the two George Bushes apart: neither is tagged.
  CHECK(tags.at("undated") == std::set<std::string>{"helmut-kohl"});
  // A surname far from any span of its owner's public life needs the full name.
  CHECK(tags.at("far").empty());
  // A bare surname with neither a full mention nor a title is not enough (existing rule).
  CHECK(tags.at("bare").empty());
}

TEST_CASE("a place right after a given name is part of a person's name", "[e2e][tagging][actors]") {
  test::TempDir dir;
  std::ofstream(dir / "a.jsonl") << article("novel", "Jack London wrote about the Klondike.", "1987-03-02")
                                 << article("city", "In London, ministers met on Monday.", "1987-03-02")
                                 << article("both", "Jack London was born far from London.", "1987-03-02");
  auto r = run_index({"--explain", "--format=jsonl", dir / "a.jsonl"});
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::vector<std::string>> london;  // article -> texts that tagged gbr
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const json a = json::parse(line);
    auto& texts = london[a["id"]];
    for (const auto& actor : a["actors"]) {
      if (actor["id"] != "gbr") continue;
      for (const auto& e : actor["evidence"]) texts.push_back(e["text"]);
    }
  }
  CHECK(london.at("novel").empty());
  CHECK(london.at("city") == std::vector<std::string>{"London"});  // "In" opens a sentence: no given name
  CHECK(london.at("both").size() == 1);                            // only the second London
}
