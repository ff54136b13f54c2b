#include <catch2/catch.hpp>

#include <optional>
#include <set>
#include <string>
#include <utility>

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

namespace {
// band_key() read back: (band, 48-bit hash), nullopt for anything it does not write.
std::optional<std::pair<std::size_t, std::uint64_t>> read_band_key(const std::string& key) {
  static const std::string hex = "0123456789abcdef";
  static const std::string base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  if (key.size() != 9 || hex.find(key[0]) == std::string::npos) return std::nullopt;
  std::uint64_t hash = 0;
  for (std::size_t i = 1; i < key.size(); ++i) {
    const auto digit = base64.find(key[i]);
    if (digit == std::string::npos) return std::nullopt;
    hash = hash << 6 | digit;
  }
  return std::pair<std::size_t, std::uint64_t>{hex.find(key[0]), hash};
}
}  // namespace

TEST_CASE("band keys: one per band and 48-bit hash, read back whole", "[near_duplicate]") {
  std::set<std::string> keys;
  std::uint64_t x = 0x243f6a8885a308d3ULL;  // a fixed walk of 64-bit values
  for (int i = 0; i < 2000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::size_t band = static_cast<std::size_t>(i) % minhash_bands;
    const std::string key = band_key(band, x);
    CHECK(key.size() == 9);
    CHECK(read_band_key(key) == std::pair<std::size_t, std::uint64_t>{band, x & 0xffffffffffffULL});
    CHECK(keys.insert(key).second);
  }
  // The bits above 48 are not part of the key; a neighbour in the low bits is another key.
  CHECK(band_key(3, 0x1234'5678'9abcULL) == band_key(3, 0xffff'1234'5678'9abcULL));
  CHECK(band_key(3, 0x1234'5678'9abcULL) != band_key(3, 0x1234'5678'9abdULL));
  CHECK(band_key(3, 0) != band_key(4, 0));
  // Upper case never follows the prefix: "XB" is the whole upper-case run of a band term.
  CHECK(band_key(0, ~0ULL)[0] == '0');
  CHECK(band_key(15, 0) == "fAAAAAAAA");

  const auto a = minhash(story);
  REQUIRE(a);
  const auto bands = band_keys(*a);
  for (std::size_t b = 0; b < bands.size(); ++b) CHECK(read_band_key(bands[b])->first == b);
  CHECK(std::set<std::string>(bands.begin(), bands.end()).size() == minhash_bands);
}

TEST_CASE("signatures keep 16 bits of each minimum: 128 bytes, similarity unchanged by storing", "[near_duplicate]") {
  const auto original = minhash(story);
  std::string edited = "BERLIN (Wire) - " + story;
  edited.replace(edited.find("acting as host"), 14, "who hosted the talks");
  const auto copy = minhash(edited);
  REQUIRE(original);
  REQUIRE(copy);
  const std::string value = encode_signature(*original);
  CHECK(value.size() == minhash_size * 2);
  const auto stored = decode_signature(value), stored_copy = decode_signature(encode_signature(*copy));
  REQUIRE(stored);
  REQUIRE(stored_copy);
  // What the story index compares: a new article's signature with one read from the slot.
  CHECK(similarity(*copy, *stored) == similarity(*copy, *original));
  CHECK(similarity(*stored_copy, *stored) >= copy_similarity);
  CHECK(band_keys(*stored) == band_keys(*original));                  // a re-keyed article keeps its bands
  CHECK_FALSE(decode_signature(std::string(minhash_size * 4, 'x')));  // a 32-bit signature is not one
}
