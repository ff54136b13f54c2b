#include "romanisation.h"

#include <memory>
#include <stdexcept>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "unicode_fold.h"

namespace dipnews {

namespace {

// An ICU transliterator is not safe to share between threads: each has its own.
icu::Transliterator& transliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !made) throw std::runtime_error("ICU has no Russian-Latin/BGN, Any-Latin transliterator");
    return made;
  }();
  return *t;
}

bool starts_with(const std::string& s, std::size_t at, std::string_view what) {
  return s.compare(at, what.size(), what) == 0;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The spelling rewrites of the key, left to right, longest first.
std::string rewrite(const std::string& letters) {
  static const std::pair<std::string_view, std::string_view> rules[] = {
      {"tsch", "ch"}, {"tch", "ch"}, {"sch", "sh"}, {"kh", "h"}, {"ck", "k"}, {"ph", "f"},
      {"ou", "u"},    {"w", "v"},    {"z", "s"},    {"j", "i"},  {"y", "i"}};
  std::string out;
  for (std::size_t i = 0; i < letters.size();) {
    bool done = false;
    for (const auto& [from, to] : rules) {
      if (starts_with(letters, i, from)) {
        out += to;
        i += from.size();
        done = true;
        break;
      }
    }
    if (!done) out += letters[i++];
  }
  return out;
}

}  // namespace

std::string to_latin(std::string_view text) {
  if (is_ascii_only(text)) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  transliterator().transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return fold_case_and_accents(out);
}

std::string romanisation_key(std::string_view text) {
  std::string letters;
  for (char c : fold_case_and_accents(to_latin(text))) {
    if (c >= 'a' && c <= 'z') letters += c;
  }
  std::string key;
  for (char c : rewrite(letters)) {
    if (key.empty() || key.back() != c) key += c;  // doubled letters single
  }
  if (key.size() > 2 && key.back() == 'f') key.back() = 'v';
  if (key.size() > 3 && key.back() == 'e' && !is_vowel(key[key.size() - 2])) key.pop_back();
  return key;
}

}  // namespace dipnews
