#include <catch2/catch.hpp>

#include "aggregations.h"
#include "bundled_data.h"
#include "database.h"
#include "sample_index.h"

using namespace dipnews;

TEST_CASE("periods: day, ISO week, month, year", "[aggregations]") {
  CHECK(period_of("2025-12-15", TimelineUnit::day) == "2025-12-15");
  CHECK(period_of("2025-12-15", TimelineUnit::month) == "2025-12");
  CHECK(period_of("2025-12-15", TimelineUnit::year) == "2025");
  CHECK(period_of("2025-12-15", TimelineUnit::week) == "2025-W51");
  CHECK(period_of("2024-12-30", TimelineUnit::week) == "2025-W01");  // Monday of the year's first week
  CHECK(period_of("2021-01-03", TimelineUnit::week) == "2020-W53");  // Sunday ending 2020's last week
  CHECK(period_of("2026-01-01", TimelineUnit::week) == "2026-W01");
  CHECK(period_of("2020-12-31", TimelineUnit::week) == "2020-W53");
}

namespace {

struct Fixture {
  test::TempDir dir;
  Xapian::Database db;
  Fixture() {
    test::IndexRun run(dir / "db", {.commit = {100}});  // no tagger: the input's tags are the article's tags
    auto add = [&](std::string id, std::string date, std::vector<std::string> actors, std::vector<std::string> topics,
                   std::string source) {
      Article a = test::make_article(std::move(id), "T", "ceasefire talks", std::move(date), std::move(source));
      a.actors = std::move(actors);
      a.topics = std::move(topics);
      run.write(a);
    };
    add("a", "2025-12-14", {"rus", "ukr", "vladimir-putin"}, {"ceasefire"}, "Meridian Post");
    add("b", "2025-12-15", {"rus", "friedrich-merz"}, {"ceasefire", "sanctions"}, "Meridian Post");
    add("c", "2025-11-02", {"ukr"}, {}, "Atlantic Courier");
    add("d", "", {"rus"}, {"sanctions"}, "");
    run.writer().commit();
    db = open_for_search({dir / "db"});
  }
  static std::vector<std::pair<std::string, Xapian::doccount>> values(const Facet& f) {
    std::vector<std::pair<std::string, Xapian::doccount>> out;
    for (const auto& v : f.values) out.emplace_back(v.id, v.count);
    return out;
  }
};

using Values = std::vector<std::pair<std::string, Xapian::doccount>>;

}  // namespace

TEST_CASE_METHOD(Fixture, "facets count every matching article once per value", "[aggregations]") {
  AggregationRequest r;
  r.facets = {FacetField::actor, FacetField::country, FacetField::person, FacetField::topic, FacetField::source};
  const auto a = aggregate(db, Xapian::Query::MatchAll, r, test::test_dictionary());
  CHECK(a.matches == 4);
  REQUIRE(a.facets.size() == 5);
  CHECK(values(a.facets[0]) == Values{{"rus", 3}, {"ukr", 2}, {"friedrich-merz", 1}, {"vladimir-putin", 1}});
  CHECK(values(a.facets[1]) == Values{{"rus", 3}, {"ukr", 2}});
  CHECK(values(a.facets[2]) == Values{{"friedrich-merz", 1}, {"vladimir-putin", 1}});
  CHECK(a.facets[2].values[1].name == "Vladimir Putin");
  CHECK(values(a.facets[3]) == Values{{"ceasefire", 2}, {"sanctions", 2}});
  CHECK(values(a.facets[4]) == Values{{"Meridian Post", 2}, {"Atlantic Courier", 1}});
}

TEST_CASE_METHOD(Fixture, "a facet counts the matching articles without a value apart, so it adds up",
                 "[aggregations]") {
  AggregationRequest r;
  r.facets = {FacetField::actor, FacetField::country, FacetField::person, FacetField::topic, FacetField::source};
  const auto a = aggregate(db, Xapian::Query::MatchAll, r, test::test_dictionary());
  REQUIRE(a.facets.size() == 5);
  CHECK(a.facets[0].without == 0);  // every article has an actor
  CHECK(a.facets[1].without == 0);  // and a country
  CHECK(a.facets[2].without == 2);  // c and d name no person, though they name countries
  CHECK(a.facets[3].without == 1);  // c has no topic
  CHECK(a.facets[4].without == 1);  // d has no source
  // A single-valued field's counts and its "(none)" add up to the matches.
  Xapian::doccount sources = a.facets[4].without;
  for (const auto& v : a.facets[4].values) sources += v.count;
  CHECK(sources == a.matches);
  // Narrowed by the query: of the two articles naming Ukraine, c has no topic.
  r.facets = {FacetField::topic};
  CHECK(aggregate(db, Xapian::Query("XACTORukr"), r, test::test_dictionary()).facets[0].without == 1);
}

