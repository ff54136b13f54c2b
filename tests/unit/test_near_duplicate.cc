#include <catch2/catch.hpp>

#include "writing/near_duplicate.h"

using namespace dipnews;

namespace {
const std::string story =
    "The United States is prepared to give Ukraine security guarantees similar to the collective defence "
    "commitment of the alliance as part of a deal to end the war, officials said on Monday after two days of "
    "talks in Berlin, but the two sides have yet to settle the demand for territory in the east. Envoys met the "
    "president at the chancellery on Sunday and Monday with the chancellor acting as host.";
}

TEST_CASE("wire copies with small edits score above the copy threshold; other texts far below", "[near_duplicate]") {
  const auto original = minhash(story);
  REQUIRE(original);
  std::string edited = "BERLIN (Wire) - " + story;
  edited.replace(edited.find("acting as host"), 14, "who hosted the talks");
  const auto copy = minhash(edited);
  REQUIRE(copy);
  CHECK(similarity(*original, *copy) >= copy_similarity);
  const auto other = minhash(
      "Leaders in Brussels agreed a loan for Kyiv backed by the bloc's budget after failing to agree on using "
      "frozen central bank assets, diplomats said, as the summit ran late into the night over the wording.");
  REQUIRE(other);
  CHECK(similarity(*original, *other) < 0.1);
  CHECK(similarity(*original, *original) == 1.0);
}

TEST_CASE("signatures: identical texts share every band - short texts have none - encoding round-trips",
          "[near_duplicate]") {
  const auto a = minhash(story), b = minhash(story);
  CHECK(band_keys(*a) == band_keys(*b));
  CHECK(band_keys(*a).size() == minhash_bands);
  CHECK_FALSE(minhash("too short to shingle"));
  const auto decoded = decode_signature(encode_signature(*a));
  REQUIRE(decoded);
  CHECK(*decoded == *a);
  CHECK_FALSE(decode_signature("garbage"));
}
