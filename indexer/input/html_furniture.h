// Page furniture: what a saved news page carries besides the article (navigation, scripts,
// share buttons, cookie banners, advertising, hidden elements). The body extractor skips it,
// and so does the search for a headline or date in the page text.
#pragma once

#include <gumbo.h>

namespace dipnews::html {

// Whether the element is furniture, by its tag, its role, a furniture word in its class or
// id, or being hidden. `allow_header`: an article's own <header> holds its headline and
// <time>, worth looking into for metadata though not for body text.
bool is_chrome(const GumboNode* n, bool allow_header = false);

}  // namespace dipnews::html
