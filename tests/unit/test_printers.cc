#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "output/printer.h"

using namespace dipnews;

namespace {

SearchResult sample_result() {
  SearchResult r;
  r.query = "ceasefire";
  r.parsed = "Query(Zceasefir@1)";
  r.total = {2, 2, 2};
  Hit h;
  h.rank = 1;
  h.score = 1.5;
  h.article.id = "a1";
  h.article.title = "Truce \"holds\"";
  h.article.date = "2025-12-15";
  h.article.source = "Meridian Post";
  h.snippet.text = "the ceasefire held";
  h.snippet.highlights = {{4, 13}};
  r.hits.push_back(h);
  Hit undated = h;
  undated.rank = 2;
  undated.article.id = "a2";
  undated.article.date.clear();
  r.hits.push_back(undated);
  return r;
}

std::string print(OutputFormat format, bool color, bool count = false) {
  std::ostringstream out;
  auto p = make_printer(format, out, color);
  if (count) p->count(sample_result());
  else p->result(sample_result());
  return out.str();
}

}  // namespace

TEST_CASE("JSON output has the SPEC §4 fields", "[printer]") {
  const auto j = nlohmann::json::parse(print(OutputFormat::json, false));
  CHECK(j["format_version"] == json_format_version);
  CHECK(j["query"] == "ceasefire");
  CHECK(j["parsed"] == "Query(Zceasefir@1)");
  CHECK(j["total"] == nlohmann::json({{"estimated", 2}, {"lower", 2}, {"upper", 2}}));
  CHECK(j["facets"].is_object());
  CHECK(j["suggestion"].is_null());
  REQUIRE(j["hits"].size() == 2);
  const auto& h = j["hits"][0];
  for (const char* key : {"rank", "id", "score", "date", "source", "title", "url", "actors", "topics", "snippet"}) {
    INFO(key);
    CHECK(h.contains(key));
  }
  CHECK(h["title"] == "Truce \"holds\"");
  CHECK(h["url"].is_null());
  CHECK(h["highlights"] == nlohmann::json::parse("[[4,13]]"));
  CHECK(j["hits"][1]["date"].is_null());
}

TEST_CASE("JSON count output", "[printer]") {
  const auto j = nlohmann::json::parse(print(OutputFormat::json, false, true));
  CHECK(j["count"] == 2);
  CHECK_FALSE(j.contains("hits"));
}

TEST_CASE("text output: readable - colour only when asked", "[printer]") {
  const std::string plain = print(OutputFormat::text, false);
  CHECK_THAT(plain, Catch::StartsWith("2 articles match 'ceasefire' (showing 1-2)"));
  CHECK_THAT(plain, Catch::Contains(" 1. Truce \"holds\"\n    2025-12-15 · Meridian Post · a1\n    the ceasefire held\n"));
  CHECK_THAT(plain, Catch::Contains("undated · Meridian Post · a2"));
  CHECK(plain.find('\x1b') == std::string::npos);

  const std::string coloured = print(OutputFormat::text, true);
  CHECK_THAT(coloured, Catch::Contains("the \x1b[1;33mceasefire\x1b[0m held"));
}

TEST_CASE("text count output is just the number", "[printer]") {
  CHECK(print(OutputFormat::text, false, true) == "2\n");
}

TEST_CASE("every format in the table has a printer", "[printer]") {
  for (const auto& [name, format] : output_formats) {
    INFO(name);
    if (format == OutputFormat::trec) continue;  // batch only: written by the batch runner
    std::ostringstream out;
    auto printer = make_printer(format, out, false);
    REQUIRE(printer);
    printer->result(sample_result());
    CHECK_FALSE(out.str().empty());
  }
}
