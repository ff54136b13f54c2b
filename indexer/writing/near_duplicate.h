// Near-duplicate signatures for grouping wire copies: the same agency story carried by
// several outlets with small edits. MinHash over 5-word shingles estimates the Jaccard
// similarity of two texts; its bands, stored as index terms, find candidates (LSH)
// without comparing an article with every other.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text_tokens.h"

namespace dipnews {

inline constexpr std::size_t minhash_size = 64;
inline constexpr std::size_t minhash_bands = 16;  // of 4 hashes each
inline constexpr std::size_t shingle_words = 5;
// Copies of one story score 0.6-0.9 on the bundled corpus; distinct reports of one event
// under 0.05.
inline constexpr double copy_similarity = 0.5;

// b-bit MinHash (Li & König, 2010): of each of the 64 minimum 32-bit hashes only the low
// 16 bits are kept. Two texts' slots still agree with probability J + (1 - J) / 2^16 for
// Jaccard similarity J, a bias of at most 1/65536 per slot: under 0.001 of a slot over the
// 64, far from moving one article across copy_similarity (32 of 64 slots): the stories of
// the bundled corpus, and of 3,000 bench articles with 1,500 copies edited 0-60%, are the
// same as with 32 bits. Half the value slot: 128 bytes per article instead of 256.
using Signature = std::array<std::uint16_t, minhash_size>;

// nullopt for texts too short to have a shingle.
std::optional<Signature> minhash(std::string_view text);
// The same from the text's tokens (tokenize(text)), when the caller has them already.
std::optional<Signature> minhash(const std::vector<TextToken>& tokens);
double similarity(const Signature& a, const Signature& b);  // estimated Jaccard, 0..1
std::vector<std::string> band_keys(const Signature& s);     // one short key per band
// Band `band` (< minhash_bands) with the low 48 bits of its hash: the band as one hex
// digit, then the bits as 8 base-64 digits (A-Z a-z 0-9 - _), most significant first.
// One key per (band, 48 bits) and back: equal keys are equal band hashes, as before.
std::string band_key(std::size_t band, std::uint64_t hash);

std::string encode_signature(const Signature& s);  // for a value slot
std::optional<Signature> decode_signature(std::string_view value);

}  // namespace dipnews
