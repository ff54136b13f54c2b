#include <catch2/catch.hpp>

#include "dictionary.h"
#include "error.h"
#include "temp_dir.h"

using namespace dipnews;

namespace {
const std::string data = std::string(DIPNEWS_SOURCE_DIR) + "/tests/data/";
}

TEST_CASE("dictionary files load into actors, titles and topics", "[dictionary]") {
  const auto d = Dictionary::load({data + "test.actors", data + "test.topics"});
  CHECK(d.version() == "test.actors@test.1,test.topics@test.1");
  const Actor* putin = d.actor("vladimir-putin");
  REQUIRE(putin);
  CHECK(putin->type == ActorType::person);
  REQUIRE(putin->roles.size() == 1);
  CHECK(putin->roles[0].held_on("2025-12-15"));
  CHECK_FALSE(putin->roles[0].held_on("2012-05-06"));
  const Actor* scholz = d.actor("olaf-scholz");
  CHECK(scholz->roles[0].held_on("2025-05-05"));
  CHECK_FALSE(scholz->roles[0].held_on("2025-05-06"));  // the successor's first day
  REQUIRE(d.topic("ceasefire"));
  CHECK(d.topic("ceasefire")->threshold == 3);
  CHECK(d.lint().empty());
}

TEST_CASE("names resolve to ids whatever their case, accents or spelling", "[dictionary]") {
  const auto d = Dictionary::load({data + "test.actors", data + "test.topics"});
  CHECK(d.resolve_actor("zelensky") == "volodymyr-zelenskyy");
  CHECK(d.resolve_actor("Volodymyr Zelenskiy") == "volodymyr-zelenskyy");
  CHECK(d.resolve_actor("VOLODYMYR-ZELENSKYY") == "volodymyr-zelenskyy");
  CHECK(d.resolve_actor("the Kremlin") == "rus");  // the article users type is not part of the name
  CHECK(d.resolve_actor("theKremlin") == std::nullopt);
  CHECK(d.resolve_actor("Kremlin") == "rus");
  CHECK(d.resolve_actor("elysee") == "fra");
  CHECK(d.resolve_actor("Congo") == std::nullopt);  // shared by two actors
  CHECK(d.resolve_actor("nobody") == std::nullopt);
  CHECK(d.resolve_topic("Ceasefire") == "ceasefire");
}

TEST_CASE("the lint finds every kind of cross-record problem", "[dictionary]") {
  const auto d = Dictionary::load({data + "bad.actors"});
  const auto problems = d.lint();
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  INFO(all);
  CHECK_THAT(all, Catch::Contains("duplicate actor id 'aaa'"));
  CHECK_THAT(all, Catch::Contains("actor id 'Bad_Id' must use only"));
  CHECK_THAT(all, Catch::Contains("role names unknown office title 'king'"));
  CHECK_THAT(all, Catch::Contains("role names unknown actor 'nowhere'"));
  CHECK_THAT(all, Catch::Contains("ends (2019-01-01) before it starts (2020-06-01)"));
  CHECK_THAT(all, Catch::Contains("name 'shared name' is claimed by 2 actors"));
  CHECK_THAT(all, Catch::Contains("president of aaa: p-one and p-two both hold it on 2020-06-01"));
}

TEST_CASE("dictionary syntax errors name the file and line", "[dictionary]") {
  test::TempDir dir;
  const auto check = [&](const std::string& text, const std::string& expected) {
    const auto path = dir.write("x.actors", text);
    INFO(text);
    CHECK_THROWS_WITH(Dictionary::load({path}), Catch::Contains(path + expected));
  };
  check("dictionary: actors\nversion: 1\n\nactor: a\ntype: planet\nname: A\n", ":5: error: type must be country");
  check("dictionary: actors\nversion: 1\n\nactor: a\ntype: country\nname: A\ncolour: red\n",
        ":7: error: unknown key 'colour'");
  check("dictionary: actors\nversion: 1\n\nactor: a\ntype: country\n", ":4: error: actor 'a' has no name");
  check("dictionary: actors\nversion: 1\n\nactor: a\nno colon here\n", ":5: error: expected 'key: value'");
  check("actor: a\n", ":1: error: a dictionary file starts with");
  check("dictionary: actors\nversion: 1\n\nactor: p\ntype: person\nname: P\nrole: president | usa | 2020\n",
        ":7: error: role must be");
  check("dictionary: topics\nversion: 1\n\ntopic: t\nname: T\nthreshold: 3\npattern: 0 | word\n",
        ":7: error: pattern weight must be");
  check("dictionary: topics\nversion: 1\n\ntopic: t\nname: T\npattern: 1 | word\n",
        ":4: error: topic 't' has no threshold");
}

TEST_CASE("the bundled dictionaries pass the lint", "[dictionary]") {
  const auto d = Dictionary::load(Dictionary::files_in(std::string(DIPNEWS_SOURCE_DIR) + "/corpus/dictionaries"));
  const auto problems = d.lint();
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  INFO(all);
  CHECK(problems.empty());
}

TEST_CASE("names may carry their language; keys that take none say so", "[dictionary]") {
  test::TempDir dir;
  const auto path = dir.write("l.actors",
                              "dictionary: actors\nversion: 1\n\nactor: rus\ntype: country\nname: Russia\n"
                              "demonym: Russian\nalias[ru]: Россия\ndemonym[fr]: russe | russes\n\n"
                              "title: president\nname: president\nalias[de]: Präsident\n");
  const auto d = Dictionary::load({path});
  const Actor* rus = d.actor("rus");
  REQUIRE(rus->names.size() == 5);
  // English names first, then the others in their kinds' order.
  CHECK(rus->names[1].text == "Russian");
  CHECK(rus->names[1].language.empty());
  CHECK(rus->names[2].text == "Россия");
  CHECK(rus->names[2].language == "ru");
  CHECK(rus->names[2].kind == NameKind::alias);
  CHECK(rus->names[4].language == "fr");
  CHECK(rus->names[4].kind == NameKind::demonym);
  CHECK(d.title("president")->languages == std::vector<std::string>{"", "de"});
  CHECK(d.resolve_actor("россия") == "rus");
  const auto bad = [&](const std::string& line) {
    const auto p = dir.write("b.actors", "dictionary: actors\nversion: 1\n\nactor: a\ntype: country\nname: A\n" + line);
    INFO(line);
    CHECK_THROWS_WITH(Dictionary::load({p}), Catch::Contains(":7: error: bad key"));
  };
  bad("affiliation[fr]: x\n");
  bad("alias[Russian]: x\n");
  bad("name[ru]: x\n");
}

TEST_CASE("the lint rejects Cyrillic names of two actors that meet once declined", "[dictionary]") {
  test::TempDir dir;
  const auto path =
      dir.write("c.actors",
                "dictionary: actors\nversion: 1\n\nactor: a\ntype: person\nname: Ivan Petrov\n"
                "alias: Иван Петров\n\nactor: b\ntype: person\nname: Ivana Petrova\nalias: Иван Петрова\n");
  const auto problems = Dictionary::load({path}).lint();
  REQUIRE(problems.size() == 2);
  CHECK_THAT(problems[0], Catch::Contains("once case endings are off ('иван петров')"));
}