TEST_CASE_METHOD(Fixture, "facets and timeline follow the query, undated articles apart", "[aggregations]") {
  AggregationRequest r;
  r.facets = {FacetField::actor};
  r.timeline = TimelineUnit::month;
  const auto a = aggregate(db, Xapian::Query("XACTORrus"), r, test::test_dictionary());
  CHECK(a.matches == 3);
  CHECK(values(a.facets[0]) == Values{{"rus", 3}, {"friedrich-merz", 1}, {"ukr", 1}, {"vladimir-putin", 1}});
  REQUIRE(a.timeline);
  REQUIRE(a.timeline->periods.size() == 1);
  CHECK(a.timeline->periods[0].period == "2025-12");
  CHECK(a.timeline->periods[0].count == 2);
  CHECK(a.timeline->periods[0].total == 2);
  CHECK(a.timeline->undated == 1);

  r.timeline = TimelineUnit::year;
  const auto all = aggregate(db, Xapian::Query::MatchAll, r, test::test_dictionary());
  REQUIRE(all.timeline->periods.size() == 1);
  CHECK(all.timeline->periods[0].count == 3);
  CHECK(all.timeline->undated == 1);
}

TEST_CASE_METHOD(Fixture, "co-occurrence: lift against the whole index, query's own terms and rare values left out",
                 "[aggregations]") {
  AggregationRequest r;
  r.cooccur = FacetField::actor;
  // Matches: a, b (both tagged ceasefire). In the index: rus 3/4, ukr 2/4, putin 1/4, merz 1/4.
  const auto a = aggregate(db, Xapian::Query("XTOPICceasefire"), r, test::test_dictionary());
  REQUIRE(a.cooccur_field == FacetField::actor);
  REQUIRE(a.cooccur.size() == 1);  // ukr, putin and merz appear in only one match
  CHECK(a.cooccur[0].id == "rus");
  CHECK(a.cooccur[0].count == 2);
  CHECK(a.cooccur[0].total == 3);
  CHECK(a.cooccur[0].lift == Approx((2.0 / 2) / (3.0 / 4)));
  // The queried actor does not co-occur with itself: the same two matches, rus named in the
  // query (under XACTOR or under its type's prefix), and rus is gone.
  const Xapian::Query ceasefire("XTOPICceasefire");
  for (const auto& named : {Xapian::Query(Xapian::Query::OP_AND, ceasefire, Xapian::Query("XACTORrus")),
                            Xapian::Query(Xapian::Query::OP_AND_MAYBE, ceasefire, Xapian::Query("XCOUNTRYrus"))}) {
    INFO(named.get_description());
    const auto self = aggregate(db, named, r, test::test_dictionary());
    REQUIRE(self.matches == a.matches);
    CHECK(self.cooccur.empty());
  }
}

namespace {

std::vector<std::string> cooccurring(const Aggregations& a) {
  std::vector<std::string> ids;
  for (const auto& c : a.cooccur) ids.push_back(c.id);
  return ids;
}

}  // namespace

TEST_CASE("co-occurrence leaves out the values the query names, not those whose id ends a named one",
          "[aggregations]") {
  test::TempDir dir;
  {
    test::IndexRun run(dir / "db", {.commit = {100}});
    auto add = [&](std::string id, std::vector<std::string> actors, std::vector<std::string> topics,
                   std::string source) {
      Article a = test::make_article(std::move(id), "T", "talks", "2025-12-15", std::move(source));
      a.actors = std::move(actors);
      a.topics = std::move(topics);
      run.write(a);
    };
    add("x1", {"deu", "eu"}, {"peace-talks", "talks"}, "Meridian Post");
    add("x2", {"deu", "eu"}, {"peace-talks", "talks"}, "Meridian Post");
    add("x3", {"eu"}, {"talks"}, "Post");
    add("x4", {"fra"}, {}, "Post");
    run.writer().commit();
  }
  const Xapian::Database db = open_for_search({dir / "db"});
  AggregationRequest r;

  r.cooccur = FacetField::actor;  // XACTORdeu ends in "eu"; eu is still an association
  CHECK(cooccurring(aggregate(db, Xapian::Query("XACTORdeu"), r, test::test_dictionary())) ==
        std::vector<std::string>{"eu"});
  const Xapian::Query by_type(Xapian::Query::OP_AND_MAYBE, Xapian::Query("XACTORdeu"), Xapian::Query("XCOUNTRYdeu"));
  CHECK(cooccurring(aggregate(db, by_type, r, test::test_dictionary())) == std::vector<std::string>{"eu"});

  r.cooccur = FacetField::topic;  // XTOPICpeace-talks ends in "talks"
  CHECK(cooccurring(aggregate(db, Xapian::Query("XTOPICpeace-talks"), r, test::test_dictionary())) ==
        std::vector<std::string>{"talks"});

  r.cooccur = FacetField::source;  // a source is named by its slug: XSOURCEmeridian-post is Meridian Post
  const Xapian::Query deu_or_fra(Xapian::Query::OP_OR, Xapian::Query("XACTORdeu"), Xapian::Query("XACTORfra"));
  CHECK(cooccurring(aggregate(db, deu_or_fra, r, test::test_dictionary())) ==
        std::vector<std::string>{"Meridian Post"});
  const Xapian::Query named_source(Xapian::Query::OP_AND_MAYBE, deu_or_fra, Xapian::Query("XSOURCEmeridian-post"));
  CHECK(cooccurring(aggregate(db, named_source, r, test::test_dictionary())).empty());
}
