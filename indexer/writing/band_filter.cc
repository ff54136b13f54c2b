#include "writing/band_filter.h"

#include <algorithm>

namespace dipnews {

namespace {

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Spreads every input bit over the whole word (splitmix64's finaliser): FNV-1a alone leaves
// the high bits of short keys poorly mixed.
std::uint64_t mix(std::uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

BandFilter::BandFilter(std::size_t expected_keys)
    : blocks_(std::max<std::size_t>(1, (expected_keys * bits_per_key + 511) / 512)) {}

// The block from one hash, the bit positions in it (9 bits each) from a second.
template <typename Visit>
void BandFilter::for_each_bit(std::string_view key, Visit visit) const {
  const std::uint64_t h = mix(fnv1a(key));
  const std::size_t block = static_cast<std::size_t>(h % blocks_.size());
  std::uint64_t bits = mix(h + 0x9e3779b97f4a7c15ULL);
  for (int i = 0; i < bits_per_lookup; ++i, bits >>= 9) {
    const unsigned bit = static_cast<unsigned>(bits & 511);
    visit(block, bit / 64, std::uint64_t{1} << (bit % 64));
  }
}

void BandFilter::add(std::string_view key) {
  for_each_bit(key,
               [this](std::size_t block, unsigned word, std::uint64_t mask) { blocks_[block].words[word] |= mask; });
}

bool BandFilter::may_contain(std::string_view key) const {
  bool all = true;
  for_each_bit(key, [&](std::size_t block, unsigned word, std::uint64_t mask) {
    all = all && (blocks_[block].words[word] & mask) != 0;
  });
  return all;
}

}  // namespace dipnews
