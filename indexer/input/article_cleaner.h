// The one place where an article from any reader is cleaned and checked before it is
// indexed: boilerplate dropped, whitespace tidied, required fields and limits enforced.
#pragma once

#include <optional>
#include <string>

#include "article.h"
#include "input/boilerplate.h"

namespace dipnews {

// Cleans `article` in place. Returns what is wrong with it, or nullopt when it can be indexed.
std::optional<std::string> clean_article(Article& article, const BoilerplateFilter& boilerplate);

// Body text with blank-line runs reduced to one paragraph break and line ends trimmed.
std::string tidy_paragraphs(std::string_view text);

}  // namespace dipnews
