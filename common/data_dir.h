// Locates the data directory (boilerplate patterns, dictionaries, sample corpus) for a
// binary run from the build tree, from an installed prefix, or as $DIPNEWS_DATA_DIR says.
#pragma once

#include <string>

namespace dipnews {

// The first of: $DIPNEWS_DATA_DIR; <directory of the running binary>/../share/dipnews;
// the source tree's corpus/. Throws RuntimeFailure when none holds boilerplate.txt.
std::string find_data_dir();

}  // namespace dipnews
