#include "query/spelling.h"

#include <cctype>
#include <vector>

#include "text_util.h"

namespace dipnews {

namespace {

bool is_plain_word(const std::string& w) {
  if (w.size() < 3) return false;
  for (char c : w) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The most frequent indexed word within the allowed distance. Only words sharing the first
// letter are read: typos rarely hit the first letter, and it bounds the scan.
std::optional<std::string> closest_word(const Xapian::Database& db, const std::string& word) {
  const std::size_t limit = word.size() <= 4 ? 1 : 2;
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  Xapian::doccount best_freq = 0;
  const std::string first(1, word[0]);
  for (auto t = db.allterms_begin(first); t != db.allterms_end(first); ++t) {
    const std::string term = *t;
    if (!is_plain_word(term)) continue;
    const std::size_t d = edit_distance(word, term, limit);
    if (d > limit) continue;
    const Xapian::doccount freq = t.get_termfreq();
    if (d < best_distance || (d == best_distance && freq > best_freq)) {
      best = term;
      best_distance = d;
      best_freq = freq;
    }
  }
  return best;
}

}  // namespace

std::optional<std::string> suggest_spelling(const Xapian::Database& db, const std::string& query_text) {
  std::string out;
  bool changed = false;
  std::size_t i = 0;
  while (i < query_text.size()) {
    const std::size_t start = i;
    while (i < query_text.size() && std::isalpha(static_cast<unsigned char>(query_text[i]))) ++i;
    if (i == start) {
      if (query_text[i] == ':') {
        // A field's value (source:"Meridian Post", id:x) is a name, not a word: keep it.
        out += query_text[i++];
        const bool quoted = i < query_text.size() && query_text[i] == '"';
        const std::size_t end = quoted ? query_text.find('"', i + 1) : query_text.find_first_of(" \t)", i);
        const std::size_t stop = end == std::string::npos ? query_text.size() : end + (quoted ? 1 : 0);
        out.append(query_text, i, stop - i);
        i = stop;
        continue;
      }
      out += query_text[i++];
      continue;
    }
    const std::string word = query_text.substr(start, i - start);
    // Leave operators, field names (a word before ':') and words inside other tokens alone.
    const bool field_name = i < query_text.size() && query_text[i] == ':';
    const bool operator_word = word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR";
    const std::string lower = to_lower_ascii(word);
    std::optional<std::string> fix;
    if (!field_name && !operator_word && is_plain_word(lower) && !db.term_exists(lower)) fix = closest_word(db, lower);
    if (fix) changed = true;
    out += fix ? *fix : word;
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace dipnews
