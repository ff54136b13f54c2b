#include <catch2/catch.hpp>

#include "query/query_text.h"

using namespace dipnews;

TEST_CASE("scan_query keeps quoted parts inside a token and marks exclusions", "[query_text]") {
  const auto t = scan_query("  source:\"Meridian Post\"  -gaza NOT (iran) OR *");
  REQUIRE(t.size() == 6);
  CHECK(t[0].text == "source:\"Meridian Post\"");
  CHECK(t[1].excluded);
  CHECK(t[1].core == "gaza");
  CHECK(t[2].is_operator);
  CHECK(t[3].excluded);  // follows NOT
  CHECK(t[3].core == "iran");
  CHECK(t[4].is_operator);
  CHECK_FALSE(t[5].excluded);
}

TEST_CASE("rewrite_for_parser: lone stars and pure exclusions become match-all", "[query_text]") {
  CHECK(rewrite_for_parser("*") == "dipnews_all:all");
  CHECK(rewrite_for_parser("* OR ceasefire") == "dipnews_all:all OR ceasefire");
  CHECK(rewrite_for_parser("(*)") == "(dipnews_all:all)");
  CHECK(rewrite_for_parser("guarant* \"a * b\"") == "guarant* \"a * b\"");  // wildcards and phrases untouched
  CHECK(rewrite_for_parser("-gaza") == "dipnews_all:all -gaza");
  CHECK(rewrite_for_parser("NOT gaza") == "dipnews_all:all NOT gaza");
  CHECK(rewrite_for_parser("ceasefire -gaza") == "ceasefire -gaza");
  CHECK(rewrite_for_parser("-") == "-");  // no word at all: not "every article"
  CHECK(rewrite_for_parser("(-)") == "(-)");
  // An unclosed phrase is closed at the end, after a field too (where Xapian's parser would
  // otherwise fail and re-read the whole query as plain words).
  CHECK(rewrite_for_parser("title:\"peace plan") == "title:\"peace plan\"");
  CHECK(rewrite_for_parser("\"peace plan\" title:\"berlin") == "\"peace plan\" title:\"berlin\"");
  CHECK(rewrite_for_parser("title:\"peace plan\"") == "title:\"peace plan\"");
}

TEST_CASE("field_without_value finds a field typed with nothing after the colon", "[query_text]") {
  const std::vector<std::string_view> fields = {"date", "source"};
  CHECK(field_without_value("ceasefire date:", fields) == "date: needs a value");
  CHECK(field_without_value("-source: x", fields) == "source: needs a value");
  CHECK_FALSE(field_without_value("date:2025 source:x", fields));
  CHECK_FALSE(field_without_value("\"date: soon\"", fields));
  CHECK_FALSE(field_without_value("update:", fields));
}

TEST_CASE("uses_operators spots boolean and exclusion syntax only", "[query_text]") {
  CHECK(uses_operators("a AND b"));
  CHECK(uses_operators("a -b"));
  CHECK(uses_operators("a NEAR/3 b"));
  CHECK_FALSE(uses_operators("pro-Russian forces"));
  CHECK_FALSE(uses_operators("Kyiv - Moscow"));
  CHECK_FALSE(uses_operators("and or not"));
}

TEST_CASE("capitalise_initials: initials become one word for the parser however typed", "[query]") {
  CHECK(capitalise_initials("u.s. aid") == "U.S. aid");
  CHECK(capitalise_initials("the u.s aid") == "the U.S aid");
  CHECK(capitalise_initials("u.n. troops in the congo") == "U.N. troops in the congo");
  CHECK(capitalise_initials("the u.s.s.r., china") == "the U.S.S.R., china");
  CHECK(capitalise_initials("\"u.s. aid\"") == "\"U.S. aid\"");
  CHECK(capitalise_initials("U.S. aid") == "U.S. aid");
  // Not initials: a letter run after the dot, a field's value, a dotted word or number.
  CHECK(capitalise_initials("u.sa aid") == "u.sa aid");
  CHECK(capitalise_initials("actor:u.s aid") == "actor:u.s aid");
  CHECK(capitalise_initials("www.example.org") == "www.example.org");
  CHECK(capitalise_initials("version 1.2.3") == "version 1.2.3");
}

TEST_CASE("fold_shouting: a query typed in capitals is read in lower case", "[query_text]") {
  // Mixed case, and text without letters, are left exactly as typed.
  CHECK(fold_shouting("Sanctions on Russia") == "Sanctions on Russia");
  CHECK(fold_shouting("NATO summit") == "NATO summit");
  CHECK(fold_shouting("2025") == "2025");
  // Short shouted queries keep their operators, everything else is folded.
  CHECK(fold_shouting("NATO OR EU") == "nato OR eu");
  CHECK(fold_shouting("PUTIN NOT TRUMP") == "putin NOT trump");
  CHECK(fold_shouting("ACTOR:PUTIN SANCTIONS") == "actor:putin sanctions");
  // Prose (five tokens or more, or a sentence end): operator words are words too.
  CHECK(fold_shouting("TALKS BETWEEN PORTUGAL AND THE U.S .") == "talks between portugal and the u.s .");
  CHECK(fold_shouting("WHO MET ZELENSKYY?") == "who met zelenskyy?");
  // Beyond ASCII.
  CHECK(fold_shouting("ÉLYSÉE TALKS") == "élysée talks");
}

