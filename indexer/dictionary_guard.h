// The user's own dictionaries are part of an index (schema::metadata::dictionaries): a run
// that tags articles without one the index was tagged with would silently drop its actors
// and topics from every article it re-tags. Such a run is refused, naming the missing files
// and the two ways on: give them again, or --retag the whole index with the new set.
#pragma once

#include <string>

#include "index_options.h"

namespace dipnews {

// Checks the run's dictionaries against what the index records (nothing to check for a new
// index) and returns the value to record for them. Throws Error (exit 2) when the run lacks a
// recorded dictionary and is not a --retag.
std::string dictionaries_to_record(const IndexOptions& options);

}  // namespace dipnews
