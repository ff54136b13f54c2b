// What a page says about its article besides the text: url, source, title, language and
// publication date, from the metadata publishers add for sharing and search engines
// (OpenGraph and Twitter cards, article:published_time and Dublin Core <meta>s, schema.org
// microdata and JSON-LD, <link rel=canonical>), then from plain HTML (<title>, <html lang>).
// The reader falls back on the page text (a first <h1>, a <time>) for what none of these gives.
#pragma once

#include <gumbo.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "article.h"

namespace dipnews::html {

// An article with the url, source, title, language and date its page's metadata gives
// ("" for what it does not), each from the most reliable place that has it.
Article metadata_fields(const GumboNode* document);

// The content of every <meta> whose name or property is one of `keys` (compared in any
// case), as {key as given in `keys`, content}, in page order; blank contents left out.
std::vector<std::pair<std::string, std::string>> meta_contents(const GumboNode* document,
                                                               const std::vector<std::string>& keys);

// The calendar date of a date as pages write it: RFC 3339 and many near forms
// ("2025-12-15T09:30+0100", "2025-12-15 09:30:00"), the date kept as written (as for the
// other formats). nullopt when it is not one.
std::optional<std::string> page_date(std::string_view value);

}  // namespace dipnews::html
