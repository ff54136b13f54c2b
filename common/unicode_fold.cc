#include "unicode_fold.h"

#include <array>
#include <memory>
#include <stdexcept>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <xapian.h>

namespace dipnews {

namespace {

UScriptCode script_of(char32_t ch) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(ch), &status);
  return U_SUCCESS(status) ? script : USCRIPT_INVALID_CODE;
}

// The marks dropped: diacritics that combine with any script (Inherited), and the optional
// vowel points of Arabic and Hebrew. Spacing marks and the marks of other scripts stay.
bool is_dropped_mark(char32_t ch) {
  if (u_charType(static_cast<UChar32>(ch)) != U_NON_SPACING_MARK) return false;
  const UScriptCode script = script_of(ch);
  if (script == USCRIPT_ARABIC || script == USCRIPT_HEBREW) return true;
  // Inherited marks include the kana voicing marks (U+3099, U+309A), which change the word.
  return script == USCRIPT_INHERITED && (ch < 0x3099 || ch > 0x309A);
}

// Scripts whose letters are decomposed and stripped of accents. Common covers the
// compatibility forms of digits and punctuation (superscripts, "№").
bool is_decomposed_script(UScriptCode script) {
  return script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_ARABIC || script == USCRIPT_HEBREW ||
         script == USCRIPT_COMMON;
}

const icu::Normalizer2& nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normaliser: ") + u_errorName(status));
    return n;
  }();
  return *instance;
}

const icu::Normalizer2& nfkd() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normaliser: ") + u_errorName(status));
    return n;
  }();
  return *instance;
}

// Appends `ch` lower-cased (Unicode simple case folding: final sigma as sigma, too).
void append_lower(std::string& out, char32_t ch) {
  Xapian::Unicode::append_utf8(out, static_cast<unsigned>(u_foldCase(static_cast<UChar32>(ch), U_FOLD_CASE_DEFAULT)));
}

// True when `text` has an ASCII punctuation character: the query parser's syntax (quotes,
// parentheses, +, -, *, :, <, >...), which no symbol outside ASCII may fold into.
bool has_ascii_punctuation(const icu::UnicodeString& text) {
  for (int32_t i = 0; i < text.length(); ++i) {
    const char16_t c = text.charAt(i);
    if (c < 0x80 && u_ispunct(c)) return true;
  }
  return false;
}

// Folds one code point without the Latin table: decomposes it, drops its accents.
void fold_by_decomposition(std::string& out, char32_t ch) {
  if (ch == 0x401 || ch == 0x451) {  // Ё ё
    out += "\xD0\xB5";               // е
    return;
  }
  if (is_dropped_mark(ch)) return;
  icu::UnicodeString decomposition;
  if (!is_decomposed_script(script_of(ch)) || !nfkd().getDecomposition(static_cast<UChar32>(ch), decomposition) ||
      (!u_isalpha(static_cast<UChar32>(ch)) && has_ascii_punctuation(decomposition))) {
    append_lower(out, ch);
    return;
  }
  for (int32_t i = 0; i < decomposition.length(); i = decomposition.moveIndex32(i, 1)) {
    const auto part = static_cast<char32_t>(decomposition.char32At(i));
    if (!is_dropped_mark(part)) append_lower(out, part);
  }
}

// Latin letters from U+0080 to U+024F and U+1E00 to U+1EFF, folded once: decomposition
// leaves some with their accent built in ("ø", "ł", "đ"), which ICU's Latin-ASCII
// transliteration spells plainly.
constexpr char32_t latin_table_end = 0x250;
constexpr char32_t latin_extended_additional = 0x1E00, latin_extended_additional_end = 0x1F00;

std::string fold_latin(char32_t ch, icu::Transliterator& latin_ascii) {
  std::string folded;
  fold_by_decomposition(folded, ch);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(folded);
  latin_ascii.transliterate(text);
  std::string spelled;
  text.toUTF8String(spelled);
  std::string out;
  for (Xapian::Utf8Iterator it(spelled); it != Xapian::Utf8Iterator(); ++it) append_lower(out, *it);
  return out;
}

class LatinTable {
 public:
  LatinTable() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> latin_ascii(
        icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU Latin-ASCII: ") + u_errorName(status));
    for (char32_t ch = 0x80; ch < latin_table_end; ++ch) low_[ch - 0x80] = fold_latin(ch, *latin_ascii);
    for (char32_t ch = latin_extended_additional; ch < latin_extended_additional_end; ++ch) {
      high_[ch - latin_extended_additional] = fold_latin(ch, *latin_ascii);
    }
  }

  // Letters only: Latin-ASCII also spells symbols in ASCII ("×" -> "*", "«" -> "<<",
  // "©" -> "(c)"), which would put query syntax into folded text.
  const std::string* find(char32_t ch) const {
    if (!u_isalpha(static_cast<UChar32>(ch))) return nullptr;
    if (ch >= 0x80 && ch < latin_table_end) return &low_[ch - 0x80];
    if (ch >= latin_extended_additional && ch < latin_extended_additional_end) {
      return &high_[ch - latin_extended_additional];
    }
    return nullptr;
  }

