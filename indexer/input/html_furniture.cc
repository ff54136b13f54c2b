#include "input/html_furniture.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "input/html_tree.h"
#include "text_util.h"

namespace dipnews::html {

namespace {

bool is_chrome_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_MENU: return true;
    default: return false;
  }
}

// Words of a class or id that mark page furniture. Whole words only (the attribute is split
// at spaces, '-' and '_'), so "share-buttons" is furniture and "shareholders" is not.
bool is_chrome_word(std::string_view word) {
  static const std::string_view words[] = {
      "ad",      "ads",       "advert",      "advertisement", "breadcrumb", "breadcrumbs", "byline",   "comments",
      "consent", "cookie",    "cookies",     "gdpr",          "modal",      "newsletter",  "outbrain", "paywall",
      "popup",   "promo",     "recommended", "related",       "share",      "sharing",     "sidebar",  "signup",
      "social",  "sponsored", "subscribe",   "subscription",  "taboola",    "toolbar"};
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// Tags gumbo does not know (<dialog>, custom elements such as <cookie-banner>) by name.
bool is_chrome_unknown_tag(const GumboNode* n) {
  GumboStringPiece name = n->v.element.original_tag;
  if (name.length == 0) return false;
  gumbo_tag_from_original_text(&name);
  const std::string tag = to_lower_ascii(std::string_view(name.data, name.length));
  if (tag == "dialog") return true;
  for (const auto& word : tokens(tag, "-_")) {
    if (is_chrome_word(word)) return true;
  }
  return false;
}

bool is_chrome_role(std::string_view role) {
  static const std::string_view roles[] = {"navigation",  "banner", "contentinfo", "complementary", "dialog",
                                           "alertdialog", "search", "menu",        "menubar",       "toolbar"};
  const std::string r = to_lower_ascii(trim(role));
  return std::find(std::begin(roles), std::end(roles), r) != std::end(roles);
}

bool is_hidden(const GumboNode* n) {
  if (has_attribute(n, "hidden") || to_lower_ascii(trim(attribute(n, "aria-hidden"))) == "true") return true;
  std::string style = to_lower_ascii(attribute(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

bool has_chrome_class(const GumboNode* n) {
  for (const char* name : {"class", "id"}) {
    for (const auto& word : tokens(attribute(n, name), " \t\n\r\f-_")) {
      if (is_chrome_word(word)) return true;
    }
  }
  return false;
}

}  // namespace

bool is_chrome(const GumboNode* n, bool allow_header) {
  if (!is_element(n)) return false;
  const GumboTag t = n->v.element.tag;
  if (allow_header && t == GUMBO_TAG_HEADER) return false;
  return is_chrome_tag(t) || (t == GUMBO_TAG_UNKNOWN && is_chrome_unknown_tag(n)) ||
         is_chrome_role(attribute(n, "role")) || is_hidden(n) || has_chrome_class(n);
}

}  // namespace dipnews::html
