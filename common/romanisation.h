// Romanisation keys: how `actor:lavrov`, `actor:lawrow`, `actor:lavrof` and `actor:лавров`
// meet the same actor (docs/reference.md, Tag fields; corpus/dictionaries/README.md).
//
// A name in another script is first written in Latin letters by ICU (Russian-Latin/BGN for
// Russian Cyrillic, Any-Latin for the rest, then Latin-ASCII: "Лавров" -> "Lavrov",
// "习近平" -> "xi jin ping"). The Latin text is then reduced to a key that the common
// romanisations of one name share: lower-case ASCII letters only, without spaces, with
//   tsch/tch -> ch, sch -> sh, kh -> h, ck -> k, ph -> f, ou -> u, w -> v, z -> s, j/y -> i,
//   doubled letters single, a final f -> v ("Lawrow", "Lavroff" -> "lavrov"), and a final e
//   after a consonant dropped (French "Poutine" -> "putin").
// The key is coarse on purpose; Dictionary::resolve_actor_loosely uses it only for a value
// that matches no name as written, and only when one actor alone has that key.
#pragma once

#include <string>
#include <string_view>

namespace dipnews {

// The text in Latin ASCII letters (ICU transliteration); Latin text only loses its accents.
std::string to_latin(std::string_view text);

// The romanisation key of a name in any script ("Selenskyj", "Zelenskyy", "Зеленский" ->
// "selenski"); empty when it has no letter.
std::string romanisation_key(std::string_view text);

}  // namespace dipnews
