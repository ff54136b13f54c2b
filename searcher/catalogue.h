// dipnews-search --list-actors / --list-topics: what the dictionaries and the index
// know, with the number of indexed articles tagged with each.
#pragma once

#include <ostream>

#include <xapian.h>

#include "dictionary.h"
#include "output/printer.h"

namespace dipnews {

enum class CatalogueKind { actors, topics };

void print_catalogue(CatalogueKind kind, const Dictionary& dictionary, const Xapian::Database& db,
                     OutputFormat format, std::ostream& out);

}  // namespace dipnews
