#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "tagging/phrase_trie.h"

using namespace dipnews;

namespace {
using Words = std::vector<std::string>;

std::vector<std::uint32_t> numbers(const PhraseTrie& trie, const Words& text) {
  return trie.word_numbers(text, [](const std::string& w) -> const std::string& { return w; });
}

// Each match at `start` as (length, payloads).
std::vector<std::pair<std::size_t, std::vector<std::uint32_t>>> matches(const PhraseTrie& trie, const Words& text,
                                                                        std::size_t start) {
  std::vector<std::pair<std::size_t, std::vector<std::uint32_t>>> out;
  for (const auto& m : trie.matches_at(numbers(trie, text), start))
    out.push_back({m.length, std::vector<std::uint32_t>(m.payloads.begin(), m.payloads.end())});
  return out;
}
using Found = std::vector<std::pair<std::size_t, std::vector<std::uint32_t>>>;
}  // namespace

TEST_CASE("phrase trie: every phrase starting at a token, shortest first, with its payloads", "[trie]") {
  PhraseTrie trie;
  trie.add({"new", "york"}, 1);
  trie.add({"new", "york", "times"}, 2);
  trie.add({"york"}, 3);
  trie.add({"new", "york"}, 4);  // a second entry with the same phrase
  trie.add({"new", "york"}, 1);  // the same entry again: kept once
  trie.add({}, 9);               // no tokens: nothing to match

  const Words text{"the", "new", "york", "times", "said"};
  CHECK(matches(trie, text, 0).empty());
  CHECK(matches(trie, text, 1) == Found{{2, {1, 4}}, {3, {2}}});
  CHECK(matches(trie, text, 2) == Found{{1, {3}}});
  CHECK(matches(trie, text, 4).empty());
  // A phrase's prefix that is no phrase itself ("new") matches nothing.
  CHECK(matches(trie, {"new", "jersey"}, 0).empty());
  CHECK(trie.word_number("the") == PhraseTrie::no_word);
  CHECK(trie.word_number("york") != PhraseTrie::no_word);
  CHECK(trie.size() == 5);  // the root, "new", "new york", "new york times", "york"
}

TEST_CASE("phrase trie: a quarter of a million phrases, as the tagger holds, all found after its tables grow",
          "[trie]") {
  // Phrases of one to three words over 30,000 distinct words, checked against a plain map:
  // the tables grow many times on the way, and every word, edge and payload must survive.
  std::map<Words, std::vector<std::uint32_t>> model;
  PhraseTrie trie;
  std::uint32_t state = 12345;
  const auto next = [&] { return state = state * 1103515245u + 12345u; };
  const auto word = [&] { return "w" + std::to_string((next() >> 8) % 30000); };
  for (std::uint32_t payload = 0; payload < 250000; ++payload) {
    Words phrase(1 + (next() >> 8) % 3);
    for (auto& w : phrase) w = word();
    trie.add(phrase, payload % 50000);
    auto& payloads = model[phrase];
    if (std::find(payloads.begin(), payloads.end(), payload % 50000) == payloads.end())
      payloads.push_back(payload % 50000);
  }
  std::size_t checked = 0;
  for (const auto& [phrase, payloads] : model) {
    if (checked++ % 7 != 0) continue;  // a sample keeps the test quick under the sanitizers
    const auto found = matches(trie, phrase, 0);
    REQUIRE(!found.empty());
    CHECK(found.back().first == phrase.size());
    CHECK(found.back().second == payloads);
  }
  CHECK(trie.word_number("w30000") == PhraseTrie::no_word);
}
