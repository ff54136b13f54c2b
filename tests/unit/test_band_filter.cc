#include <catch2/catch.hpp>

#include <string>

#include "writing/band_filter.h"

using namespace dipnews;

TEST_CASE("band filter: every key added is found, and few keys never added are", "[band_filter]") {
  constexpr int keys = 20000;
  BandFilter filter(keys);
  for (int i = 0; i < keys; ++i) filter.add("added-" + std::to_string(i));
  for (int i = 0; i < keys; ++i) REQUIRE(filter.may_contain("added-" + std::to_string(i)));  // never a false "no"
  int false_maybes = 0;
  for (int i = 0; i < keys; ++i) false_maybes += filter.may_contain("absent-" + std::to_string(i));
  // At 16 bits a key and 7 bits a lookup, about 1 in 1,000 (blocking adds a little): a filter
  // that said "maybe" to everything, or hashed keys into a few blocks, would fail here.
  CHECK(false_maybes < keys / 200);
  CHECK(filter.bytes() >= keys * BandFilter::bits_per_key / 8);
}

TEST_CASE("band filter: an empty filter holds nothing, and overfilling it only adds false maybes", "[band_filter]") {
  BandFilter filter(10);
  CHECK_FALSE(filter.may_contain("anything"));
  for (int i = 0; i < 1000; ++i) filter.add(std::to_string(i));
  for (int i = 0; i < 1000; ++i) CHECK(filter.may_contain(std::to_string(i)));
}
