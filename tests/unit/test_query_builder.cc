#include <catch2/catch.hpp>

#include <xapian.h>

#include "error.h"
#include "query_builder.h"

using namespace dipnews;

namespace {
std::string parsed(const std::string& text, const QueryFilters& filters = {}) {
  static Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  QueryBuilder builder(db);
  return builder.build(text, filters).get_description();
}
}  // namespace

// Table of (query, how Xapian understood it), as Xapian's own queryparser tests do.
TEST_CASE("query text is parsed as SPEC §3 says", "[query]") {
  struct Case { const char* in; const char* expected; };
  const Case cases[] = {
      {"ceasefire", "Query(Zceasefir@1)"},
      {"ceasefire talks", "Query((Zceasefir@1 AND Ztalk@2))"},
      {"ceasefire OR truce", "Query((Zceasefir@1 OR Ztruce@2))"},
      {"ceasefire -gaza", "Query((Zceasefir@1 AND_NOT Zgaza@2))"},
      {"ceasefire NOT gaza", "Query((Zceasefir@1 AND_NOT Zgaza@2))"},
      {"\"security guarantees\"", "Query((security@1 PHRASE 2 guarantees@2))"},
      {"Berlin NEAR talks", "Query((berlin@1 NEAR 11 talks@2))"},
      {"title:berlin", "Query(ZSberlin@1)"},
      {"id:Abc-1", "Query(0 * QAbc-1)"},
      {"source:\"Meridian Post\"", "Query(0 * XSOURCEmeridian-post)"},
      {"source:MERIDIAN-POST", "Query(0 * XSOURCEmeridian-post)"},
      {"date:2025", "Query(VALUE_RANGE 0 2025 2025~)"},
      {"date:2025-12-15", "Query(VALUE_RANGE 0 2025-12-15 2025-12-15~)"},
      {"date:2025-12-01..2025-12-31", "Query(VALUE_RANGE 0 2025-12-01 2025-12-31~)"},
      {"date:2025-12..", "Query(VALUE_GE 0 2025-12)"},
      {"date:..2025", "Query(VALUE_LE 0 2025~)"},
      {"*", "Query(<alldocuments>)"},
      {"* NOT gaza", "Query((<alldocuments> AND_NOT Zgaza@2))"},
      {"* -gaza", "Query((<alldocuments> AND_NOT Zgaza@2))"},
      {"-gaza", "Query((<alldocuments> AND_NOT Zgaza@2))"},
      {"* -source:\"Meridian Post\"", "Query((<alldocuments> AND_NOT XSOURCEmeridian-post))"},
      {"* OR ceasefire", "Query((<alldocuments> OR Zceasefir@2))"},
      {"(*)", "Query(<alldocuments>)"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(parsed(c.in) == c.expected);
  }
}

TEST_CASE("option filters combine: same field ORs - different fields AND", "[query]") {
  QueryFilters f;
  f.sources = {"Meridian Post", "atlantic courier"};
  f.since = "2025-12";
  CHECK(parsed("ceasefire", f) ==
        "Query(((Zceasefir@1 FILTER (XSOURCEmeridian-post OR XSOURCEatlantic-courier)) FILTER VALUE_GE 0 2025-12))");
  QueryFilters until;
  until.until = "2025";
  CHECK(parsed("*", until) == "Query((<alldocuments> FILTER VALUE_LE 0 2025~))");
}

TEST_CASE("bad queries are usage errors with a reason", "[query]") {
  CHECK_THROWS_AS(parsed(""), UsageError);
  CHECK_THROWS_WITH(parsed("date:2025-13"), Catch::Contains("bad date '2025-13'"));
  CHECK_THROWS_WITH(parsed("date:2025..2024"), Catch::Contains("ends before it begins"));
  CHECK_THROWS_WITH(parsed("ceasefire AND"), Catch::StartsWith("query error"));
  CHECK_THROWS_WITH(parsed("source:\"!!\""), Catch::Contains("source: needs a value"));
  CHECK_THROWS_WITH(parsed("date:"), Catch::Contains("date: needs a value"));
  CHECK_THROWS_WITH(parsed("ceasefire title:"), Catch::Contains("title: needs a value"));
  // Xapian would silently re-parse this without operators; it must be an error instead.
  CHECK_THROWS_WITH(parsed("ceasefire NEAR"), Catch::Contains("cannot make sense of the operators"));
  QueryFilters f;
  f.since = "12/2025";
  CHECK_THROWS_WITH(parsed("x", f), Catch::StartsWith("--since/--until: bad date"));
}
