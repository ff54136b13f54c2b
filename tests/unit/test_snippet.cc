#include <catch2/catch.hpp>

#include <memory>

#include "lazy_dictionary.h"
#include "sample_index.h"
#include "search.h"
#include "snippet.h"

using namespace dipnews;

TEST_CASE("marked snippets decode to text plus code-point highlight spans", "[snippet]") {
  const Snippet s = decode_marked_snippet(
      "\xE2\x80\xA6the \x01"
      "ceasefire\x02 &amp; \x01"
      "talks\x02 in Kyiv\xE2\x80\x99s");
  CHECK(s.text == "\xE2\x80\xA6the ceasefire & talks in Kyiv\xE2\x80\x99s");
  REQUIRE(s.highlights.size() == 2);
  CHECK(s.highlights[0] == std::make_pair<std::size_t, std::size_t>(5, 14));
  CHECK(s.highlights[1] == std::make_pair<std::size_t, std::size_t>(17, 22));
}

TEST_CASE("snippet entities and whitespace are normalised", "[snippet]") {
  const Snippet s = decode_marked_snippet("a &lt;b&gt;\n\nc &quot;d&quot; &#39;e&#39; &unknown;");
  CHECK(s.text == "a <b> c \"d\" 'e' &unknown;");
  CHECK(s.highlights.empty());
}

namespace {

// The code points [begin, end) of UTF-8 `text`, as a string.
std::string code_points(const std::string& text, std::size_t begin, std::size_t end) {
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts && i > 0) ++n;
    if (i == 0 && starts) n = 0;
    if (n >= begin && n < end) out += text[i];
  }
  return out;
}

std::vector<std::string> highlighted(const Snippet& s) {
  std::vector<std::string> out;
  for (const auto& [b, e] : s.highlights) out.push_back(code_points(s.text, b, e));
  return out;
}

// "Зеленський" with "и" + U+0306, and an article about him with "ї" as "і" + U+0308 (NFD).
const std::string nfd_zelensky =
    "\xD0\x97\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81\xD1\x8C\xD0\xBA\xD0\xB8\xD0\xB8\xCC\x86";
const std::string nfd_body =
    nfd_zelensky +
    " \xD0\xBF\xD0\xBE\xD0\xB2\xD0\xB5\xD1\x80\xD0\xBD\xD1\x83\xD0\xB2\xD1\x81\xD1\x8F \xD0\xB4\xD0\xBE "
    "\xD0\xA3\xD0\xBA\xD1\x80\xD0\xB0\xD1\x96\xCC\x88\xD0\xBD\xD0\xB8.";

struct LanguageIndex {
  test::TempDir dir;
  LazyDictionary dictionary{Dictionary{}};
  std::unique_ptr<Searcher> searcher;
  LanguageIndex() {
    const std::string path = dir / "index.db";
    test::IndexRun run(path, {.commit = {100}});
    auto article = [](std::string id, std::string language, std::string body) {
      Article a = test::make_article(std::move(id), "", std::move(body));
      a.language = std::move(language);
      return a;
    };
    run.write(article("fr-1", "fr",
                      "Le président s'est rendu à Belém, puis à l’Élysée, où l'attendaient les négociateurs & "
                      "les <experts>."));
    run.write(article("ar-1", "ar", "اجتمع وزراء الخارجية في جنيف لمناقشة وقف إطلاق النار وتبادل الأسرى."));
    run.write(article("zh-1", "zh", "各国外交部长在日内瓦举行会谈，讨论停火和交换战俘问题。"));
    run.write(article("ru-1", "ru", "Министр Сергей Лавров провёл переговоры в Женеве."));
    run.write(article("uk-1", "uk", nfd_body));
    run.write(article("en-1", "en", "The envoy quoted President 习近平 on the grain corridor."));
    run.write(article("fr-2", "fr", "Les garanties de sécurité pour «l’Ukraine», 2×3 ±5 %, ½ © AFP."));
    run.writer().commit();
    searcher = std::make_unique<Searcher>(std::vector<std::string>{path}, dictionary);
  }
  Snippet snippet(const std::string& query) {
    SearchRequest r;
    r.text = query;
    const auto result = searcher->search(r);
    REQUIRE(result.hits.size() == 1);
    return result.hits[0].snippet;
  }
};

