// A trie over token sequences: finds every dictionary phrase that starts at a given
// token in one walk, so tagging costs one pass over the text, not one search per alias.
//
// Compact by design: the words are numbered once (words_) and the trie's edges are one hash
// table keyed by (node, word number), not one table per node. With ~250,000 phrases (the
// generated people's names and the role phrases), a table per node was most of the
// allocations of building the tagger, and of freeing it.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

namespace dipnews {

class PhraseTrie {
 public:
  static constexpr std::uint32_t no_word = std::numeric_limits<std::uint32_t>::max();

  // Adds a phrase given as normalised tokens; payload is the caller's entry index.
  void add(const std::vector<std::string>& tokens, std::uint32_t payload);

  // The numbers of a text's words (no_word for a word no phrase has), looked up once per
  // text. Tokens is any container of objects with a `const std::string&` view (`key_of`).
  template <typename Tokens, typename KeyOf>
  std::vector<std::uint32_t> word_numbers(const Tokens& tokens, KeyOf key_of) const {
    std::vector<std::uint32_t> out;
    out.reserve(tokens.size());
    for (const auto& t : tokens) {
      const auto it = words_.find(key_of(t));
      out.push_back(it == words_.end() ? no_word : it->second);
    }
    return out;
  }

  // The number of one word, or no_word when no phrase has it.
  std::uint32_t word_number(const std::string& word) const {
    const auto it = words_.find(word);
    return it == words_.end() ? no_word : it->second;
  }

  struct Match {
    std::size_t length;  // in tokens
    const std::vector<std::uint32_t>* payloads;
  };
  // Every phrase starting at words[start] (from word_numbers), shortest first.
  std::vector<Match> matches_at(const std::vector<std::uint32_t>& words, std::size_t start) const;

  std::size_t size() const { return payloads_.size(); }  // nodes, the root included

 private:
  static std::uint64_t edge(std::uint32_t node, std::uint32_t word) {
    return (static_cast<std::uint64_t>(node) << 32) | word;
  }
  std::unordered_map<std::string, std::uint32_t> words_;
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // edge(node, word) -> child node
  std::vector<std::vector<std::uint32_t>> payloads_{1};     // per node; the root is node 0
};

}  // namespace dipnews
