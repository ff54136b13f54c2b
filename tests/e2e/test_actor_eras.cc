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

// Ids of the actors tagged in each article (of `type` only, when given), by article id.
std::map<std::string, std::set<std::string>> actors_tagged(const std::string& jsonl, const std::string& type = "") {
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
      if (type.empty() || actor["type"] == type) ids.insert(actor["id"].get<std::string>());
    }
  }
  return out;
}

// Person ids tagged in each article, by article id.
std::map<std::string, std::set<std::string>> people_tagged(const std::string& jsonl) {
  return actors_tagged(jsonl, "person");
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

TEST_CASE("dipnews-search --actor-info says who an actor is, from any of its names", "[e2e][search][actors]") {
  using test::run_search;
  // Any spelling resolves, as actor: does; no index is read (this one does not exist).
  const auto text = run_search({"--db", "/nonexistent/dipnews.db", "--actor-info", "Husni Mubarak"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.err.empty());
  CHECK(text.out.rfind("hosni-mubarak (person): Hosni Mubarak\n", 0) == 0);
  // The UN debate's fuller name is one of his names, not a second actor (the generator merges it).
  CHECK_THAT(text.out, Catch::Contains("  alias: Mohamed Hosni Mubarak\n"));
  CHECK_THAT(text.out, Catch::Contains("  affiliation: egy (Egypt)\n"));
  CHECK_THAT(text.out, Catch::Contains("  role: president of Egypt, 1985-01-01 to 1986-01-01\n"));
  CHECK_THAT(text.out, Catch::Contains("  source: CAMEO/Phoenix, UN General Debate ("));
  // The old id of the merged record now names him through that alias.
  CHECK(run_search({"--actor-info", "mohamed-hosni-mubarak"}).out.rfind("hosni-mubarak (person)", 0) == 0);

  const auto j = run_search({"--actor-info", "PUTIN", "--format=json"});
  REQUIRE(j.exit_code == 0);
  const json putin = json::parse(j.out).at("actor");
  CHECK(putin.at("id") == "vladimir-putin");
  CHECK(putin.at("type") == "person");
  CHECK(putin.at("sources") == json::array({"curated"}));
  REQUIRE(putin.at("roles").size() == 3);
  CHECK(putin["roles"][0] == json({{"title", "president"},
                                   {"title_name", "president"},
                                   {"of", "rus"},
                                   {"of_name", "Russia"},
                                   {"from", "2000-05-07"},
                                   {"to", "2008-05-07"}}));
  CHECK(putin["roles"][2]["to"].is_null());  // still in office
  CHECK_THAT(putin.at("where").get<std::string>(), Catch::Contains("people.actors:"));
}

TEST_CASE("dipnews-search --actor-info refuses unknown and shared names, and other formats", "[e2e][search][actors]") {
  using test::run_search;
  const auto unknown = run_search({"--actor-info", "zelinsky"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  CHECK(unknown.err == "dipnews-search: --actor-info: unknown actor 'zelinsky' (did you mean 'zelensky'?)\n");
  const auto shared = run_search({"--actor-info", "Congo"});
  CHECK(shared.exit_code == 2);
  CHECK_THAT(shared.err, Catch::Contains("'Congo' could be cod, cog; use one of these ids"));
  CHECK(run_search({"--actor-info", "putin", "--format=csv"}).exit_code == 2);
  CHECK(run_search({"--actor-info", "putin", "ceasefire"}).exit_code == 2);
  CHECK(run_search({"--actor-info", "putin", "--list-actors"}).exit_code == 2);
  // A user's own dictionary is read too.
  test::TempDir dir;
  std::ofstream(dir / "mine.actors") << "dictionary: actors\nversion: 2026-01-01.1\n\nactor: ada-envoy\ntype: person\n"
                                        "name: Ada Envoy\nalias: Special Envoy Ada\naffiliation: un\n";
  const auto mine = run_search({"--dictionary", dir / "mine.actors", "--actor-info", "special envoy ada"});
  REQUIRE(mine.exit_code == 0);
  CHECK(mine.out ==
        "ada-envoy (person): Ada Envoy\n  alias: Special Envoy Ada\n  affiliation: un (United Nations)\n"
        "  source: curated (" +
            (dir / "mine.actors") + ":4)\n");
}

namespace {

std::string titled(const std::string& id, const std::string& title, const std::string& body, const std::string& date) {
  json a = {{"id", id}, {"title", title}, {"body", body}};
  if (!date.empty()) a["date"] = date;
  return a.dump() + "\n";
}

}  // namespace

TEST_CASE("a surname only its owner has stands alone in a title or lead while its owner is in office",
          "[e2e][tagging][actors]") {
  const std::string headline = "REAGAN SAYS U.S. WILL ACT ON TRADE";
  const std::string far_body =
      "Officials met for hours on Monday to discuss tariffs, quotas, shipping schedules and the many other "
      "questions of the trade talks between the two sides. Later Reagan spoke.";
  const auto tags = people_tagged(titled("head", headline, "", "1987-03-19") +
                                  titled("lead", "Trade", "Reagan said the U.S. would act.", "1987-03-19") +
                                  titled("undated", headline, "", "") + titled("out", headline, "", "2030-03-19") +
                                  titled("deep", "Trade", far_body, "1987-03-19") +
                                  // Theresa May was prime minister in 2017, but "may" is an ordinary word.
                                  titled("word", "MAY SAYS TALKS WILL GO ON", "", "2017-03-19") +
                                  // Bush is two presidents' surname: alone, it names neither.
                                  titled("shared", "BUSH SAYS U.S. WILL ACT", "", "1990-03-19") +
                                  // A surname whose owner held no dated office then is a company's or a town's.
                                  titled("company", "HUGHES SAYS PROFITS ROSE", "", "1987-03-19"));
  CHECK(tags.at("head") == std::set<std::string>{"ronald-reagan"});
  CHECK(tags.at("lead") == std::set<std::string>{"ronald-reagan"});
  CHECK(tags.at("undated").empty());  // no date, no office: name evidence alone
  CHECK(tags.at("out").empty());
  CHECK(tags.at("deep").empty());  // past the lead, a bare surname still needs a title
  CHECK(tags.at("word").empty());
  CHECK(tags.at("shared").empty());
  CHECK(tags.at("company").empty());
}

TEST_CASE("a town before a region is that region's country's town", "[e2e][tagging][actors]") {
  const auto tags =
      actors_tagged(article("paris-tx", "The plant in Paris, Texas, will close in May.", "1987-03-02") +
                    article("london-on", "A factory in London, Ontario, hired 200 workers.", "1987-03-02") +
                    article("atlanta", "He flew from Atlanta, Georgia, to Moscow on Monday.", "1987-03-02") +
                    // Controls: a country after its capital, a list of places.
                    article("tbilisi", "Talks in Tbilisi, Georgia, with Russia went on.", "2008-03-02") +
                    article("paris-fr", "Ministers met in Paris, France, on Monday.", "1987-03-02") +
                    article("list", "The envoy visited Washington, Georgia and Ukraine this week.", "2008-03-02"));
  CHECK(tags.at("paris-tx") == std::set<std::string>{"usa"});        // not France
  CHECK(tags.at("london-on") == std::set<std::string>{"can"});       // not the United Kingdom
  CHECK(tags.at("atlanta") == std::set<std::string>{"usa", "rus"});  // not the country Georgia
  CHECK(tags.at("tbilisi") == std::set<std::string>{"geo", "rus"});
  CHECK(tags.at("paris-fr") == std::set<std::string>{"fra"});
  CHECK(tags.at("list") == std::set<std::string>{"usa", "geo", "ukr"});
}
