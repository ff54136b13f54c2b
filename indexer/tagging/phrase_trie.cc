#include "tagging/phrase_trie.h"

#include <algorithm>

namespace dipnews {

void PhraseTrie::add(const std::vector<std::string>& tokens, std::uint32_t payload) {
  if (tokens.empty()) return;
  std::uint32_t node = 0;
  for (const auto& token : tokens) {
    auto it = nodes_[node].next.find(token);
    if (it == nodes_[node].next.end()) {
      const auto child = static_cast<std::uint32_t>(nodes_.size());
      nodes_[node].next.emplace(token, child);
      nodes_.emplace_back();
      node = child;
    } else {
      node = it->second;
    }
  }
  auto& payloads = nodes_[node].payloads;
  if (std::find(payloads.begin(), payloads.end(), payload) == payloads.end()) payloads.push_back(payload);
}

}  // namespace dipnews
