// Normalised word tokens for tagging: case folded, accents removed (common/unicode_fold.h), curly and straight
// apostrophes alike, possessive 's dropped, hyphens splitting words, dotted acronyms
// joined ("U.S." -> "us"). Each token keeps where it came from, so every tag can point at
// the exact text that produced it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "unicode_fold.h"  // fold_case_and_accents, which tokens use

namespace dipnews {

struct TextToken {
  std::string norm;            // folded form used for matching
  std::size_t byte_begin = 0;  // [begin, end) in the source text, bytes...
  std::size_t byte_end = 0;
  std::size_t char_begin = 0;  // ...and Unicode code points
  std::size_t char_end = 0;
  bool capitalised = false;  // first letter upper case in the source
  bool all_caps = false;     // every letter upper case (and at least two letters)
};

std::vector<TextToken> tokenize(std::string_view text);

// Runs of word characters: at least as many as tokenize() returns tokens (an apostrophe or a
// dot can join two runs into one token, nothing splits one), counted without storing any.
std::size_t count_word_runs(std::string_view text);

// The folded form of a phrase, tokens joined by single spaces ("Côte d'Ivoire" -> "cote divoire").
std::string normalize_phrase(std::string_view text);

// True when most letters of the text are capitals (wire copy and old archives), where
// capitalisation says nothing about proper nouns.
bool is_mostly_upper_case(std::string_view text);

}  // namespace dipnews
