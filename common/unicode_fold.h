// Case and accent folding for every script, done by ICU: what makes "Belém" and "belem",
// "Élysée" and "ELYSEE", "Ｎａｔｏ" and "nato" one word for tagging, for actor names and for
// free-text search.
//
// What is folded (docs/reference.md, Text and languages):
//   - compatibility forms (NFKD): ligatures ("ﬁ"), full-width and presentation forms;
//   - accents, i.e. the combining marks of Latin, Greek, Arabic (harakat) and Hebrew (points)
//     letters, which writers use or omit for the same word; Latin letters that carry their
//     accent inside ("ø", "ł", "ß", "æ") take ICU's Latin-ASCII spelling;
//   - in Cyrillic only "ё" (written "е" in most Russian text): "й" and Ukrainian "ї" are
//     letters of their own, and the Russian stemmer needs them;
//   - nothing in scripts whose marks are vowels or syllables (kana, Hangul, Indic scripts):
//     there a mark changes the word.
#pragma once

#include <string>
#include <string_view>

namespace dipnews {

// Appends the lower-case, accent-free form of one code point (possibly several code points,
// "ß" -> "ss", or none, a lone combining accent).
void append_folded(std::string& out, char32_t ch);

// Lower case without accents: "Élysée" -> "elysee", "Straße" -> "strasse", "Ёлка" -> "елка".
std::string fold_case_and_accents(std::string_view text);

// Accents folded as above, case kept where it can be: a capital's folded form starts with a
// capital ("Élysée" -> "Elysee"). This is what free text goes through before Xapian's term
// generator and query parser, which keep the case they need (operators, STEM_SOME) and
// lower-case the rest themselves. ASCII text comes back unchanged.
std::string fold_accents(std::string_view text);

}  // namespace dipnews
