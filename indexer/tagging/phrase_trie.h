// A trie over token sequences: finds every dictionary phrase that starts at a given
// token in one walk, so tagging costs one pass over the text, not one search per alias.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace dipnews {

class PhraseTrie {
 public:
  // Adds a phrase given as normalised tokens; payload is the caller's entry index.
  void add(const std::vector<std::string>& tokens, std::uint32_t payload);

  struct Match {
    std::size_t length;  // in tokens
    const std::vector<std::uint32_t>* payloads;
  };
  // Every phrase starting at keys[start], shortest first. Key is any container of
  // objects with a `const std::string&` view given by `key_of`.
  template <typename Tokens, typename KeyOf>
  std::vector<Match> matches_at(const Tokens& tokens, std::size_t start, KeyOf key_of) const {
    std::vector<Match> out;
    std::uint32_t node = 0;
    for (std::size_t i = start; i < tokens.size(); ++i) {
      const auto& next = nodes_[node].next;
      auto it = next.find(key_of(tokens[i]));
      if (it == next.end()) break;
      node = it->second;
      if (!nodes_[node].payloads.empty()) out.push_back({i - start + 1, &nodes_[node].payloads});
    }
    return out;
  }

  std::size_t size() const { return nodes_.size(); }

 private:
  struct Node {
    std::unordered_map<std::string, std::uint32_t> next;
    std::vector<std::uint32_t> payloads;
  };
  std::vector<Node> nodes_{1};
};

}  // namespace dipnews
