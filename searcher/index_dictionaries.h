// The dictionaries a search resolves actor: and topic: values with: the bundled ones, those
// the user named (--dictionary, the config file), and those the index was tagged with
// (schema::metadata::dictionaries) when the search does not name them, so that the actors
// of one's own dictionary are found without repeating it on every search.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "reopen_retry.h"

namespace dipnews {

// The recorded dictionaries to load beside `given`: each one no file of `given` stands for
// (same path or same content) that is still where it was. One that is gone, or changed since,
// is said in `warnings`: the search goes on without it (or with it as it is now). `db` may be
// written meanwhile: the record is read again at the newest revision (`open_fresh` opens it
// anew) when the read races a commit.
std::vector<std::string> dictionaries_for_index(Xapian::Database db, const FreshOpen& open_fresh,
                                                const std::vector<std::string>& given,
                                                std::vector<std::string>& warnings);

}  // namespace dipnews
