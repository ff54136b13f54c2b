// The parsed page (gumbo's tree) and the few ways the HTML reader looks at it: elements,
// attributes, a walk in document order, the text of an element. Also the guard that keeps
// pages gumbo cannot parse in reasonable time from reaching it.
#pragma once

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dipnews::html {

// Gumbo slows down sharply with the number of elements left open at once (20,000 nested
// <div>s take seconds, 100,000 most of a minute), which only a broken or hostile page has.
// estimated_nesting() guesses the depth from the tags alone (start tags that need an end
// tag, minus end tags), so such a page is stopped before parsing; real pages stay in the tens.
constexpr int max_open_elements = 4000;
int estimated_nesting(std::string_view page);

// '<' followed by an ASCII letter: at least the number of start tags, so a page within
// limits::max_html_elements by this count cannot make gumbo build more than a few times
// that many elements. Counted before parsing.
std::size_t count_tag_openings(std::string_view page);

struct OutputDeleter {
  void operator()(GumboOutput* output) const;
};
using ParsedPage = std::unique_ptr<GumboOutput, OutputDeleter>;

// `page` must be UTF-8 (html_encoding.h). Null when gumbo gives up.
ParsedPage parse(const std::string& page);

bool is_element(const GumboNode* n);
bool is_text(const GumboNode* n);                    // text, CDATA or whitespace
GumboTag tag_of(const GumboNode* n);                 // GUMBO_TAG_UNKNOWN for what is not an element
const GumboVector* children_of(const GumboNode* n);  // null for what has no children
const GumboNode* child_at(const GumboVector* v, unsigned i);

std::string_view attribute(const GumboNode* n, const char* name);  // "" when absent
bool has_attribute(const GumboNode* n, const char* name);

// Space-separated tokens of an attribute such as class or rel, lower case.
std::vector<std::string> tokens(std::string_view value, std::string_view separators = " \t\n\r\f");
bool has_token(std::string_view value, std::string_view token);

// The text of an element on one line, whitespace collapsed; stops once past `limit` bytes.
std::string inline_text(const GumboNode* n, std::size_t limit = std::string::npos);
// The unparsed content of a <script> element.
std::string raw_text(const GumboNode* n);

// Visits the tree in document order without recursion (a malformed page can nest deeply).
// `enter(node)` returns whether to visit the node's children; `leave(node)` follows them.
template <class Enter, class Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack;
  auto visit = [&](const GumboNode* n) {
    if (enter(n) && children_of(n)) stack.push_back({n, 0});
  };
  visit(root);
  while (!stack.empty()) {
    const GumboNode* node = stack.back().node;
    const GumboVector* kids = children_of(node);
    if (stack.back().next < kids->length) {
      visit(child_at(kids, stack.back().next++));
    } else {
      stack.pop_back();
      leave(node);
    }
  }
}

template <class Enter>
void walk(const GumboNode* root, Enter&& enter) {
  walk(root, enter, [](const GumboNode*) {});
}

}  // namespace dipnews::html
