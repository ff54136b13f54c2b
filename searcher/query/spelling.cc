#include "query/spelling.h"

#include <vector>

#include "text_util.h"
#include "unicode_fold.h"
#include "word_forms.h"

namespace dipnews {

namespace {

// A letter of a word that spelling may correct: any script's letters, marks included
// ("Belém", "Лавров"), not digits nor '_'.
bool is_word_letter(unsigned ch) {
  return ch != '_' && Xapian::Unicode::is_wordchar(ch) &&
         Xapian::Unicode::get_category(ch) != Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) out += *it;
  return out;
}

// At least three letters, none of a script written without spaces (Han and kana words are
// n-grams in the index, not words a spelling could be corrected to).
bool is_plain_word(std::u32string_view w) {
  if (w.size() < 3) return false;
  for (const char32_t c : w) {
    if (!is_word_letter(c) || is_han_or_kana(c)) return false;
  }
  return true;
}

// The most frequent indexed word within the allowed distance (in code points). Only words
// sharing the first letter are read: typos rarely hit the first letter, and it bounds the scan.
std::optional<std::string> closest_word(const Xapian::Database& db, std::u32string_view word) {
  const std::size_t limit = word.size() <= 4 ? 1 : 2;
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  Xapian::doccount best_freq = 0;
  std::string first;
  Xapian::Unicode::append_utf8(first, word[0]);
  for (auto t = db.allterms_begin(first); t != db.allterms_end(first); ++t) {
    const std::string term = *t;
    const std::u32string letters = code_points(term);
    if (!is_plain_word(letters)) continue;
    const std::size_t d = edit_distance(word, letters, limit);
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

// The byte offset of the end of the run of word letters starting at `from`.
std::size_t word_end(const std::string& text, std::size_t from) {
  Xapian::Utf8Iterator it(text.data() + from, text.size() - from);
  for (; it != Xapian::Utf8Iterator() && is_word_letter(*it); ++it) {
  }
  return it == Xapian::Utf8Iterator() ? text.size() : static_cast<std::size_t>(it.raw() - text.data());
}

// A field's value (source:"Meridian Post", id:x) is a name, not a word: its end, from just
// after the ':'.
std::size_t field_value_end(const std::string& text, std::size_t i) {
  const bool quoted = i < text.size() && text[i] == '"';
  const std::size_t end = quoted ? text.find('"', i + 1) : text.find_first_of(" \t)", i);
  return end == std::string::npos ? text.size() : end + (quoted ? 1 : 0);
}

// The correction of one word of the query, if it needs one and the index has one.
std::optional<std::string> correct(const Xapian::Database& db, const std::string& word) {
  if (word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR") return std::nullopt;
  const std::string folded = fold_case_and_accents(word);
  const std::u32string letters = code_points(folded);
  if (!is_plain_word(letters) || db.term_exists(folded)) return std::nullopt;
  return closest_word(db, letters);
}

}  // namespace

std::optional<std::string> suggest_spelling(const Xapian::Database& db, const std::string& query_text) {
  std::string out;
  bool changed = false;
  std::size_t i = 0;
  while (i < query_text.size()) {
    const std::size_t end = word_end(query_text, i);
    if (end == i) {
      // Not a letter: one byte (or one whole character) copied as it is.
      std::size_t next = i + 1;
      while (next < query_text.size() && (static_cast<unsigned char>(query_text[next]) & 0xC0) == 0x80) ++next;
      const bool field = query_text[i] == ':';
      if (field) next = field_value_end(query_text, next);
      out.append(query_text, i, next - i);
      i = next;
      continue;
    }
    const std::string word = query_text.substr(i, end - i);
    i = end;
    // Leave field names (a word before ':') alone.
    const bool field_name = i < query_text.size() && query_text[i] == ':';
    const std::optional<std::string> fix = field_name ? std::nullopt : correct(db, word);
    if (fix) changed = true;
    out += fix ? *fix : word;
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace dipnews