TEST_CASE("unknown_field: a field-like name before a colon must be a field - a URL or a time is text", "[query_text]") {
  const std::vector<std::string_view> fields{"title", "date", "actor"};
  CHECK_FALSE(unknown_field("title:berlin date:2025 actor:\"Olaf Scholz\"", fields));
  CHECK(unknown_field("ceasefire nosuchfield:value", fields) ==
        "unknown field 'nosuchfield:' (the fields are title:, date:, actor:; put text with a colon in quotes to search "
        "for it as words)");
  CHECK(unknown_field("(-tilte:berlin)", fields));
  CHECK(unknown_field("NOT acter:putin", fields));
  CHECK_FALSE(unknown_field("\"nosuchfield:value\"", fields));  // quoted: words
  CHECK_FALSE(unknown_field("https://example.org/a 10:30 Berlin:talks", fields));
  CHECK_FALSE(unknown_field("note: ceasefire", fields));  // nothing after the colon: a word and its punctuation
  CHECK_FALSE(unknown_field("dipnews_all:all", fields));
}

TEST_CASE("lower_case_field_names: a field typed in capitals is the field - other capitalised text stays",
          "[query_text]") {
  const std::vector<std::string_view> fields{"title", "date", "actor"};
  CHECK(lower_case_field_names("Actor:putin Title:\"peace plan\" DATE:2025", fields) ==
        "actor:putin title:\"peace plan\" date:2025");
  CHECK(lower_case_field_names("Berlin:talks ceasefire \"Actor:x\"", fields) == "Berlin:talks ceasefire \"Actor:x\"");
  CHECK(lower_case_field_names("(-Actor:putin)", fields) == "(-actor:putin)");
}

TEST_CASE("count_words counts every word, in phrases too, but not operators", "[query_text]") {
  CHECK(count_words("") == 0);
  CHECK(count_words("  ceasefire  ") == 1);
  CHECK(count_words("\"security guarantees for ukraine\" AND (nato OR eu) NOT -x NEAR/3 y") == 8);
}

TEST_CASE("operator_before_proximity: a boolean operator directly before NEAR or ADJ", "[query_text]") {
  CHECK(operator_before_proximity("a AND NEAR/3 b"));
  CHECK(operator_before_proximity("a XOR ADJ"));
  CHECK_FALSE(operator_before_proximity("a NEAR/3 b AND c"));
  CHECK_FALSE(operator_before_proximity("(a AND b) NEAR c"));
  // Punctuation separates words for Xapian's parser where no space does (found by fuzz_search).
  CHECK(operator_before_proximity("x;AND NEAR/3 y"));
  CHECK(operator_before_proximity("x AND,ADJ/2 y"));
  CHECK(operator_before_proximity(std::string("AND\x01NEAR/2 b")));
  CHECK_FALSE(operator_before_proximity("x;ANDNEAR/3 y"));
}

TEST_CASE("parser_words: the words Xapian's parser sees", "[query_text]") {
  using Words = std::vector<std::string>;
  CHECK(parser_words("x;AND NEAR/3 y") == Words{"x", "AND", "NEAR/3", "y"});
  CHECK(parser_words("\"security guarantees\" (talks)") == Words{"security", "guarantees", "talks"});
  CHECK(parser_words("café\tKyiv") == Words{"café", "Kyiv"});
  CHECK(parser_words("a/b") == Words{"a", "b"});
}

TEST_CASE("proximity_window_too_wide: a NEAR/n or ADJ/n window over the limit, however many digits", "[query_text]") {
  CHECK_FALSE(proximity_window_too_wide("oil NEAR/4 price", 1000));
  CHECK_FALSE(proximity_window_too_wide("oil NEAR/1000 price ADJ/1000 gas", 1000));
  CHECK_FALSE(proximity_window_too_wide("oil NEAR price near/99999 gas", 1000));  // lower case: words
  CHECK(proximity_window_too_wide("oil NEAR/1001 price", 1000) == "NEAR/1001: the window may be at most 1000 words");
  CHECK(proximity_window_too_wide("oil NEAR/4294967295 price", 1000) ==
        "NEAR/4294967295: the window may be at most 1000 words");
  CHECK(proximity_window_too_wide("oil ADJ/4294967296 price", 1000) ==
        "ADJ/4294967296: the window may be at most 1000 words");
  CHECK(proximity_window_too_wide("a (b)NEAR/99999999999999999999999999(c)", 1000) ==
        "NEAR/99999999999999999999999999: the window may be at most 1000 words");
}