// The snippet's text, without its "…", is the body's (whitespace collapsed as decode does).
bool is_span_of(const std::string& snippet, const std::string& body) {
  std::string text = snippet;
  const std::string ellipsis = "\xE2\x80\xA6";
  if (text.rfind(ellipsis, 0) == 0) text.erase(0, ellipsis.size());
  if (text.size() >= ellipsis.size() && text.compare(text.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0) {
    text.erase(text.size() - ellipsis.size());
  }
  return body.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("an accent-free query highlights the accented word in the article's own text", "[snippet]") {
  LanguageIndex index;
  const Snippet s = index.snippet("belem");
  CHECK(s.text.find("Belém") != std::string::npos);
  CHECK(highlighted(s) == std::vector<std::string>{"Belém"});
  // An elided article is its own word ("l’Élysée"), and entities come back as written.
  const Snippet e = index.snippet("elysee");
  CHECK(highlighted(e) == std::vector<std::string>{"Élysée"});
  CHECK(e.text.find("& les <experts>") != std::string::npos);
}

TEST_CASE("snippets of right-to-left and CJK text are spans of it, highlights on whole words", "[snippet]") {
  LanguageIndex index;
  const Snippet ar = index.snippet("الخارجية");
  CHECK(is_span_of(ar.text, "اجتمع وزراء الخارجية في جنيف لمناقشة وقف إطلاق النار وتبادل الأسرى."));
  CHECK(highlighted(ar) == std::vector<std::string>{"الخارجية"});
  const Snippet zh = index.snippet("停火");
  CHECK(is_span_of(zh.text, "各国外交部长在日内瓦举行会谈，讨论停火和交换战俘问题。"));
  CHECK(highlighted(zh) == std::vector<std::string>{"停火"});
  // An inflected query highlights the form the article has, by the Russian stemmer.
  CHECK(highlighted(index.snippet("Лаврова")) == std::vector<std::string>{"Лавров"});
}

TEST_CASE("a marked snippet of the folded text is carried back onto the original", "[snippet]") {
  const std::string body = "Visite à Belém et à l’Élysée.";
  const auto back = unfold_marked_snippet(
      "\xE2\x80\xA6"
      "a \x01"
      "Belem\x02 et a l Elysee.",
      body, true);
  REQUIRE(back);
  CHECK(*back ==
        "\xE2\x80\xA6"
        "à \x01"
        "Belém\x02 et à l’Élysée.");
  CHECK_FALSE(unfold_marked_snippet("nowhere in it", body));
}

TEST_CASE("a decomposed (NFD) body is found and highlighted whole: base letters with their marks", "[snippet]") {
  LanguageIndex index;
  const Snippet s = index.snippet("Зеленський");
  CHECK(highlighted(s) == std::vector<std::string>{nfd_zelensky});
  CHECK(is_span_of(s.text, nfd_body));
  CHECK(highlighted(index.snippet("України")) ==
        std::vector<std::string>{"\xD0\xA3\xD0\xBA\xD1\x80\xD0\xB0\xD1\x96\xCC\x88\xD0\xBD\xD0\xB8"});
}

TEST_CASE("symbols are not spelt out in ASCII: a quoted French word is highlighted in place", "[snippet]") {
  LanguageIndex index;
  const std::string body = "Les garanties de sécurité pour «l’Ukraine», 2×3 ±5 %, ½ © AFP.";
  const Snippet s = index.snippet("garanties Ukraine");
  CHECK(is_span_of(s.text, body));
  CHECK(highlighted(s) == std::vector<std::string>{"garanties", "Ukraine"});
}

TEST_CASE("Chinese quoted in an English article is highlighted", "[snippet]") {
  LanguageIndex index;
  CHECK(highlighted(index.snippet("习近平")) == std::vector<std::string>{"习近平"});
}
