#include <catch2/catch.hpp>

#include <set>

#include "schema.h"

using namespace dipnews;

TEST_CASE("terms are built from the schema's prefixes and canonical values", "[schema]") {
  CHECK(schema::id_term("Case-Sensitive-Id") == "QCase-Sensitive-Id");
  CHECK(schema::source_term("Meridian Post") == "XSOURCEmeridian-post");
  CHECK(schema::source_term("MERIDIAN-POST") == schema::source_term("meridian post"));
  CHECK(schema::language_term("EN") == "Len");
  CHECK(schema::topic_term("ceasefire") == "XTOPICceasefire");
  CHECK(schema::actor_term("deu") == "XACTORdeu");
  CHECK(schema::actor_term(ActorType::country, "deu") == "XCOUNTRYdeu");
  CHECK(schema::actor_term(ActorType::person, "friedrich-merz") == "XPERSONfriedrich-merz");
  CHECK(schema::actor_term(ActorType::organisation, "eu") == "XORGeu");
  CHECK(schema::analysis_term("russian") == "XANALYSISrussian");
}

TEST_CASE("no prefix starts another, so a whole term names its field", "[schema]") {
  // Comparing terms whole (prefix + value) is only unambiguous if no prefix is the start of
  // another: "XA" beside "XACTOR" would make XACTORputin readable as XA + "CTORputin".
  for (std::string_view a : schema::prefix::all) {
    for (std::string_view b : schema::prefix::all) {
      if (a != b) CHECK_FALSE(b.substr(0, a.size()) == a);
    }
  }
  CHECK(std::size(schema::prefix::all) == 14);  // the user's own fields (XF) and XANALYSIS included
}

TEST_CASE("the field table has unique names and prefixes", "[schema]") {
  std::set<std::string_view> names, prefixes;
  for (const auto& f : schema::query_fields()) {
    CHECK(names.insert(f.name).second);
    if (!f.prefix.empty()) CHECK(prefixes.insert(f.prefix).second);
  }
  CHECK(names.count("title"));
  CHECK(names.count("source"));
  CHECK(names.count("id"));
  CHECK(names.count("date"));
}

TEST_CASE("a title: term maps to the free-text term of the same word", "[schema]") {
  CHECK(schema::text_term_of_title_term("Sberlin") == "berlin");
  CHECK(schema::text_term_of_title_term("ZSberlin") == "Zberlin");
  CHECK(schema::text_term_of_title_term("Zberlin") == std::nullopt);  // a stemmed body word
  CHECK(schema::text_term_of_title_term("berlin") == std::nullopt);
  CHECK(schema::text_term_of_title_term("XSOURCEmeridian-post") == std::nullopt);
}

TEST_CASE("indexed values have a fixed width - so they compare as their numbers do", "[schema]") {
  CHECK(schema::indexed_value(0) == "00000000000000000");
  CHECK(schema::indexed_value(1796406231518719) == "01796406231518719");
  CHECK(schema::indexed_value(9) < schema::indexed_value(10));
  CHECK(schema::parse_indexed_value(schema::indexed_value(1796406231518719)) == 1796406231518719ull);
  CHECK_FALSE(schema::parse_indexed_value(""));
  CHECK_FALSE(schema::parse_indexed_value("1796406231518719"));  // 16 digits
  CHECK_FALSE(schema::parse_indexed_value("0179640623151871x"));
}

TEST_CASE("the tagged_with slot holds a fixed-width code of the dictionary version", "[schema]") {
  const std::string version = "countries.actors@2026-11-28.1,topics@2026-11-30.2";
  const std::string code = schema::tagged_with_value(version);
  CHECK(code.size() == 16);
  CHECK(code.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(schema::tagged_with_value(version) == code);  // --retag compares codes
  // One character apart, as consecutive dictionary versions are.
  CHECK(schema::tagged_with_value("countries.actors@2026-11-28.1,topics@2026-11-30.3") != code);
  // Indexes hold the code: it is FNV-1a's, fixed (the published test vector for "a").
  CHECK(schema::tagged_with_value("a") == "af63dc4c8601ec8c");
  CHECK(schema::tagged_with_value("").empty());  // untagged articles have no value
}
