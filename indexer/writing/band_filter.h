// Which band keys a database may hold: a blocked Bloom filter (Putze, Sanders and Singler,
// 2007) over the near-duplicate band keys of the articles written to one part database of a
// run. A story lookup reads a part only when one of the article's keys may be in it, so the
// lookup's cost stays that of the index and the few parts that may hold a copy, however many
// parts a long run has closed (writing/story_index.h). "Maybe" can be wrong (about 1 key in
// 500 at the size asked for); "no" never is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dipnews {

class BandFilter {
 public:
  // Sized for `expected_keys` keys at bits_per_key bits each; more keys only raise the rate
  // of false "maybe"s.
  explicit BandFilter(std::size_t expected_keys);
  void add(std::string_view key);
  bool may_contain(std::string_view key) const;
  std::size_t bytes() const { return blocks_.size() * sizeof(Block); }

  static constexpr std::size_t bits_per_key = 16;

 private:
  // One cache line: every bit of a key is in one block, so a lookup costs one memory read.
  struct alignas(64) Block {
    std::uint64_t words[8] = {};
  };
  static constexpr int bits_per_lookup = 7;  // 9 bits of one 64-bit hash each
  template <typename Visit>
  void for_each_bit(std::string_view key, Visit visit) const;

  std::vector<Block> blocks_;
};

}  // namespace dipnews
