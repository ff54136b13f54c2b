#include <catch2/catch.hpp>

#include "batch.h"

using namespace dipnews;

TEST_CASE("batch lines: QUERY or QID<TAB>QUERY; blanks and comments skipped", "[batch]") {
  CHECK_FALSE(parse_batch_line("", 1));
  CHECK_FALSE(parse_batch_line("   ", 2));
  CHECK_FALSE(parse_batch_line("# a comment", 3));
  CHECK_FALSE(parse_batch_line("  # indented comment", 4));
  const auto plain = parse_batch_line("ceasefire Berlin", 7);
  REQUIRE(plain);
  CHECK(plain->qid == "7");
  CHECK(plain->text == "ceasefire Berlin");
  const auto with_id = parse_batch_line("q-12\t actor:putin topic:ceasefire ", 9);
  REQUIRE(with_id);
  CHECK(with_id->qid == "q-12");
  CHECK(with_id->text == "actor:putin topic:ceasefire");
}
