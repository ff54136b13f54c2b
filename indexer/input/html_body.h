// The article text of a parsed page: where on the page it is (content_root), and its text as
// paragraphs (body_text), without the page furniture, teaser lists and repeated headline
// that a saved news page wraps around it.
#pragma once

#include <gumbo.h>

#include <string>

namespace dipnews {
class BoilerplateFilter;
}

namespace dipnews::html {

// Where the article text is: the element marked articleBody, else the <article> with the
// most text (teaser cards are <article>s too), else <main>, else <body>, else the document.
const GumboNode* content_root(const GumboNode* document, const BoilerplateFilter& boilerplate);

// The text of `content`, one paragraph per block element, separated by blank lines, a <br> a
// line break inside one, whitespace collapsed as a browser would, ending in a newline ("" when
// there is none). An <h1> equal to `title` is left out: it is the title already.
std::string body_text(const GumboNode* content, const BoilerplateFilter& boilerplate, const std::string& title);

// The first element of a kind in the page text, skipping furniture (but not the article's
// own <header>), looked for in the content first: where a headline or date is found when the
// metadata gives none.
const GumboNode* first_in_text(const GumboNode* content, const GumboNode* document, GumboTag tag,
                               const char* required_attribute = nullptr);

}  // namespace dipnews::html
