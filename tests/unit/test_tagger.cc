#include <catch2/catch.hpp>

#include "bundled_data.h"

#include <algorithm>

#include "tagging/tagger.h"

using namespace dipnews;

namespace {

Tags tag(const std::string& body, const std::string& date = "2025-12-15", const std::string& title = "") {
  static const Tagger tagger(test::test_dictionary());
  Article a;
  a.id = "t";
  a.title = title;
  a.body = body;
  a.date = date;
  return tagger.tag(a);
}

std::vector<std::string> actor_ids(const Tags& t) {
  std::vector<std::string> ids;
  for (const auto& a : t.actors) ids.push_back(a.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

const ActorTag* find(const Tags& t, const std::string& id) {
  for (const auto& a : t.actors) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("a title, a demonym and a full name: person and country", "[tagger]") {
  const Tags t = tag("Russian President Vladimir Putin met envoys.");
  CHECK(actor_ids(t) == Ids{"rus", "vladimir-putin"});
  const ActorTag* putin = find(t, "vladimir-putin");
  REQUIRE(putin->evidence.size() == 2);
  CHECK(putin->evidence[0].rule == "role at date: president of Russia on 2025-12-15");
  CHECK(putin->evidence[0].text == "Russian President");
  CHECK(putin->evidence[1].rule == "name");
  CHECK(putin->evidence[1].start == 18);
  CHECK(putin->evidence[1].end == 32);
  CHECK(putin->evidence[1].field == "body");
}

TEST_CASE("the same role phrase on two dates names two people", "[tagger]") {
  CHECK(actor_ids(tag("The German chancellor spoke in Brussels.", "2024-06-01")) == Ids{"deu", "olaf-scholz"});
  CHECK(actor_ids(tag("The German chancellor spoke in Brussels.", "2025-06-01")) == Ids{"deu", "friedrich-merz"});
  // Handover day: the successor holds the office.
  CHECK(actor_ids(tag("The chancellor of Germany spoke.", "2025-05-06")) == Ids{"deu", "friedrich-merz"});
  // Undated: the office's country, but nobody can be named.
  CHECK(actor_ids(tag("The German chancellor spoke.", "")) == Ids{"deu"});
}

TEST_CASE("possessive role phrases with curly apostrophes", "[tagger]") {
  CHECK(actor_ids(tag("Ukraine\xE2\x80\x99s president flew to Berlin.")) == Ids{"deu", "ukr", "volodymyr-zelenskyy"});
  CHECK(actor_ids(tag("Nato chief arrives.", "2025-01-10")) == Ids{"mark-rutte", "nato"});
}

TEST_CASE("a bare surname needs a full mention or a title", "[tagger]") {
  // Unless it is its owner's alone and stands in the title or lead while the owner is in office.
  CHECK(actor_ids(tag("Merz said the talks went well.", "2020-06-01")) == Ids{});
  CHECK(actor_ids(tag("Merz said the talks went well.")) == Ids{"friedrich-merz"});
  CHECK(find(tag("Merz said the talks went well."), "friedrich-merz")->evidence[0].rule ==
        "distinctive surname in title or lead");
  const std::string past_the_lead(160, ' ');
  CHECK(actor_ids(tag("Talks went on." + past_the_lead + "Merz said they went well.")) == Ids{});
  CHECK(actor_ids(tag("Chancellor Merz said the talks went well.")) == Ids{"friedrich-merz"});
  CHECK(actor_ids(tag("Mr Merz said the talks went well.")) == Ids{"friedrich-merz"});
  const Tags t = tag("Merz said so. Friedrich Merz then left.");
  const ActorTag* merz = find(t, "friedrich-merz");
  REQUIRE(merz);
  REQUIRE(merz->evidence.size() == 2);
  CHECK(merz->evidence[0].rule == "name");
  CHECK(merz->evidence[1].rule == "surname after full mention");
  CHECK(merz->evidence[1].text == "Merz");
  CHECK(merz->evidence[1].start == 0);
}

TEST_CASE("every spelling of a name is one actor", "[tagger]") {
  for (const char* text : {"Volodymyr Zelenskyy spoke.", "Volodymyr Zelensky spoke.", "Volodymyr Zelenskiy spoke.",
                           "President Zelensky spoke.", "Volodymyr Zelenskyy arrived. Zelenskiy spoke."}) {
    INFO(text);
    CHECK(actor_ids(tag(text)) == Ids{"volodymyr-zelenskyy"});
  }
}

TEST_CASE("demonyms, capitals, metonyms and former names tag the country", "[tagger]") {
  CHECK(actor_ids(tag("Russian forces advanced.")) == Ids{"rus"});
  CHECK(actor_ids(tag("The Kremlin said no.")) == Ids{"rus"});
  CHECK(actor_ids(tag("Officials in Kyiv said.")) == Ids{"ukr"});
  CHECK(actor_ids(tag("The USSR collapsed.")) == Ids{"rus"});
  CHECK(find(tag("The USSR collapsed."), "rus")->evidence[0].rule == "former name");
  CHECK(actor_ids(tag("A statement from the Elysee.")) == Ids{"fra"});
  CHECK(actor_ids(tag("A statement from the \xC3\x89lys\xC3\xA9"
                      "e.")) == Ids{"fra"});
}

TEST_CASE("acronyms match capitals only; capitalised names match capitalised text only", "[tagger]") {
  CHECK(actor_ids(tag("He told us the plan.")) == Ids{});
  CHECK(actor_ids(tag("The US said.")) == Ids{"usa"});
  CHECK(actor_ids(tag("The U.S. said.")) == Ids{"usa"});
  CHECK(actor_ids(tag("US-led talks.")) == Ids{"usa"});
  CHECK(actor_ids(tag("Exports of china clay rose.")) == Ids{});
  CHECK(actor_ids(tag("Exports to China rose.")) == Ids{"chn"});
}

TEST_CASE("text in capitals: names match, but only dotted acronyms", "[tagger]") {
  const std::string upper = "THE U.S. AND CHINA MET IN GENEVA. LET US HOPE FOR THE BEST, THEY SAID TODAY.";
  CHECK(actor_ids(tag(upper)) == Ids{"chn", "usa"});
  const std::string pronoun = "LET US HOPE THAT THE TALKS IN GENEVA WILL GO WELL, THEY SAID TODAY.";
  CHECK(actor_ids(tag(pronoun)) == Ids{});
}

TEST_CASE("ambiguous names need support from the article", "[tagger]") {
  CHECK(actor_ids(tag("Turkey is served at dinner.")) == Ids{});
  CHECK(actor_ids(tag("Turkey hosted talks between Russia and Ukraine.")) == Ids{"rus", "tur", "ukr"});
  CHECK(find(tag("Turkey hosted talks with Russia."), "tur")->evidence[0].rule ==
        "ambiguous name, supported by other countries named");
  CHECK(actor_ids(tag("Ankara said Turkey would help.")) == Ids{"tur"});
  // Shared by two actors: only the one the article supports.
  CHECK(actor_ids(tag("Congo and Russia signed.")) == Ids{"rus"});
  CHECK(actor_ids(tag("Officials in Brazzaville said Congo would sign.")) == Ids{"cog"});
}

TEST_CASE("human tags from the input are merged with automatic ones", "[tagger]") {
  static const Tagger tagger(test::test_dictionary());
  Article a;
  a.id = "h";
  a.body = "The Kremlin said no.";
  a.date = "2025-12-15";
  a.actors = {"Zelensky", "rus", "Some Unknown Group"};
  a.topics = {"Ceasefire"};
  const Tags t = tagger.tag(a);
  CHECK(actor_ids(t) == Ids{"rus", "some-unknown-group", "volodymyr-zelenskyy"});
  CHECK(find(t, "rus")->evidence.size() == 2);
  CHECK(find(t, "rus")->evidence[1].rule == "given in input");
  CHECK_FALSE(find(t, "some-unknown-group")->type);
  REQUIRE(t.topics.size() == 1);
  CHECK(t.topics[0].id == "ceasefire");
}

TEST_CASE("topics: weighted patterns reach a threshold; title counts double", "[tagger]") {
  CHECK(tag("Heavy fighting continued.").topics.empty());  // weight 1 < 3
  const Tags truce = tag("A truce held and the fighting stopped.");
  REQUIRE(truce.topics.size() == 1);
  CHECK(truce.topics[0].score == 3);
  const Tags stemmed = tag("Both sides agreed to cease-fires.");
  REQUIRE(stemmed.topics.size() == 1);
  CHECK(stemmed.topics[0].id == "ceasefire");
  const Tags titled = tag("Markets were calm.", "2025-12-15", "Truce agreed");
  REQUIRE(titled.topics.size() == 1);
  CHECK(titled.topics[0].score == 4);
  CHECK(titled.topics[0].evidence[0].field == "title");
  // A longer pattern hides the shorter one inside it.
  const Tags package = tag("The EU adopted a sanctions package.");
  REQUIRE(package.topics.size() == 1);
  CHECK(package.topics[0].score == 3);
  CHECK(package.topics[0].evidence.size() == 1);
  CHECK(package.topics[0].evidence[0].text == "sanctions package");
}
