#include "tagging/phrase_trie.h"

#include <functional>

namespace dipnews {

namespace {

// Both tables keep at most half their slots full, so that a probe ends after a slot or two.
constexpr std::size_t initial_slots = 64;
bool needs_growth(std::size_t used, std::size_t slots) { return (used + 1) * 2 > slots; }

std::size_t word_hash(std::string_view word) { return std::hash<std::string_view>{}(word); }

// Fibonacci hashing: (node, word) keys are small consecutive numbers, which the
// multiplication spreads over the whole table.
std::size_t edge_hash(std::uint64_t key) { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32); }

std::uint64_t edge_key(std::uint32_t node, std::uint32_t word) {
  return (static_cast<std::uint64_t>(node) << 32) | word;
}

}  // namespace

void PhraseTrie::add(const std::vector<std::string>& tokens, std::uint32_t payload) {
  if (tokens.empty()) return;
  std::uint32_t node = 0;
  for (const auto& token : tokens) node = add_child(node, intern(token));
  add_payload(node, payload);
}

std::string_view PhraseTrie::word_text(std::uint32_t word) const {
  const std::uint32_t begin = word == 0 ? 0 : word_end_[word - 1];
  return std::string_view(word_text_).substr(begin, word_end_[word] - begin);
}

std::uint32_t PhraseTrie::word_number(std::string_view word) const {
  if (word_slots_.empty()) return no_word;
  const std::size_t mask = word_slots_.size() - 1;
  for (std::size_t s = word_hash(word) & mask;; s = (s + 1) & mask) {
    const std::uint32_t slot = word_slots_[s];
    if (slot == 0) return no_word;
    if (word_text(slot - 1) == word) return slot - 1;
  }
}

std::uint32_t PhraseTrie::intern(std::string_view word) {
  if (const std::uint32_t known = word_number(word); known != no_word) return known;
  if (needs_growth(word_end_.size(), word_slots_.size())) grow_words();
  const auto number = static_cast<std::uint32_t>(word_end_.size());
  word_text_ += word;
  word_end_.push_back(static_cast<std::uint32_t>(word_text_.size()));
  const std::size_t mask = word_slots_.size() - 1;
  std::size_t s = word_hash(word) & mask;
  while (word_slots_[s] != 0) s = (s + 1) & mask;
  word_slots_[s] = number + 1;
  return number;
}

void PhraseTrie::grow_words() {
  std::vector<std::uint32_t> slots(word_slots_.empty() ? initial_slots : word_slots_.size() * 2, 0);
  const std::size_t mask = slots.size() - 1;
  for (std::uint32_t w = 0; w < word_end_.size(); ++w) {
    std::size_t s = word_hash(word_text(w)) & mask;
    while (slots[s] != 0) s = (s + 1) & mask;
    slots[s] = w + 1;
  }
  word_slots_ = std::move(slots);
}

std::uint32_t PhraseTrie::child(std::uint32_t node, std::uint32_t word) const {
  if (edge_keys_.empty()) return no_node;
  const std::uint64_t key = edge_key(node, word);
  const std::size_t mask = edge_keys_.size() - 1;
  for (std::size_t s = edge_hash(key) & mask;; s = (s + 1) & mask) {
    if (edge_keys_[s] == key) return edge_children_[s];
    if (edge_keys_[s] == no_edge) return no_node;
  }
}

std::uint32_t PhraseTrie::add_child(std::uint32_t node, std::uint32_t word) {
  if (const std::uint32_t known = child(node, word); known != no_node) return known;
  if (needs_growth(edges_, edge_keys_.size())) grow_edges();
  const auto fresh = static_cast<std::uint32_t>(first_cell_.size());
  first_cell_.push_back(no_cell);
  last_cell_.push_back(no_cell);
  const std::uint64_t key = edge_key(node, word);
  const std::size_t mask = edge_keys_.size() - 1;
  std::size_t s = edge_hash(key) & mask;
  while (edge_keys_[s] != no_edge) s = (s + 1) & mask;
  edge_keys_[s] = key;
  edge_children_[s] = fresh;
  ++edges_;
  return fresh;
}

void PhraseTrie::grow_edges() {
  const std::size_t size = edge_keys_.empty() ? initial_slots : edge_keys_.size() * 2;
  std::vector<std::uint64_t> keys(size, no_edge);
  std::vector<std::uint32_t> children(size, no_node);
  for (std::size_t old = 0; old < edge_keys_.size(); ++old) {
    if (edge_keys_[old] == no_edge) continue;
    std::size_t s = edge_hash(edge_keys_[old]) & (size - 1);
    while (keys[s] != no_edge) s = (s + 1) & (size - 1);
    keys[s] = edge_keys_[old];
    children[s] = edge_children_[old];
  }
  edge_keys_ = std::move(keys);
  edge_children_ = std::move(children);
}

void PhraseTrie::add_payload(std::uint32_t node, std::uint32_t payload) {
  for (std::uint32_t c = first_cell_[node]; c != no_cell; c = cells_[c].next) {
    if (cells_[c].payload == payload) return;
  }
  const auto cell = static_cast<std::uint32_t>(cells_.size());
  cells_.push_back({payload, no_cell});
  if (last_cell_[node] == no_cell) first_cell_[node] = cell;
  else cells_[last_cell_[node]].next = cell;
  last_cell_[node] = cell;
}

std::vector<PhraseTrie::Match> PhraseTrie::matches_at(const std::vector<std::uint32_t>& words,
                                                      std::size_t start) const {
  std::vector<Match> out;
  std::uint32_t node = 0;
  for (std::size_t i = start; i < words.size() && words[i] != no_word; ++i) {
    node = child(node, words[i]);
    if (node == no_node) break;
    if (first_cell_[node] != no_cell) out.push_back({i - start + 1, Payloads(&cells_, first_cell_[node])});
  }
  return out;
}

}  // namespace dipnews
