#include <catch2/catch.hpp>

#include <sstream>

#include "bundled_data.h"
#include "collecting_sink.h"
#include "custom_fields.h"
#include "error.h"
#include "input/html_reader.h"
#include "input/jsonl_reader.h"
#include "input/text_reader.h"
#include "query/query_text.h"
#include "resource_limits.h"
#include "schema.h"
#include "writing/document_builder.h"

using namespace dipnews;

TEST_CASE("custom fields: NAME and NAME=KEY declarations", "[custom_fields]") {
  const CustomField plain = parse_field_declaration("speaker");
  CHECK(plain.name == "speaker");
  CHECK(plain.key == "speaker");
  const CustomField keyed = parse_field_declaration(" iso3 = country_iso3 ");
  CHECK(keyed.name == "iso3");
  CHECK(keyed.key == "country_iso3");
  CHECK(parse_field_declaration("section=article:section").key == "article:section");
}

TEST_CASE("custom fields: bad names and built-in names are refused, naming them", "[custom_fields]") {
  for (const char* bad : {"", "Speaker", "2nd", "desk-name", "spé", "a b", "x:y"}) {
    INFO(bad);
    CHECK(field_name_problem(bad));
  }
  CHECK(field_name_problem(std::string(limits::max_field_name_bytes + 1, 'a')));
  CHECK_FALSE(field_name_problem(std::string(limits::max_field_name_bytes, 'a')));
  for (const auto& field : schema::query_fields()) {
    INFO(field.name);
    const auto problem = field_name_problem(field.name);
    REQUIRE(problem);
    CHECK_THAT(*problem, Catch::Contains("built-in"));
  }
  CHECK(field_name_problem("url"));          // a csv column and a JSONL key already
  CHECK(field_name_problem("dipnews_all"));  // the parser's own "every article" field
  CHECK_FALSE(field_name_problem("country_iso3"));
  CHECK_THROWS_AS(parse_field_declaration("country=country_iso3"), UsageError);
  CHECK_THROWS_AS(parse_field_declaration("speaker="), UsageError);
  CHECK_THROWS_AS(parse_field_declaration("speaker=two words"), UsageError);
}

TEST_CASE("custom fields: terms ignore case, accents and punctuation, and fit Xapian", "[custom_fields]") {
  CHECK(custom_field_term("speaker", "Wang Yi") == "XFspeaker:wang-yi");
  CHECK(custom_field_term("speaker", "  WANG   yi ") == custom_field_term("speaker", "wang-yi"));
  CHECK(custom_field_term("speaker", "Élysée") == "XFspeaker:elysee");
  CHECK(custom_field_term("year", "1970") == "XFyear:1970");
  CHECK(custom_field_term("speaker", "--").empty());  // nothing left to match
  // One field's terms never start another's: the name ends at ':'.
  CHECK(custom_field_term("post", "er x").rfind(custom_field_term("poster", "x"), 0) != 0);
  const std::string long_value(1000, 'a');
  const std::string term = custom_field_term("speaker", long_value);
  CHECK(term.size() == schema::max_term_bytes);
  // Cut at a character boundary: a 2-byte letter is never split.
  std::string accented;
  for (int i = 0; i < 300; ++i) accented += "ж";
  const std::string cut = custom_field_term("speaker", accented);
  CHECK(cut.size() <= schema::max_term_bytes);
  CHECK((cut.size() - std::string("XFspeaker:").size()) % 2 == 0);
}

TEST_CASE("custom fields: the record round-trips; damage is an error", "[custom_fields]") {
  const CustomFields fields = {{"speaker", "speaker", 100}, {"iso3", "country_iso3", 101}};
  CHECK(decode_custom_fields(encode_custom_fields(fields)) == fields);
  CHECK(encode_custom_fields({}).empty());
  CHECK(decode_custom_fields("").empty());
  CHECK_THROWS_AS(decode_custom_fields("{not json"), RuntimeFailure);
  CHECK_THROWS_AS(decode_custom_fields(R"([{"name":"actor","key":"a","slot":100}])"), RuntimeFailure);
  CHECK_THROWS_AS(decode_custom_fields(R"([{"name":"x","key":"x","slot":3}])"), RuntimeFailure);
}

TEST_CASE("custom fields: a run keeps the recorded fields and their slots", "[custom_fields]") {
  const CustomFields recorded = {{"speaker", "speaker", schema::slot::custom_first},
                                 {"iso3", "country_iso3", schema::slot::custom_first + 1}};
  SECTION("no declaration: the recorded fields") { CHECK(fields_for_run({}, recorded) == recorded); }
  SECTION("a new field gets the next slot; the old keep theirs, whatever the order") {
    const auto run = fields_for_run({parse_field_declaration("post"), parse_field_declaration("iso3=country_iso3"),
                                     parse_field_declaration("speaker")},
                                    recorded);
    REQUIRE(run.size() == 3);
    CHECK(run[0] == recorded[0]);
    CHECK(run[1] == recorded[1]);
    CHECK(run[2].name == "post");
    CHECK(run[2].slot == schema::slot::custom_first + 2);
  }
  SECTION("dropping a field, or reading it from another key, is refused naming it") {
    try {
      fields_for_run({parse_field_declaration("speaker")}, recorded);
      FAIL("a dropped field was accepted");
    } catch (const UsageError& e) {
      CHECK_THAT(e.message(), Catch::Contains("iso3=country_iso3"));
    }
    CHECK_THROWS_AS(fields_for_run({parse_field_declaration("speaker"), parse_field_declaration("iso3")}, recorded),
                    UsageError);
  }
  SECTION("one name with two keys is refused") {
    CHECK_THROWS_AS(fields_for_run({parse_field_declaration("a=x"), parse_field_declaration("a=y")}, {}), UsageError);
  }
  SECTION("too many fields") {
    std::vector<CustomField> many;
    for (std::size_t i = 0; i <= limits::max_custom_fields; ++i)
      many.push_back({std::string("f").append(std::to_string(i)), "k", 0});
    CHECK_THROWS_AS(fields_for_run(many, {}), UsageError);
  }
}

