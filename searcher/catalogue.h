// dipnews-search --list-actors / --list-topics: what the dictionaries and the index
// know, with the number of indexed articles tagged with each (printed by output/).
#pragma once

#include <xapian.h>

#include "dictionary.h"
#include "output/printer.h"

namespace dipnews {

Catalogue make_catalogue(CatalogueKind kind, const Dictionary& dictionary, const Xapian::Database& db);

}  // namespace dipnews
