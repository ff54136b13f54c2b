#include "word_forms.h"

#include <algorithm>

#include <xapian.h>

namespace dipnews {

namespace {

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) out.push_back(*it);
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) Xapian::Unicode::append_utf8(out, c);
  return out;
}

bool is_cyrillic(char32_t c) { return c >= 0x0400 && c <= 0x052F; }
bool is_arabic(char32_t c) { return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F); }
}  // namespace

bool is_han_or_kana(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) ||  // hiragana, katakana
         (c >= 0x3400 && c <= 0x4DBF) ||  // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK unified ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||  // compatibility ideographs
         (c >= 0x20000 && c <= 0x3FFFF);  // extensions B and later
}

namespace {

// Case endings of Russian and Ukrainian nouns and adjectives, longest first. Not -ов, -ев,
// -ин (surname suffixes), nor -ей (Сергей/Сергея would part); -ем and -ом are endings of
// the instrumental ("Сергеем", "Трампом"). -ої is the Ukrainian feminine genitive
// ("Європейської комісії"). Nor -ею (Ukrainian instrumental), which would part
// Russian "Сергей" and its dative "Сергею".
const std::u32string_view cyrillic_endings[] = {
    U"иями", U"ого", U"его", U"ому", U"ему", U"ыми", U"ими", U"ами", U"ями", U"ией", U"ием", U"иям", U"иях",
    U"ові",  U"еві", U"ією", U"ої",  U"ий",  U"ый",  U"ой",  U"ая",  U"яя",  U"ое",  U"ее",  U"ую",  U"юю",
    U"ым",   U"им",  U"ом",  U"ем",  U"ых",  U"их",  U"ах",  U"ях",  U"ам",  U"ям",  U"ию",  U"ия",  U"ии",
    U"ие",   U"ые",  U"ью",  U"ья",  U"ье",  U"ою",  U"ія",  U"ії",  U"ію",  U"ій",  U"ім",  U"а",   U"я",
    U"о",    U"е",   U"у",   U"ю",   U"ы",   U"и",   U"і",   U"ь",   U"й"};

constexpr std::size_t min_stem = 3;  // letters left after stripping

}  // namespace

WordScript word_script(std::string_view norm) {
  if (norm.empty() || static_cast<unsigned char>(norm.front()) < 0x80) return WordScript::other;
  const char32_t c = *Xapian::Utf8Iterator(norm.data(), norm.size());
  if (is_cyrillic(c)) return WordScript::cyrillic;
  if (is_arabic(c)) return WordScript::arabic;
  if (is_han_or_kana(c)) return WordScript::han_or_kana;
  return WordScript::other;
}

std::string reduce_cyrillic(std::string_view norm) {
  if (word_script(norm) != WordScript::cyrillic) return std::string(norm);
  const std::u32string w = decode(norm);
  for (const auto ending : cyrillic_endings) {
    if (w.size() >= ending.size() + min_stem && w.compare(w.size() - ending.size(), ending.size(), ending) == 0) {
      return encode(std::u32string_view(w).substr(0, w.size() - ending.size()));
    }
  }
  return std::string(norm);
}

std::vector<std::string> cyrillic_alternatives(std::string_view norm) {
  std::vector<std::string> out;
  if (word_script(norm) != WordScript::cyrillic) return out;
  const std::u32string w = decode(norm);
  bool first = true;
  for (const auto ending : cyrillic_endings) {
    if (w.size() >= ending.size() + min_stem && w.compare(w.size() - ending.size(), ending.size(), ending) == 0) {
      if (!first) out.push_back(encode(std::u32string_view(w).substr(0, w.size() - ending.size())));
      first = false;
    }
  }
  return out;
}

std::vector<std::string> lookup_keys(std::string_view norm) {
  switch (word_script(norm)) {
    case WordScript::cyrillic: {
      auto keys = cyrillic_alternatives(norm);
      std::reverse(keys.begin(), keys.end());  // the longest stem first
      keys.push_back(reduce_cyrillic(norm));
      return keys;
    }
    case WordScript::arabic: {
      auto keys = arabic_clitic_forms(norm);
      keys.insert(keys.begin(), std::string(norm));
      return keys;
    }
    default: return {std::string(norm)};
  }
}

std::string match_key(std::string_view norm) {
  return word_script(norm) == WordScript::cyrillic ? reduce_cyrillic(norm) : std::string(norm);
}

std::vector<std::string> arabic_clitic_forms(std::string_view norm) {
  std::vector<std::string> out;
  if (word_script(norm) != WordScript::arabic) return out;
  const std::u32string w = decode(norm);
  const auto add = [&](std::u32string form) {
    if (form.size() < min_stem) return;
    const std::string s = encode(form);
    for (const auto& o : out) {
      if (o == s) return;
    }
    out.push_back(s);
  };
  // A conjunction (و ف), then a preposition (ب ل ك), then the article (ال); "لل" is ل + ال
  // with the article's alif dropped ("للرئيس" = "ل" + "الرئيس").
  for (std::size_t conj : {0, 1}) {
    if (conj && !(w.size() > 1 && (w[0] == U'و' || w[0] == U'ف'))) continue;
    const std::u32string after_conj = w.substr(conj);
    if (after_conj.size() > 2 && after_conj[0] == U'ل' && after_conj[1] == U'ل') {
      add(U"ا" + after_conj.substr(1));  // ل + ال...
      add(after_conj.substr(2));
    }
    for (std::size_t prep : {0, 1}) {
      if (prep && !(after_conj.size() > 1 && (after_conj[0] == U'ب' || after_conj[0] == U'ل' || after_conj[0] == U'ك')))
        continue;
      const std::u32string after_prep = after_conj.substr(prep);
      if (conj + prep > 0) add(after_prep);
      if (after_prep.size() > 2 && after_prep[0] == U'ا' && after_prep[1] == U'ل') add(after_prep.substr(2));
    }
  }
  // The least stripped first: a dictionary name that keeps its article ("الولايات") wins
  // over a shorter word.
  std::stable_sort(out.begin(), out.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

std::string without_german_genitive(std::string_view norm) {
  if (norm.size() < min_stem + 1 || norm.back() != 's') return "";
  return std::string(norm.substr(0, norm.size() - 1));
}

}  // namespace dipnews
