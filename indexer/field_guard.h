// The user's own fields belong to the index (schema::metadata::custom_fields), as its
// dictionaries do (dictionary_guard.h): a run that declares fields must declare every one the
// index records, with the same key; a run that declares none reads the recorded ones.
#pragma once

#include "custom_fields.h"
#include "index_options.h"

namespace dipnews {

// The fields this run reads, with their slots: the declared ones against the index's record
// (custom_fields.h, fields_for_run). Throws Error (exit 2) for a run that would drop a field.
CustomFields custom_fields_for_run(const IndexOptions& options);

}  // namespace dipnews
