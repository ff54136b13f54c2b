// Bytes of a saved web page to the UTF-8 that gumbo parses. Pages are mostly UTF-8 already;
// older sites still send Windows-1252 (also what browsers read for pages labelled ISO-8859-1
// or ASCII), which is converted. Anything else is refused with a reason the user can act on:
// guessing an encoding wrongly would index mojibake that no search finds.
#pragma once

#include <optional>
#include <string>

#include "input/article_reader.h"

namespace dipnews::html {

// Makes `page` UTF-8 (what gumbo parses), or says why it cannot be. A byte-order mark is
// dropped; UTF-16 and undeclared or unsupported charsets are errors naming `path`.
std::optional<InputError> to_utf8(std::string& page, const std::string& path);

}  // namespace dipnews::html
