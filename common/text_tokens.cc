#include "text_tokens.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include <xapian.h>

#include "word_forms.h"

namespace dipnews {

namespace {

using Xapian::Unicode::category;
using Xapian::Unicode::get_category;

// Word characters as Xapian defines them, except '_', which joins words in identifiers
// ("grop_j9culd" in a garbled wire) but separates them in prose.
bool is_word(unsigned ch) { return ch != '_' && Xapian::Unicode::is_wordchar(ch); }

// Han ideographs and kana: scripts written without spaces between words. Each is a token of
// its own, so that a name ("习近平") is a phrase of characters that matches inside running
// text ("习近平主席会见..."); Hangul is written with spaces and read as words.
// Half-width katakana (U+FF66..U+FF9D) are kana too: their folded form is the full-width one.
bool is_unspaced(unsigned ch) { return ch >= 0x3040 && (is_han_or_kana(ch) || (ch >= 0xFF66 && ch <= 0xFF9D)); }

bool is_apostrophe(unsigned ch) { return ch == '\'' || ch == 0x2019 || ch == 0x2018; }

bool is_upper(unsigned ch) {
  const auto c = get_category(ch);
  return c == category::UPPERCASE_LETTER || c == category::TITLECASE_LETTER;
}

bool is_letter(unsigned ch) {
  const auto c = get_category(ch);
  return c == category::UPPERCASE_LETTER || c == category::LOWERCASE_LETTER || c == category::TITLECASE_LETTER ||
         c == category::MODIFIER_LETTER || c == category::OTHER_LETTER;
}

// Decoded code points of the text with their byte offsets: 8 bytes each, the tokenizer's
// largest use of memory (a 16 MiB article of one-byte characters needs 128 MiB here).
struct CodePoint {
  std::uint32_t ch;
  std::uint32_t byte;
};

std::vector<CodePoint> decode(std::string_view text) {
  // Articles are at most limits::max_article_bytes, queries far less.
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("text too long to tokenize");
  std::vector<CodePoint> cps;
  cps.reserve(text.size());
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    cps.push_back({*it, static_cast<std::uint32_t>(it.raw() - text.data())});
  }
  return cps;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text), cps_(decode(text)) {}

  std::vector<TextToken> run() {
    // Sized once: the dictionaries' names are tokenized by the hundred thousand when the
    // binaries start, and growing the vector was most of their allocations.
    tokens_.reserve(count_word_runs(text_));
    std::size_t i = 0;
    while (i < cps_.size()) {
      if (!is_word(cps_[i].ch)) {
        ++i;
        continue;
      }
      i = std::max(read_word(i), i + 1);  // always move on, whatever the text
    }
    join_dotted_acronyms();
    return std::move(tokens_);
  }

 private:
  std::size_t byte_at(std::size_t i) const { return i < cps_.size() ? cps_[i].byte : text_.size(); }

  // Folds the cluster starting at code point i (a letter and the combining marks NFKC
  // composes with it: "и" + U+0306 is "й") onto out; returns the index after it. Offsets stay
  // on the original text.
  std::size_t append_cluster(std::string& out, std::size_t i) const {
    std::size_t end = i + 1;
    while (end < cps_.size() && !starts_cluster(cps_[end].ch)) ++end;
    if (end == i + 1 && cps_[i].ch < 0x80) {
      append_folded(out, cps_[i].ch);
    } else {
      append_folded_cluster(out, text_.substr(byte_at(i), byte_at(end) - byte_at(i)));
    }
    return end;
  }

  // Reads a word starting at code point i; returns the index after it.
  std::size_t read_word(std::size_t i) {
    TextToken t;
    t.char_begin = i;
    t.byte_begin = byte_at(i);
    if (is_unspaced(cps_[i].ch)) {
      const std::size_t end = append_cluster(t.norm, i);
      t.char_end = end;
      t.byte_end = byte_at(end);
      if (!t.norm.empty()) tokens_.push_back(std::move(t));
      return end;
    }
    std::size_t letters = 0, upper = 0;
    t.capitalised = is_upper(cps_[i].ch);
    std::size_t j = i;
    while (j < cps_.size()) {
      const unsigned ch = cps_[j].ch;
      if (is_apostrophe(ch) && j + 1 < cps_.size() && is_word(cps_[j + 1].ch)) {
        const bool possessive =
            (cps_[j + 1].ch == 's' || cps_[j + 1].ch == 'S') && (j + 2 >= cps_.size() || !is_word(cps_[j + 2].ch));
        if (possessive) break;
        ++j;
        continue;  // inner apostrophe: "d'Ivoire" -> "divoire"
      }
      if (!is_word(ch) || is_unspaced(ch)) break;
      if (is_letter(ch)) {
        ++letters;
        upper += is_upper(ch);
      }
      j = append_cluster(t.norm, j);
    }
    t.char_end = j;
    t.byte_end = byte_at(j);
    t.all_caps = letters >= 2 && upper == letters;
    if (!t.norm.empty()) tokens_.push_back(std::move(t));
    // Skip a possessive "'s" so it never becomes a token of its own.
    if (j < cps_.size() && is_apostrophe(cps_[j].ch)) j += 2;
    return j;
  }

  // "U.S." and "U.N." are tokens "u", "s" separated by dots: join runs of one-letter
  // tokens separated by exactly "." into one token ("us", "un").
  void join_dotted_acronyms() {
    std::size_t kept = 0;  // joined in place: tokens_[0, kept) are the tokens so far
    for (auto& t : tokens_) {
      if (kept > 0 && t.char_end - t.char_begin == 1 && !is_unspaced(cps_[t.char_begin].ch) &&
          is_dotted_continuation(tokens_[kept - 1], t)) {
        TextToken& prev = tokens_[kept - 1];
        prev.norm += t.norm;
        prev.byte_end = t.byte_end;
        prev.char_end = t.char_end;
        prev.all_caps = prev.all_caps || (prev.capitalised && t.capitalised);
        continue;
      }
      if (&tokens_[kept] != &t) tokens_[kept] = std::move(t);
      ++kept;
    }
    tokens_.erase(tokens_.begin() + static_cast<std::ptrdiff_t>(kept), tokens_.end());
  }

  bool is_dotted_continuation(const TextToken& prev, const TextToken& t) const {
    if (text_.substr(prev.byte_end, t.byte_begin - prev.byte_end) != ".") return false;
    // prev is a single letter, or an acronym already joined from single letters + dots.
    const std::string_view p = text_.substr(prev.byte_begin, prev.byte_end - prev.byte_begin);
    for (std::size_t k = 1; k < p.size(); k += 2) {
      if (p[k] != '.') return p.size() == 1;
    }
    return true;
  }

  std::string_view text_;
  std::vector<CodePoint> cps_;
  std::vector<TextToken> tokens_;
};

}  // namespace

std::vector<TextToken> tokenize(std::string_view text) { return Tokenizer(text).run(); }

std::string normalize_phrase(std::string_view text) {
  std::string out;
  for (const auto& t : tokenize(text)) {
    if (!out.empty()) out += ' ';
    out += t.norm;
  }
  return out;
}

std::size_t count_word_runs(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    const bool word = is_word(*it);
    // An unspaced character (Han, kana) is a token of its own.
    words += word && (!in_word || is_unspaced(*it));
    in_word = word && !is_unspaced(*it);
  }
  return words;
}

bool is_mostly_upper_case(std::string_view text) {
  std::size_t letters = 0, upper = 0;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    if (!is_letter(*it)) continue;
    ++letters;
    upper += is_upper(*it);
  }
  return letters >= 20 && upper * 10 >= letters * 8;
}

}  // namespace dipnews
