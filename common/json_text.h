// JSON as every machine-readable output of both binaries writes it: compact, one value per
// line, and never aborted by a bad byte. Invalid UTF-8 cannot reach the index (the indexer
// rejects it), but a query or a file name may carry some: it is replaced, not fatal. Control
// code points JSON allows raw (DEL, C1, bidi controls, U+2028/9: text_util.h) are written as
// \uNNNN escapes, so that JSON shown on a terminal never acts on them; readers see the same
// strings.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "text_util.h"

namespace dipnews {

inline std::string json_text(const nlohmann::ordered_json& j) {
  return escape_json_controls(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

}  // namespace dipnews
