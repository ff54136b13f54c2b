#include "tagging/phrase_trie.h"

#include <algorithm>

namespace dipnews {

void PhraseTrie::add(const std::vector<std::string>& tokens, std::uint32_t payload) {
  if (tokens.empty()) return;
  std::uint32_t node = 0;
  for (const auto& token : tokens) {
    const auto word = words_.try_emplace(token, static_cast<std::uint32_t>(words_.size())).first->second;
    const auto [it, fresh] = edges_.try_emplace(edge(node, word), static_cast<std::uint32_t>(payloads_.size()));
    if (fresh) payloads_.emplace_back();
    node = it->second;
  }
  auto& payloads = payloads_[node];
  if (std::find(payloads.begin(), payloads.end(), payload) == payloads.end()) payloads.push_back(payload);
}

std::vector<PhraseTrie::Match> PhraseTrie::matches_at(const std::vector<std::uint32_t>& words,
                                                      std::size_t start) const {
  std::vector<Match> out;
  std::uint32_t node = 0;
  for (std::size_t i = start; i < words.size() && words[i] != no_word; ++i) {
    const auto it = edges_.find(edge(node, words[i]));
    if (it == edges_.end()) break;
    node = it->second;
    if (!payloads_[node].empty()) out.push_back({i - start + 1, &payloads_[node]});
  }
  return out;
}

}  // namespace dipnews
