#include <catch2/catch.hpp>

#include <algorithm>
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
  CHECK_THAT(plain,
             Catch::Contains(" 1. Truce \"holds\"\n    2025-12-15 · Meridian Post · a1\n    the ceasefire held\n"));
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
  CHECK(*printed(OutputFormat::trec, Mode::batch) == "q1 Q0 a1 1 1.500000 dipnews\nq1 Q0 a2 2 1.500000 dipnews\n");
  CHECK(*printed(OutputFormat::csv, Mode::batch) ==
        "qid,rank,id,score,date,source,title,url,actors,topics\r\n"
        "q1,1,a1,1.500000,2025-12-15,Meridian Post,\"Truce \"\"holds\"\"\",,,\r\n"
        "q1,2,a2,1.500000,,Meridian Post,\"Truce \"\"holds\"\"\",,,\r\n");
  CHECK(*printed(OutputFormat::csv, Mode::batch_count) == "qid,count\r\nq1,2\r\n");
  const std::string text = *printed(OutputFormat::text, Mode::batch);
  CHECK_THAT(text, Catch::StartsWith("## q1: ceasefire\n2 articles match 'ceasefire' (showing 1-2)\n"));
  CHECK_THAT(text, Catch::EndsWith("\n\n## q2: a \"b\nerror: unclosed phrase\n\n"));
  CHECK(*printed(OutputFormat::text, Mode::batch_count) ==
        "## q1: ceasefire\n2\n\n## q2: a \"b\nerror: unclosed phrase\n\n");

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
        "{\"qid\":\"q1\",\"query\":\"ceasefire\",\"count\":2,\"story_count\":null}\n"
        "{\"qid\":\"q2\",\"query\":\"a \\\"b\",\"error\":{\"code\":2,\"message\":\"unclosed phrase\"}}\n");
}

TEST_CASE("catalogues in each format", "[printer]") {
  CHECK(*printed(OutputFormat::text, Mode::catalogue) ==
        "      12  deu  country  Germany\n"
        "       3  some-group  (not in the dictionaries)\n"
        "       0  a,\"b\"  person  Tab\\there\n");           // escaped: one entry, one line
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

namespace {

// An article whose stored fields try to forge output: a URL with a line that reads as a
// second result, C1 controls (U+009B CSI, U+0085 NEL), a bidi override and isolate.
SearchResult forging_result() {
  SearchResult r;
  r.query = "oil\xC2\x9B";
  r.total = {1, 1, 1};
  Hit h;
  h.rank = 1;
  h.score = 1.0;
  h.article.id = "a 1";
  h.article.title =
      "Oil \xE2\x80\xAE"
      "drop\xE2\x81\xA6";
  h.article.date = "2025-12-15";
  h.article.source = "Post\xC2\x85Wire";
  h.article.url = "https://x.example/\n\n 2. Fake result\n    2025-12-16 \xC2\xB7 Forged \xC2\xB7 f1\r";
  h.article.actors = {"act\x1b[2Jor"};
  h.snippet.text =
      "the oil\xC2\x9B"
      "31m price \xE2\x80\xA8 fell";
  h.snippet.highlights = {{4, 7}, {12, 17}};
  h.copies = {
      {"c\xC2\x9B"
       "2",
       "Other\nsource"}};
  r.hits.push_back(h);
  return r;
}

bool has_raw_control(const std::string& s, std::string_view keep) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b < 0x20 || b == 0x7F) && keep.find(s[i]) == std::string_view::npos) return true;
    if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;  // C1
    if (b == 0xE2 && i + 2 < s.size() && (s.compare(i, 2, "\xE2\x80") == 0 || s.compare(i, 2, "\xE2\x81") == 0)) {
      const auto third = static_cast<unsigned char>(s[i + 2]);
      if (s[i + 1] == '\x80' && third >= 0xA8 && third <= 0xAE) return true;  // U+2028-202E
      if (s[i + 1] == '\x81' && third >= 0xA6 && third <= 0xA9) return true;  // U+2066-2069
    }
  }
  return false;
}

}  // namespace

