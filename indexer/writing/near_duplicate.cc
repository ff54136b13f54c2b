#include "writing/near_duplicate.h"

namespace dipnews {

namespace {

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

std::optional<Signature> minhash(std::string_view text) { return minhash(tokenize(text)); }

std::optional<Signature> minhash(const std::vector<TextToken>& tokens) {
  if (tokens.size() < shingle_words) return std::nullopt;
  std::array<std::uint32_t, minhash_size> least;
  least.fill(UINT32_MAX);
  std::string shingle;
  for (std::size_t i = 0; i + shingle_words <= tokens.size(); ++i) {
    shingle.clear();
    for (std::size_t k = 0; k < shingle_words; ++k) (shingle += tokens[i + k].norm) += ' ';
    const std::uint64_t base = fnv1a(shingle);
    for (std::size_t h = 0; h < minhash_size; ++h) {
      // One independent-looking hash per slot, all derived from the shingle's hash.
      const auto v = static_cast<std::uint32_t>(splitmix(base ^ (0x5851f42d4c957f2dULL * (h + 1))) >> 32);
      if (v < least[h]) least[h] = v;
    }
  }
  Signature sig;  // the low bits of each minimum, not the minimum of the low bits
  for (std::size_t h = 0; h < minhash_size; ++h) sig[h] = static_cast<std::uint16_t>(least[h] & 0xffff);
  return sig;
}

double similarity(const Signature& a, const Signature& b) {
  std::size_t same = 0;
  for (std::size_t i = 0; i < minhash_size; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / minhash_size;
}

// 16 bands, 16 hex digits: the band stays one character.
static_assert(minhash_bands <= 16);

std::string band_key(std::size_t band, std::uint64_t hash) {
  static constexpr char hex[] = "0123456789abcdef";
  static constexpr char base64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string key(9, '0');
  key[0] = hex[band & 0xf];
  for (std::size_t i = 8; i >= 1; --i, hash >>= 6) key[i] = base64[hash & 63];
  return key;
}

std::vector<std::string> band_keys(const Signature& s) {
  constexpr std::size_t rows = minhash_size / minhash_bands;
  std::vector<std::string> keys;
  for (std::size_t b = 0; b < minhash_bands; ++b) {
    std::uint64_t h = b;
    for (std::size_t r = 0; r < rows; ++r) h = splitmix(h ^ s[b * rows + r]);
    keys.push_back(band_key(b, h));
  }
  return keys;
}

std::string encode_signature(const Signature& s) {
  std::string out;
  out.reserve(minhash_size * 2);
  for (const std::uint16_t v : s) {
    out += static_cast<char>(v >> 8);
    out += static_cast<char>(v & 0xff);
  }
  return out;
}

std::optional<Signature> decode_signature(std::string_view value) {
  if (value.size() != minhash_size * 2) return std::nullopt;
  Signature s;
  for (std::size_t i = 0; i < minhash_size; ++i) {
    s[i] = static_cast<std::uint16_t>(static_cast<unsigned char>(value[i * 2]) << 8 |
                                      static_cast<unsigned char>(value[i * 2 + 1]));
  }
  return s;
}

}  // namespace dipnews
