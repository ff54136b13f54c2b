#include "input/html_tree.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "text_util.h"

namespace dipnews::html {

namespace {

// For estimated_nesting(): start tags that leave nothing open.
bool ends_implicitly(std::string_view tag) {
  // Void elements and those whose end tag HTML lets authors omit.
  static const std::string_view tags[] = {"area",   "base",     "br",      "col",      "embed",   "hr",      "img",
                                          "input",  "link",     "meta",    "param",    "source",  "track",   "wbr",
                                          "keygen", "basefont", "bgsound", "frame",    "image",   "p",       "li",
                                          "dt",     "dd",       "option",  "optgroup", "tr",      "td",      "th",
                                          "thead",  "tbody",    "tfoot",   "colgroup", "caption", "rb",      "rt",
                                          "rtc",    "rp",       "html",    "head",     "body",    "!doctype"};
  return std::find(std::begin(tags), std::end(tags), tag) != std::end(tags);
}

// One set of options for parsing and for freeing what was parsed, as gumbo requires.
GumboOptions parse_options() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported, so do not keep them
  return options;
}
const GumboOptions gumbo_options = parse_options();

}  // namespace

std::size_t count_tag_openings(std::string_view page) {
  std::size_t tags = 0;
  for (std::size_t i = page.find('<'); i != std::string_view::npos; i = page.find('<', i + 1)) {
    tags += i + 1 < page.size() && std::isalpha(static_cast<unsigned char>(page[i + 1]));
  }
  return tags;
}

int estimated_nesting(std::string_view page) {
  const std::string lower = to_lower_ascii(page);
  int depth = 0, deepest = 0;
  std::size_t i = 0;
  while ((i = lower.find('<', i)) != std::string::npos) {
    if (lower.compare(i, 4, "<!--") == 0) {
      i = lower.find("-->", i + 4);
      if (i == std::string::npos) break;
      continue;
    }
    std::size_t j = i + 1;
    const bool end_tag = j < lower.size() && lower[j] == '/';
    if (end_tag) ++j;
    const std::size_t name_start = j;
    while (j < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[j])) || lower[j] == '!')) ++j;
    if (j == name_start || !std::isalpha(static_cast<unsigned char>(lower[name_start]))) {
      i = j;
      continue;
    }
    const std::string_view name(lower.data() + name_start, j - name_start);
    const std::size_t close = lower.find('>', j);
    if (close == std::string::npos) break;
    if (end_tag) {
      depth = std::max(depth - 1, 0);
    } else if (lower[close - 1] != '/' && !ends_implicitly(name)) {
      deepest = std::max(deepest, ++depth);
    }
    i = close + 1;
    if (!end_tag && (name == "script" || name == "style" || name == "textarea")) {
      // Raw text: a "<div" inside a script is not a tag.
      i = lower.find("</" + std::string(name), i);
      if (i == std::string::npos) break;
    }
  }
  return deepest;
}

void OutputDeleter::operator()(GumboOutput* output) const { gumbo_destroy_output(&gumbo_options, output); }

ParsedPage parse(const std::string& page) {
  return ParsedPage(gumbo_parse_with_options(&gumbo_options, page.data(), page.size()));
}

bool is_element(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }

GumboTag tag_of(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

const GumboVector* children_of(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  return is_element(n) ? &n->v.element.children : nullptr;
}

const GumboNode* child_at(const GumboVector* v, unsigned i) { return static_cast<const GumboNode*>(v->data[i]); }

std::string_view attribute(const GumboNode* n, const char* name) {
  if (!is_element(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool has_attribute(const GumboNode* n, const char* name) {
  return is_element(n) && gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

std::vector<std::string> tokens(std::string_view value, std::string_view separators) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < value.size()) {
    const std::size_t start = value.find_first_not_of(separators, i);
    if (start == std::string_view::npos) break;
    std::size_t end = value.find_first_of(separators, start);
    if (end == std::string_view::npos) end = value.size();
    out.push_back(to_lower_ascii(value.substr(start, end - start)));
    i = end;
  }
  return out;
}

bool has_token(std::string_view value, std::string_view token) {
  const auto all = tokens(value);
  return std::find(all.begin(), all.end(), token) != all.end();
}

bool is_text(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE;
}

std::string inline_text(const GumboNode* n, std::size_t limit) {
  std::string out;
  walk(n, [&](const GumboNode* c) {
    if (out.size() > limit) return false;
    if (is_text(c)) {
      out += c->v.text.text;
      out += ' ';
    }
    const GumboTag t = tag_of(c);
    return t != GUMBO_TAG_SCRIPT && t != GUMBO_TAG_STYLE && t != GUMBO_TAG_TEMPLATE;
  });
  return collapse_whitespace(out);
}

std::string raw_text(const GumboNode* n) {
  std::string out;
  const GumboVector* children = children_of(n);
  for (unsigned i = 0; children && i < children->length; ++i) {
    if (is_text(child_at(children, i))) out += child_at(children, i)->v.text.text;
  }
  return out;
}

}  // namespace dipnews::html
