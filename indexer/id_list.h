// Files of article ids, one per line (--delete-from): blank lines and '#' comments skipped,
// surrounding spaces trimmed, "-" for standard input.
#pragma once

#include <functional>
#include <string>

#include "error.h"

namespace dipnews {

void read_id_list(const std::string& path, const std::function<void(const std::string& id)>& on_id,
                  const std::function<void(const InputError&)>& on_error);

}  // namespace dipnews