TEST_CASE("article data cannot forge output: every field escaped for its format", "[printer]") {
  SECTION("text: each stored field on its own line, control characters shown escaped") {
    for (bool color : {false, true}) {
      std::ostringstream out;
      make_printer(OutputFormat::text, out, color)->result(forging_result());
      const std::string text = out.str();
      INFO(text);
      CHECK_FALSE(has_raw_control(text, color ? "\n\x1b" : "\n"));
      CHECK(text.find("\n 2. ") == std::string::npos);
      CHECK_THAT(text, Catch::Contains(
                           "https://x.example/\\n\\n 2. Fake result\\n    2025-12-16 \xC2\xB7 Forged \xC2\xB7 f1\\r"));
      CHECK_THAT(text, Catch::Contains("Oil \\u202edrop\\u2066"));
      CHECK_THAT(text, Catch::Contains("Post\\u0085Wire \xC2\xB7 a 1"));
      CHECK_THAT(text, Catch::Contains("act\\x1b[2Jor"));
      CHECK_THAT(text, Catch::Contains("carried by 2 outlets: Post\\u0085Wire, Other\\nsource"));
      CHECK_THAT(text, Catch::Contains("'oil\\u009b'"));
      if (color) {  // highlights still fall on the right code points
        CHECK_THAT(text, Catch::Contains("the \x1b[1;33moil\x1b[0m\\u009b31m \x1b[1;33mprice\x1b[0m \\u2028 fell"));
      } else {
        CHECK_THAT(text, Catch::Contains("the oil\\u009b31m price \\u2028 fell"));
      }
    }
  }
  SECTION("tsv and csv: one row per hit, control characters become spaces") {
    std::ostringstream tsv_out, csv_out;
    make_printer(OutputFormat::tsv, tsv_out, false)->result(forging_result());
    make_printer(OutputFormat::csv, csv_out, false)->result(forging_result());
    const std::string tsv = tsv_out.str(), csv = csv_out.str();
    CHECK_FALSE(has_raw_control(tsv, "\t\n"));
    CHECK(std::count(tsv.begin(), tsv.end(), '\n') == 1);
    CHECK(std::count(tsv.begin(), tsv.end(), '\t') == 8);
    CHECK_THAT(tsv, Catch::Contains("\tOil  drop \t"));
    CHECK_THAT(tsv, Catch::Contains("\tPost Wire\t"));
    // csv keeps line breaks inside quotes (RFC 4180), nothing else.
    CHECK_FALSE(has_raw_control(csv, "\n\r"));
    CHECK_THAT(csv, Catch::Contains(
                        ",\"https://x.example/\n\n 2. Fake result\n    2025-12-16 \xC2\xB7 Forged \xC2\xB7 f1\r\","));
  }
  SECTION("json and jsonl: C1 and bidi controls as \\u escapes, the same strings to a JSON reader") {
    std::ostringstream json, jsonl;
    make_printer(OutputFormat::json, json, false)->result(forging_result());
    make_printer(OutputFormat::jsonl, jsonl, false)->result(forging_result());
    for (const std::string& text : {json.str(), jsonl.str()}) {
      INFO(text);
      CHECK_FALSE(has_raw_control(text, "\n"));
      CHECK(std::count(text.begin(), text.end(), '\n') == 1);
      CHECK_THAT(text, Catch::Contains("Oil \\u202edrop\\u2066"));
    }
    const auto hit = nlohmann::json::parse(jsonl.str());
    CHECK(hit["title"] == forging_result().hits[0].article.title);
    CHECK(hit["source"] == forging_result().hits[0].article.source);
    CHECK(hit["snippet"] == forging_result().hits[0].snippet.text);
    CHECK(hit["url"] == forging_result().hits[0].article.url);
  }
  SECTION("ids: one line per hit") {
    std::ostringstream ids;
    make_printer(OutputFormat::ids, ids, false)->result(forging_result());
    CHECK(ids.str() == "a 1\n");
  }
}

TEST_CASE("trec: a hit whose id the format cannot carry fails its query - before any line is written", "[printer]") {
  for (const std::string id : {"a 1", "a\tb", "a\xC2\x85"}) {
    INFO(id);
    std::ostringstream out;
    auto p = make_printer(OutputFormat::trec, out, false);
    SearchResult r = sample_result();
    r.hits[1].article.id = id;
    CHECK_THROWS_AS(p->batch_result({"q1", "ceasefire"}, r), UsageError);
    CHECK(out.str().empty());
  }
  std::ostringstream out;
  auto p = make_printer(OutputFormat::trec, out, false);
  try {
    SearchResult r = sample_result();
    r.hits[1].article.id = "a 2";
    p->batch_result({"q1", "ceasefire"}, r);
    FAIL("no error");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) == "the id 'a 2' of hit 2 has a space, which the TREC run format cannot carry");
  }
  CHECK_THROWS_AS(p->batch_result({"", "ceasefire"}, sample_result()), UsageError);
  CHECK_THROWS_AS(p->batch_result({"q 1", "ceasefire"}, sample_result()), UsageError);
  CHECK(out.str().empty());
}

TEST_CASE("tsv batch: a qid's control characters become spaces", "[printer]") {
  std::ostringstream out;
  auto p = make_printer(OutputFormat::tsv, out, false);
  p->batch_result({"q\x1b"
                   "1\xC2\x9B",
                   "ceasefire"},
                  sample_result());
  p->batch_count({"q\x0b"
                  "2",
                  "ceasefire"},
                 sample_result());
  CHECK(out.str() == "q 1 \t1\ta1\t1.500000\nq 1 \t2\ta2\t1.500000\nq 2\t2\n");
}
