// A trie over token sequences: finds every dictionary phrase that starts at a given
// token in one walk, so tagging costs one pass over the text, not one search per alias.
//
// Flat by design: the tagger's tries hold ~250,000 phrases (the generated people's names and
// the role phrases), and every indexer run and every test builds them. Words are numbered
// once and kept back to back in one string; the edges are one open-addressing table keyed by
// (node, word number); a node's payloads are cells of one array. Building the trie allocates
// a few dozen growing arrays instead of a heap node per word, edge and payload list, which
// was a third of the allocations of starting the indexer (and of its time under ASan), and
// a lookup while tagging reads one or two cache lines instead of following a node chain.
#pragma once

#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace dipnews {

class PhraseTrie {
 public:
  static constexpr std::uint32_t no_word = std::numeric_limits<std::uint32_t>::max();

  // Adds a phrase given as normalised tokens; payload is the caller's entry index. A phrase
  // added twice with the same payload keeps it once.
  void add(const std::vector<std::string>& tokens, std::uint32_t payload);

  // The numbers of a text's words (no_word for a word no phrase has), looked up once per
  // text. Tokens is any container of objects with a `const std::string&` view (`key_of`).
  template <typename Tokens, typename KeyOf>
  std::vector<std::uint32_t> word_numbers(const Tokens& tokens, KeyOf key_of) const {
    std::vector<std::uint32_t> out;
    out.reserve(tokens.size());
    for (const auto& t : tokens) out.push_back(word_number(key_of(t)));
    return out;
  }

  // The number of one word, or no_word when no phrase has it.
  std::uint32_t word_number(std::string_view word) const;

  struct Cell {
    std::uint32_t payload;
    std::uint32_t next;  // the node's next cell, or no_cell
  };
  static constexpr std::uint32_t no_cell = std::numeric_limits<std::uint32_t>::max();

  // A node's payloads, in the order they were added.
  class Payloads {
   public:
    class iterator {
     public:
      using iterator_category = std::forward_iterator_tag;
      using value_type = std::uint32_t;
      using difference_type = std::ptrdiff_t;
      using pointer = const std::uint32_t*;
      using reference = std::uint32_t;
      iterator(const std::vector<Cell>* cells, std::uint32_t cell) : cells_(cells), cell_(cell) {}
      std::uint32_t operator*() const { return (*cells_)[cell_].payload; }
      iterator& operator++() {
        cell_ = (*cells_)[cell_].next;
        return *this;
      }
      bool operator==(const iterator& o) const { return cell_ == o.cell_; }
      bool operator!=(const iterator& o) const { return cell_ != o.cell_; }

     private:
      const std::vector<Cell>* cells_;
      std::uint32_t cell_;
    };
    Payloads(const std::vector<Cell>* cells, std::uint32_t first) : cells_(cells), first_(first) {}
    iterator begin() const { return {cells_, first_}; }
    iterator end() const { return {cells_, no_cell}; }
    bool empty() const { return first_ == no_cell; }

   private:
    const std::vector<Cell>* cells_;
    std::uint32_t first_;
  };

  struct Match {
    std::size_t length;  // in tokens
    Payloads payloads;
  };
  // Every phrase starting at words[start] (from word_numbers), shortest first.
  std::vector<Match> matches_at(const std::vector<std::uint32_t>& words, std::size_t start) const;

  std::size_t size() const { return first_cell_.size(); }  // nodes, the root included

 private:
  std::uint32_t intern(std::string_view word);
  std::string_view word_text(std::uint32_t word) const;
  std::uint32_t child(std::uint32_t node, std::uint32_t word) const;  // or no_node
  std::uint32_t add_child(std::uint32_t node, std::uint32_t word);    // existing or new
  void add_payload(std::uint32_t node, std::uint32_t payload);
  void grow_words();
  void grow_edges();

  static constexpr std::uint32_t no_node = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::uint64_t no_edge = std::numeric_limits<std::uint64_t>::max();

  // Words: their text back to back; word n is [word_end_[n-1], word_end_[n]).
  std::string word_text_;
  std::vector<std::uint32_t> word_end_;
  std::vector<std::uint32_t> word_slots_;  // open addressing: word number + 1, 0 when free

  // Edges: (node << 32 | word) -> child node; no_edge when free. Words are never no_word,
  // so no edge's key is no_edge.
  std::vector<std::uint64_t> edge_keys_;
  std::vector<std::uint32_t> edge_children_;
  std::size_t edges_ = 0;

  // Payloads: each node's first and last cell (no_cell when it has none); the root is node 0.
  std::vector<std::uint32_t> first_cell_{no_cell};
  std::vector<std::uint32_t> last_cell_{no_cell};
  std::vector<Cell> cells_;
};

}  // namespace dipnews
