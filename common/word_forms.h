// Word forms for tagging in other scripts: the one rule that lets a dictionary name written
// once match its inflected forms in running text (docs/reference.md, Dictionaries; the
// rationale is in corpus/dictionaries/README.md, "Names in other languages").
//
//   - Cyrillic (Russian, Ukrainian): names and nouns decline. A light case-ending reduction,
//     applied alike to dictionary tokens and text tokens (match_key), makes "Лавров",
//     "Лаврова", "Лавровым" one key ("лавров"), "Зеленский"/"Зеленского" one ("зеленск"),
//     "Россия"/"России"/"Россию" one ("росс"). It strips at most one ending from a closed
//     list and leaves at least three letters; -ов/-ев/-ин are not endings here, since they
//     build surnames (Лавров, Путин).
//   - Arabic: the conjunctions و ف, the prepositions ب ل ك and the article ال attach to the
//     word ("وبوتين", "لروسيا", "والولايات"). A text token that is no dictionary word is tried
//     again without them (arabic_clitic_forms), the least stripped first; dictionary names are
//     written as they stand alone ("بوتين", "الولايات المتحدة").
//   - German: a name takes a genitive -s ("Putins", "Russlands"): in a German article only, a
//     capitalised token that is no dictionary word is tried again without it.
// Latin-script tokens are otherwise untouched: English tagging does not change.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dipnews {

enum class WordScript { other, cyrillic, arabic, han_or_kana };

// Han ideographs and kana, written without spaces between words.
bool is_han_or_kana(char32_t c);

// The script of a normalised token, by its first code point.
WordScript word_script(std::string_view norm);

// The Cyrillic case-ending reduction ("лаврова" -> "лавров"); any other token unchanged.
std::string reduce_cyrillic(std::string_view norm);

// The stems a Cyrillic token has by the shorter endings of the list that it also ends in,
// longest ending first, after the one reduce_cyrillic strips: "китая" is "кит" by -ая, and
// "кита" (the stem of "Китай") by -я. Empty for other scripts.
std::vector<std::string> cyrillic_alternatives(std::string_view norm);

// The keys a text token is looked up under in a dictionary, in this order; the first that is
// a dictionary word wins, else the last stands. Cyrillic: the stems by every ending it ends in,
// the longest stem first ("китая": "кита", the stem of "Китай", before "кит" by -ая), its match
// key last; Arabic: the token, then its forms without clitic prefixes; others: the token.
// The tagger and the query side (actor:, --actor-info) both take these, so that a name
// resolves in every form it is tagged in.
std::vector<std::string> lookup_keys(std::string_view norm);

// The key a token is matched on: reduce_cyrillic for Cyrillic, the token itself otherwise.
std::string match_key(std::string_view norm);

// The forms of an Arabic token without its clitic prefixes, the least stripped first, each
// of at least three letters ("والولايات" -> "الولايات", "ولايات"; "للرئيس" -> "الرئيس",
// "رئيس"); empty for a token of another script or with no such prefix.
std::vector<std::string> arabic_clitic_forms(std::string_view norm);

// The token without a German genitive -s ("putins" -> "putin"), or empty when it has none
// or what remains is shorter than three letters.
std::string without_german_genitive(std::string_view norm);

}  // namespace dipnews
