#include <catch2/catch.hpp>

#include <optional>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "output/printer.h"
#include "search_options.h"

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

TEST_CASE("JSON output has the fields docs/output-format.md lists", "[printer]") {
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

namespace {

// What one format writes for one mode, or nullopt when its printer refuses the mode.
enum class Mode { single, single_count, batch, batch_count, catalogue };
constexpr Mode modes[] = {Mode::single, Mode::single_count, Mode::batch, Mode::batch_count, Mode::catalogue};

Catalogue sample_catalogue() {
  return {CatalogueKind::actors,
          "test.1",
          {{"deu", "country", "Germany", 12}, {"some-group", "", "", 3}, {"a,\"b\"", "person", "Tab\there", 0}}};
}

std::optional<std::string> printed(OutputFormat format, Mode mode) {
  std::ostringstream out;
  auto p = make_printer(format, out, false);
  const BatchQuery q{"q1", "ceasefire"};
  try {
    switch (mode) {
      case Mode::single: p->result(sample_result()); break;
      case Mode::single_count: p->count(sample_result()); break;
      case Mode::batch:
        p->batch_begin(false);
        p->batch_result(q, sample_result());
        p->batch_error({"q2", "a \"b"}, UsageError("unclosed phrase"));
        break;
      case Mode::batch_count:
        p->batch_begin(true);
        p->batch_count(q, sample_result());
        p->batch_error({"q2", "a \"b"}, UsageError("unclosed phrase"));
        break;
      case Mode::catalogue: p->catalogue(sample_catalogue()); break;
    }
  } catch (const std::logic_error&) {
    return std::nullopt;
  }
  return out.str();
}

// Whether dipnews-search's option parser accepts `format` in `mode`.
bool accepted(std::string_view format, Mode mode) {
  std::vector<std::string> args = {"dipnews-search", "--format=" + std::string(format)};
  switch (mode) {
    case Mode::single: args.push_back("ceasefire"); break;
    case Mode::single_count: args.insert(args.end(), {"--count", "ceasefire"}); break;
    case Mode::batch: args.insert(args.end(), {"--batch", "queries.txt"}); break;
    case Mode::batch_count: args.insert(args.end(), {"--count", "--batch", "queries.txt"}); break;
    case Mode::catalogue: args.push_back("--list-actors"); break;
  }
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream help;
  try {
    return parse_search_options(static_cast<int>(argv.size()), argv.data(), help).has_value();
  } catch (const UsageError&) {
    return false;
  }
}

}  // namespace

TEST_CASE("every format has a printer, which refuses exactly the modes the option parser refuses", "[printer]") {
  for (const auto& [name, format] : output_formats) {
    for (Mode mode : modes) {
      INFO("--format=" << name << ", mode " << static_cast<int>(mode));
      const auto out = printed(format, mode);
      CHECK(out.has_value() == accepted(name, mode));
      if (out) CHECK_FALSE(out->empty());
    }
  }
}

TEST_CASE("batch output in each format: a query's hits, its count, its error", "[printer]") {
  CHECK(*printed(OutputFormat::tsv, Mode::batch) == "q1\t1\ta1\t1.500000\nq1\t2\ta2\t1.500000\n");
  CHECK(*printed(OutputFormat::tsv, Mode::batch_count) == "q1\t2\n");
  CHECK(*printed(OutputFormat::trec, Mode::batch) ==
        "q1 Q0 a1 1 1.500000 dipnews\nq1 Q0 a2 2 1.500000 dipnews\n");
  CHECK(*printed(OutputFormat::csv, Mode::batch) ==
        "qid,rank,id,score,date,source,title,url,actors,topics\r\n"
        "q1,1,a1,1.500000,2025-12-15,Meridian Post,\"Truce \"\"holds\"\"\",,,\r\n"
        "q1,2,a2,1.500000,,Meridian Post,\"Truce \"\"holds\"\"\",,,\r\n");
  CHECK(*printed(OutputFormat::csv, Mode::batch_count) == "qid,count\r\nq1,2\r\n");
  const std::string text = *printed(OutputFormat::text, Mode::batch);
  CHECK_THAT(text, Catch::StartsWith("## q1: ceasefire\n2 articles match 'ceasefire' (showing 1-2)\n"));
  CHECK_THAT(text, Catch::EndsWith("\n\n## q2: a \"b\nerror: unclosed phrase\n\n"));
  CHECK(*printed(OutputFormat::text, Mode::batch_count) == "## q1: ceasefire\n2\n\n## q2: a \"b\nerror: unclosed phrase\n\n");

  std::istringstream jsonl(*printed(OutputFormat::jsonl, Mode::batch));
  std::string line;
  REQUIRE(std::getline(jsonl, line));
  const auto hits = nlohmann::json::parse(line);
  CHECK(hits["qid"] == "q1");
  CHECK(hits["query"] == "ceasefire");
  CHECK(hits["total"]["estimated"] == 2);
  CHECK(hits["hits"].size() == 2);
  CHECK_FALSE(hits.contains("facets"));  // none asked for
  REQUIRE(std::getline(jsonl, line));
  CHECK(nlohmann::json::parse(line) ==
        nlohmann::json::parse(R"({"qid":"q2","query":"a \"b","error":{"code":2,"message":"unclosed phrase"}})"));
  CHECK_FALSE(std::getline(jsonl, line));
  CHECK(*printed(OutputFormat::jsonl, Mode::batch_count) ==
        "{\"qid\":\"q1\",\"query\":\"ceasefire\",\"count\":2}\n"
        "{\"qid\":\"q2\",\"query\":\"a \\\"b\",\"error\":{\"code\":2,\"message\":\"unclosed phrase\"}}\n");
}

TEST_CASE("catalogues in each format", "[printer]") {
  CHECK(*printed(OutputFormat::text, Mode::catalogue) ==
        "      12  deu  country  Germany\n"
        "       3  some-group  (not in the dictionaries)\n"
        "       0  a,\"b\"  person  Tab\there\n");
  CHECK_FALSE(printed(OutputFormat::trec, Mode::catalogue));  // refused: a catalogue has no TREC form
  CHECK(*printed(OutputFormat::ids, Mode::catalogue) == "deu\nsome-group\na,\"b\"\n");
  CHECK(*printed(OutputFormat::tsv, Mode::catalogue) ==
        "deu\tcountry\tGermany\t12\nsome-group\t\t\t3\na,\"b\"\tperson\tTab here\t0\n");
  CHECK(*printed(OutputFormat::csv, Mode::catalogue) ==
        "id,type,name,articles\r\ndeu,country,Germany,12\r\nsome-group,,,3\r\n\"a,\"\"b\"\"\",person,Tab\there,0\r\n");
  CHECK(*printed(OutputFormat::jsonl, Mode::catalogue) ==
        "{\"id\":\"deu\",\"type\":\"country\",\"name\":\"Germany\",\"articles\":12}\n"
        "{\"id\":\"some-group\",\"type\":null,\"name\":\"\",\"articles\":3}\n"
        "{\"id\":\"a,\\\"b\\\"\",\"type\":\"person\",\"name\":\"Tab\\there\",\"articles\":0}\n");
  const auto json = nlohmann::json::parse(*printed(OutputFormat::json, Mode::catalogue));
  CHECK(json["format_version"] == json_format_version);
  CHECK(json["dictionary_version"] == "test.1");
  REQUIRE(json["actors"].size() == 3);
  CHECK(json["actors"][1] == nlohmann::json::parse(R"({"id":"some-group","type":null,"name":"","articles":3})"));
}
