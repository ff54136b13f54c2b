// JSON as every machine-readable output of both binaries writes it: compact, one value per
// line, and never aborted by a bad byte. Invalid UTF-8 cannot reach the index (the indexer
// rejects it), but a query or a file name may carry some: it is replaced, not fatal.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace dipnews {

inline std::string json_text(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace dipnews