namespace {

test::CollectingSink read_jsonl(const std::string& text, const CustomFields& fields) {
  std::istringstream in(text);
  test::CollectingSink sink;
  JsonlReader(fields).read(in, "in.jsonl", sink);
  return sink;
}

}  // namespace

TEST_CASE("custom fields: JSONL strings, numbers, booleans and arrays; objects are errors", "[custom_fields][jsonl]") {
  const CustomFields fields = {{"speaker", "speaker", 100}, {"year", "session_year", 101}, {"tags", "tags", 102}};
  auto s = read_jsonl(R"({"id":"a","body":"b","speaker":"Wang Yi","session_year":2015,"tags":["x",3.5,true,null]})"
                      "\n",
                      fields);
  REQUIRE(s.errors.empty());
  REQUIRE(s.articles.size() == 1);
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  CHECK(s.articles[0].fields ==
        Pairs{{"speaker", "Wang Yi"}, {"year", "2015"}, {"tags", "x"}, {"tags", "3.5"}, {"tags", "true"}});
  // A key that is absent or null gives nothing; one that is not declared is ignored.
  s = read_jsonl(R"({"id":"a","body":"b","speaker":null,"post":"President"})"
                 "\n",
                 fields);
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].fields.empty());
  for (const char* bad :
       {R"({"id":"a","body":"b","speaker":{"name":"x"}})", R"({"id":"a","body":"b","tags":[["x"]]})"}) {
    INFO(bad);
    s = read_jsonl(std::string(bad) + "\n", fields);
    CHECK(s.articles.empty());
    REQUIRE(s.errors.size() == 1);
    CHECK_THAT(s.errors[0].what, Catch::Contains("must be a string, a number"));
  }
}

TEST_CASE("custom fields: text headers, in any case, may open the header and repeat", "[custom_fields][text]") {
  const BoilerplateFilter filter;
  const CustomFields fields = {{"speaker", "Speaker", 100}, {"desk", "desk", 101}};
  std::istringstream in("speaker: Wang Yi\nTitle: Remarks\nDESK: Asia\nDesk: Politics\n\nThe body.\n");
  test::CollectingSink sink;
  TextReader(filter, fields).read(in, "remarks.txt", sink);
  REQUIRE(sink.errors.empty());
  REQUIRE(sink.articles.size() == 1);
  const Article& a = sink.articles[0];
  CHECK(a.title == "Remarks");
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  CHECK(a.fields == Pairs{{"speaker", "Wang Yi"}, {"desk", "Asia"}, {"desk", "Politics"}});
  CHECK(a.body == "The body.\n");
}

TEST_CASE("custom fields: names with digits are fields to the query text, times are not", "[custom_fields]") {
  const std::vector<std::string_view> fields = {"title", "iso3"};
  CHECK_FALSE(unknown_field("iso3:chn climate", fields));
  const auto problem = unknown_field("iso4:chn", fields);
  REQUIRE(problem);
  CHECK_THAT(*problem, Catch::Contains("iso4:") && Catch::Contains("iso3:"));
  CHECK_FALSE(unknown_field("talks at 10:30", fields));  // a time, not a field
  CHECK(lower_case_field_names("ISO3:chn", fields) == "iso3:chn");
}

TEST_CASE("custom fields: HTML <meta name|property>, in any case, each a value", "[custom_fields][html]") {
  const CustomFields fields = {{"author", "author", 100}, {"section", "article:section", 101}};
  std::istringstream in(
      "<!doctype html><html><head><title>T</title><meta name=\"AUTHOR\" content=\" Ana  Pérez \">"
      "<meta name=\"author\" content=\"Ben Ode\"><meta property=\"article:section\" content=\"World\">"
      "<meta name=\"description\" content=\"not declared\"></head>"
      "<body><article><h1>T</h1><p>Some article text, long enough to be an article.</p></article></body></html>");
  test::CollectingSink sink;
  HtmlReader(test::bundled_boilerplate(), fields).read(in, "page.html", sink);
  REQUIRE(sink.errors.empty());
  REQUIRE(sink.articles.size() == 1);
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  CHECK(sink.articles[0].fields == Pairs{{"author", "Ana  Pérez"}, {"author", "Ben Ode"}, {"section", "World"}});
}

TEST_CASE("custom fields: the document has a term per value and the values in the field's slot",
          "[custom_fields][builder]") {
  const CustomFields fields = {{"speaker", "speaker", 100}, {"post", "post", 101}, {"desk", "desk", 102}};
  DocumentBuilder builder(fields);
  Article a;
  a.id = "x";
  a.body = "Some words.";
  a.fields = {{"speaker", "Wang Yi"}, {"post", "Minister"}, {"speaker", "Han Zheng"}};
  const Xapian::Document doc = builder.build(a, a, Tags{}, "hash", "", std::nullopt);
  std::vector<std::string> terms;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if ((*t).rfind(schema::prefix::custom_field, 0) == 0) terms.push_back(*t);
  }
  CHECK(terms == std::vector<std::string>{"XFpost:minister", "XFspeaker:han-zheng", "XFspeaker:wang-yi"});
  CHECK(schema::split_list_value(doc.get_value(100)) == std::vector<std::string>{"Wang Yi", "Han Zheng"});
  CHECK(doc.get_value(101) == "Minister");
  CHECK(doc.get_value(102).empty());  // no value, no slot: the facet counts it as (none)
}