 private:
  std::array<std::string, latin_table_end - 0x80> low_;
  std::array<std::string, latin_extended_additional_end - latin_extended_additional> high_;
};

const LatinTable& latin_table() {
  static const LatinTable table;
  return table;
}

bool is_upper(char32_t ch) {
  const auto type = u_charType(static_cast<UChar32>(ch));
  return type == U_UPPERCASE_LETTER || type == U_TITLECASE_LETTER;
}

// Upper-cases the first code point of out[from..].
void capitalise_from(std::string& out, std::size_t from) {
  if (from >= out.size()) return;
  Xapian::Utf8Iterator it(out.data() + from, out.size() - from);
  const unsigned first = *it;
  const std::size_t first_bytes = static_cast<std::size_t>((++it).raw() - (out.data() + from));
  std::string upper;
  Xapian::Unicode::append_utf8(upper, Xapian::Unicode::toupper(first));
  out.replace(from, first_bytes, upper);
}

bool has_decomposition(char32_t ch) {
  icu::UnicodeString decomposition;
  return ch >= 0xC0 && nfkc().getDecomposition(static_cast<UChar32>(ch), decomposition);
}

// Appends one code point folded; with keep_case, ASCII as it is and a capital's folded form
// capitalised (fold_accents).
void append_one(std::string& out, char32_t ch, bool keep_case) {
  if (keep_case && ch < 0x80) {
    out += static_cast<char>(ch);
    return;
  }
  const std::size_t from = out.size();
  append_folded(out, ch);
  if (keep_case && is_upper(ch)) capitalise_from(out, from);
}

std::size_t utf8_bytes(char32_t ch) { return ch < 0x80 ? 1 : ch < 0x800 ? 2 : ch < 0x10000 ? 3 : 4; }

// Folds one cluster (a code point and the ones NFKC may compose with it, starts_cluster):
// composed first (NFKC: "и" + U+0306 -> "й", half-width "ｶﾞ" -> "ガ"), then code point by code
// point as append_folded does. A lone code point NFKC leaves alone costs no normalisation.
void append_cluster(std::string& out, std::string_view cluster, bool keep_case) {
  if (cluster.size() == 1 && static_cast<unsigned char>(cluster[0]) < 0x80) {  // most text: no ICU
    const char c = cluster[0];
    out += keep_case || c < 'A' || c > 'Z' ? c : static_cast<char>(c + ('a' - 'A'));
    return;
  }
  const char32_t first = *Xapian::Utf8Iterator(cluster.data(), cluster.size());
  const bool lone = cluster.size() <= utf8_bytes(first);  // "<": a stray byte Xapian reads as Latin-1
  if (lone && !has_decomposition(first)) {
    append_one(out, first, keep_case);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString composed = nfkc().normalize(icu::UnicodeString::fromUTF8(cluster), status);
  // A symbol whose compatibility form is query syntax (full-width "＂", "（") stays itself.
  const bool syntax = !u_isalpha(static_cast<UChar32>(first)) && has_ascii_punctuation(composed);
  if (U_FAILURE(status) || syntax) {  // fold what was written
    for (Xapian::Utf8Iterator cp(cluster.data(), cluster.size()); cp != Xapian::Utf8Iterator(); ++cp) {
      append_one(out, *cp, keep_case);
    }
    return;
  }
  for (int32_t i = 0; i < composed.length(); i = composed.moveIndex32(i, 1)) {
    append_one(out, static_cast<char32_t>(composed.char32At(i)), keep_case);
  }
}

template <typename Fold>
void for_each_cluster(std::string_view text, Fold fold) {
  std::size_t begin = 0;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator();) {
    ++it;
    const std::size_t end =
        it == Xapian::Utf8Iterator() ? text.size() : static_cast<std::size_t>(it.raw() - text.data());
    if (end < text.size() && !starts_cluster(*it)) continue;
    fold(text.substr(begin, end - begin));
    begin = end;
  }
}

}  // namespace

bool is_ascii_only(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool starts_cluster_beyond_ascii(char32_t ch) { return nfkc().hasBoundaryBefore(static_cast<UChar32>(ch)); }

void append_folded_cluster(std::string& out, std::string_view cluster) { append_cluster(out, cluster, false); }

void append_folded(std::string& out, char32_t ch) {
  if (ch < 0x80) {
    out += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
  } else if (const std::string* latin = latin_table().find(ch)) {
    out += *latin;
  } else {
    fold_by_decomposition(out, ch);
  }
}

std::string fold_case_and_accents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  if (is_ascii_only(text)) {
    for (const char c : text) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    return out;
  }
  for_each_cluster(text, [&](std::string_view cluster) { append_cluster(out, cluster, false); });
  return out;
}

std::string fold_accents(std::string_view text) {
  if (is_ascii_only(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for_each_cluster(text, [&](std::string_view cluster) { append_cluster(out, cluster, true); });
  return out;
}

}  // namespace dipnews
