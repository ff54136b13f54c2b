// Case and accent folding for every script, done by ICU: what makes "Belém" and "belem",
// "Élysée" and "ELYSEE", "Ｎａｔｏ" and "nato" one word for tagging, for actor names and for
// free-text search.
//
// What is folded (docs/reference.md, Text and languages):
//   - text is composed first (NFKC), so that a letter typed as a base and combining marks
//     ("и" + U+0306, "e" + U+0301) folds as the precomposed one ("й", "é") and half-width
//     katakana as full-width ("ｶﾞ" -> "ガ");
//   - compatibility forms (NFKC/NFKD): ligatures ("ﬁ"), full-width and presentation forms;
//   - accents, i.e. the combining marks of Latin, Greek, Arabic (harakat) and Hebrew (points)
//     letters, which writers use or omit for the same word; Latin letters that carry their
//     accent inside ("ø", "ł", "ß", "æ") take ICU's Latin-ASCII spelling;
//   - in Cyrillic only "ё" (written "е" in most Russian text): "й" and Ukrainian "ї" are
//     letters of their own, and the Russian stemmer needs them;
//   - symbols are never spelt in ASCII punctuation, which is query syntax: ICU's Latin-ASCII
//     table is for letters only ("×", "«", "©", "±" stay as they are), and a compatibility form
//     that is ASCII punctuation stays itself (full-width "＂", "（", "＋", "…"); the other
//     compatibility forms of symbols fold ("²" -> "2", "½" -> "1⁄2" with U+2044);
//   - nothing in scripts whose marks are vowels or syllables (kana, Hangul, Indic scripts):
//     there a mark changes the word.
#pragma once

#include <string>
#include <string_view>

namespace dipnews {

// Appends the lower-case, accent-free form of one code point (possibly several code points,
// "ß" -> "ss", or none, a lone combining accent).
void append_folded(std::string& out, char32_t ch);

// True when `text` has no byte above 0x7F: it folds without ICU. (Named apart from the copy in
// romanisation.cc, which can now use this one.)
bool is_ascii_only(std::string_view text);

// Clusters: a code point and the ones after it that NFKC may compose with it (combining marks,
// the half-width voicing marks). Folding works cluster by cluster; starts_cluster(ch) is true
// when ch begins a new one (always for ASCII).
bool starts_cluster_beyond_ascii(char32_t ch);
inline bool starts_cluster(char32_t ch) { return ch < 0x80 || starts_cluster_beyond_ascii(ch); }

// Appends the folded form (append_folded) of one cluster, composed first (NFKC).
void append_folded_cluster(std::string& out, std::string_view cluster);

// Lower case without accents: "Élysée" -> "elysee", "Straße" -> "strasse", "Ёлка" -> "елка".
std::string fold_case_and_accents(std::string_view text);

// Accents folded as above, case kept where it can be: a capital's folded form starts with a
// capital ("Élysée" -> "Elysee"). This is what free text goes through before Xapian's term
// generator and query parser, which keep the case they need (operators, STEM_SOME) and
// lower-case the rest themselves. ASCII text comes back unchanged.
std::string fold_accents(std::string_view text);

}  // namespace dipnews
