// A stable digest of an article's indexed content, stored in the index so that
// re-indexing an unchanged article costs one lookup instead of a rewrite.
#pragma once

#include <string>
#include <string_view>

#include "article.h"

namespace dipnews {

// 16 lowercase hex digits (64-bit FNV-1a over every indexed field). Stable across
// builds and machines: it is compared against values written by earlier runs.
// `tagging_version` (the dictionary version) is part of it: new dictionaries re-tag.
std::string content_hash(const Article& article, std::string_view tagging_version);

}  // namespace dipnews
