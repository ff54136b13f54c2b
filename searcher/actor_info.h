// dipnews-search --actor-info ACTOR: who an actor is, from the dictionaries alone (no index is
// read): its names by kind, affiliations, dated roles, years of public life and the list it
// comes from. ACTOR is an id or any name, resolved as actor: resolves it.
#pragma once

#include <ostream>
#include <string_view>

#include "dictionary.h"
#include "output/printer.h"

namespace dipnews {

// The actor `text` names; throws UsageError for an unknown name ("did you mean") or one that
// several actors share (their ids), as an actor: value would.
const Actor& find_actor_for_info(const Dictionary& dictionary, std::string_view text);

// Prints one actor as text (a block of labelled lines) or JSON (one object); the other
// formats are refused where options are read.
void print_actor_info(const Dictionary& dictionary, const Actor& actor, OutputFormat format, std::ostream& out);

}  // namespace dipnews
