#include <catch2/catch.hpp>

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
