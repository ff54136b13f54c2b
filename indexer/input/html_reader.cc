#include "input/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "bounded_read.h"
#include "date.h"
#include "resource_limits.h"
#include "text_util.h"

namespace dipnews {

namespace {

// ---------------------------------------------------------------------------------------
// Bytes to UTF-8

// Pages saved from older sites still come in Windows-1252, which browsers also use for
// pages labelled ISO-8859-1 or ASCII. Code points of 0x80-0x9F; 0 marks the five unused ones.
constexpr unsigned cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

bool is_cp1252_label(const std::string& charset) {
  for (const char* label : {"windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
                            "latin-1", "l1", "us-ascii", "ascii"}) {
    if (charset == label) return true;
  }
  return false;
}

std::string cp1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out += c;
    } else {
      unsigned ch = b < 0xA0 ? cp1252_high[b - 0x80] : b;
      Xapian::Unicode::append_utf8(out, ch ? ch : 0xFFFD);
    }
  }
  return out;
}

// The charset a page declares (<meta charset=...> or http-equiv), lower case; "" if none.
std::string declared_charset(std::string_view page) {
  const std::string head = to_lower_ascii(page.substr(0, 4096));
  for (auto pos = head.find("charset"); pos != std::string::npos; pos = head.find("charset", pos + 7)) {
    std::size_t i = pos + 7;
    while (i < head.size() && head[i] == ' ') ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    const std::size_t start = i;
    while (i < head.size() && (std::isalnum(static_cast<unsigned char>(head[i])) || head[i] == '-' ||
                               head[i] == '_' || head[i] == '.' || head[i] == ':')) {
      ++i;
    }
    if (i > start) return head.substr(start, i - start);
  }
  return {};
}

long first_invalid_utf8_line(std::string_view text) {
  long line = 1;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (!is_valid_utf8(text.substr(0, end))) return line;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
    ++line;
  }
  return line;
}

// Makes `page` UTF-8 (what gumbo parses), or says why it cannot be.
std::optional<InputError> to_utf8(std::string& page, const std::string& path) {
  if (page.rfind("\xEF\xBB\xBF", 0) == 0) page.erase(0, 3);
  if (page.rfind("\xFF\xFE", 0) == 0 || page.rfind("\xFE\xFF", 0) == 0) {
    return InputError{path, 0, "UTF-16 is not supported (convert the file to UTF-8)"};
  }
  if (is_valid_utf8(page)) return std::nullopt;  // a page mislabelled Latin-1 but written in UTF-8 is common
  const std::string charset = declared_charset(page);
  if (is_cp1252_label(charset)) {
    page = cp1252_to_utf8(page);
    return std::nullopt;
  }
  std::string what = "not valid UTF-8";
  if (!charset.empty()) what += " (declared charset '" + charset + "' is not supported)";
  return InputError{path, first_invalid_utf8_line(page), what + "; convert the file to UTF-8"};
}

// ---------------------------------------------------------------------------------------
// A guard against pages gumbo cannot parse in reasonable time

// Gumbo slows down sharply with the number of elements left open at once (20,000 nested
// <div>s take seconds, 100,000 most of a minute), which only a broken or hostile page has.
// This estimate from the tags alone (start tags that need an end tag, minus end tags) stops
// such a page before parsing; real pages stay in the tens.
constexpr int max_open_elements = 4000;

bool ends_implicitly(std::string_view tag) {
  // Void elements and those whose end tag HTML lets authors omit.
  static const std::string_view tags[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
      "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image", "p", "li", "dt", "dd",
      "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
      "rb", "rt", "rtc", "rp", "html", "head", "body", "!doctype"};
  return std::find(std::begin(tags), std::end(tags), tag) != std::end(tags);
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

// ---------------------------------------------------------------------------------------
// The parsed tree

GumboOptions parse_options() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported, so do not keep them
  return options;
}
const GumboOptions gumbo_options = parse_options();

struct OutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&gumbo_options, output); }
};
using ParsedPage = std::unique_ptr<GumboOutput, OutputDeleter>;

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

// Space-separated tokens of an attribute such as class or rel, lower case.
std::vector<std::string> tokens(std::string_view value, std::string_view separators = " \t\n\r\f") {
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

bool is_text(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE;
}

// The text of an element on one line, whitespace collapsed; stops once past `limit` bytes.
std::string inline_text(const GumboNode* n, std::size_t limit = std::string::npos) {
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

// The unparsed content of a <script> element.
std::string raw_text(const GumboNode* n) {
  std::string out;
  const GumboVector* children = children_of(n);
  for (unsigned i = 0; children && i < children->length; ++i) {
    if (is_text(child_at(children, i))) out += child_at(children, i)->v.text.text;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Page furniture

bool is_chrome_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP: case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

// Words of a class or id that mark page furniture. Whole words only (the attribute is split
// at spaces, '-' and '_'), so "share-buttons" is furniture and "shareholders" is not.
bool is_chrome_word(std::string_view word) {
  static const std::string_view words[] = {
      "ad", "ads", "advert", "advertisement", "breadcrumb", "breadcrumbs", "byline", "comments", "consent",
      "cookie", "cookies", "gdpr", "modal", "newsletter", "outbrain", "paywall", "popup", "promo",
      "recommended", "related", "share", "sharing", "sidebar", "signup", "social", "sponsored",
      "subscribe", "subscription", "taboola", "toolbar"};
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
  static const std::string_view roles[] = {"navigation", "banner", "contentinfo", "complementary", "dialog",
                                           "alertdialog", "search", "menu", "menubar", "toolbar"};
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

// `allow_header`: an article's own <header> holds its headline and <time>, worth looking
// into for metadata though not for body text.
bool is_chrome(const GumboNode* n, bool allow_header = false) {
  if (!is_element(n)) return false;
  const GumboTag t = n->v.element.tag;
  if (allow_header && t == GUMBO_TAG_HEADER) return false;
  return is_chrome_tag(t) || (t == GUMBO_TAG_UNKNOWN && is_chrome_unknown_tag(n)) ||
         is_chrome_role(attribute(n, "role")) || is_hidden(n) || has_chrome_class(n);
}

// ---------------------------------------------------------------------------------------
// Metadata

struct PageMetadata {
  std::map<std::string, std::string> meta;  // first content for each lower-case property/name/itemprop
  std::string canonical;
  std::string title_element;
  std::string html_lang;
  std::vector<std::string> json_ld;

  std::string get(const std::string& key) const {
    auto it = meta.find(key);
    return it == meta.end() ? std::string() : it->second;
  }
};

PageMetadata read_metadata(const GumboNode* document) {
  PageMetadata m;
  auto remember = [&](std::string_view key, std::string_view value) {
    value = trim(value);
    if (!key.empty() && !value.empty()) m.meta.emplace(to_lower_ascii(trim(key)), std::string(value));
  };
  walk(document, [&](const GumboNode* n) {
    if (!is_element(n)) return n->type == GUMBO_NODE_DOCUMENT;
    const GumboElement& e = n->v.element;
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return false;  // <svg><title> is not the page's
    switch (e.tag) {
      case GUMBO_TAG_HTML:
        m.html_lang = std::string(trim(attribute(n, "lang")));
        break;
      case GUMBO_TAG_META:
        for (const char* key : {"property", "name", "itemprop"}) remember(attribute(n, key), attribute(n, "content"));
        remember(attribute(n, "http-equiv"), attribute(n, "content"));
        return false;
      case GUMBO_TAG_LINK:
        if (m.canonical.empty() && has_token(attribute(n, "rel"), "canonical")) {
          m.canonical = std::string(trim(attribute(n, "href")));
        }
        return false;
      case GUMBO_TAG_TITLE:
        if (m.title_element.empty()) m.title_element = inline_text(n);
        return false;
      case GUMBO_TAG_SCRIPT:
        if (to_lower_ascii(trim(attribute(n, "type"))) == "application/ld+json") m.json_ld.push_back(raw_text(n));
        return false;
      default:
        break;
    }
    // Microdata on ordinary elements: <time itemprop="datePublished" datetime="...">.
    if (const auto prop = attribute(n, "itemprop"); !prop.empty()) {
      for (const auto& p : tokens(prop)) {
        if (p == "datepublished") remember(p, has_attribute(n, "datetime") ? attribute(n, "datetime") : attribute(n, "content"));
        if (p == "headline") remember(p, has_attribute(n, "content") ? std::string(attribute(n, "content")) : inline_text(n));
      }
    }
    return true;
  });
  return m;
}

// What a schema.org JSON-LD block says about the article, if it describes one.
struct JsonLdArticle {
  std::string headline, date, publisher, url, language;
};

std::string json_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object()) {  // {"@id": "..."} or {"name": "..."}
    for (const char* inner : {"name", "@id", "url"}) {
      if (auto in = it->find(inner); in != it->end() && in->is_string()) return in->get<std::string>();
    }
  }
  if (it->is_array() && !it->empty() && it->front().is_object()) {
    if (auto in = it->front().find("name"); in != it->front().end() && in->is_string()) return in->get<std::string>();
  }
  return {};
}

bool is_article_type(const nlohmann::json& type) {
  auto matches = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return (s.size() >= 7 && s.compare(s.size() - 7, 7, "Article") == 0) || s == "BlogPosting" || s == "Report";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), matches);
  return matches(type);
}

std::optional<JsonLdArticle> find_json_ld_article(const nlohmann::json& j, int depth = 0) {
  if (depth > 4) return std::nullopt;
  if (j.is_array()) {
    for (const auto& item : j) {
      if (auto found = find_json_ld_article(item, depth + 1)) return found;
    }
    return std::nullopt;
  }
  if (!j.is_object()) return std::nullopt;
  if (auto type = j.find("@type"); type != j.end() && is_article_type(*type)) {
    JsonLdArticle a{json_string(j, "headline"), json_string(j, "datePublished"), json_string(j, "publisher"),
                    json_string(j, "url"), json_string(j, "inLanguage")};
    if (a.url.empty()) a.url = json_string(j, "mainEntityOfPage");
    return a;
  }
  if (auto graph = j.find("@graph"); graph != j.end()) return find_json_ld_article(*graph, depth + 1);
  return std::nullopt;
}

JsonLdArticle json_ld_article(const std::vector<std::string>& blocks) {
  for (const auto& block : blocks) {
    const auto j = nlohmann::json::parse(block, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;  // a broken block is the page's problem, not the article's
    if (auto a = find_json_ld_article(j)) return *a;
  }
  return {};
}

// Pages write dates in many near-RFC 3339 forms ("2025-12-15T09:30+0100", "2025-12-15
// 09:30:00"); the calendar date as written is what is kept, as for the other formats.
std::optional<std::string> page_date(std::string_view value) {
  value = trim(value);
  if (auto date = parse_article_date(value)) return date;
  if (value.size() < 10 || (value.size() > 10 && value[10] != 'T' && value[10] != 't' && value[10] != ' ')) {
    return std::nullopt;
  }
  auto date = parse_partial_date(value.substr(0, 10));
  return date && date->size() == 10 ? date : std::nullopt;
}

bool is_absolute_url(std::string_view url) {
  return starts_with_ci(url, "http://") || starts_with_ci(url, "https://");
}

// "https://www.meridian-post.example/world/x" -> "meridian-post.example".
std::string url_host(std::string_view url) {
  if (!is_absolute_url(url)) return {};
  url.remove_prefix(url.find("//") + 2);
  url = url.substr(0, url.find_first_of("/?#"));
  if (auto at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  std::string host = to_lower_ascii(url);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

// "en-GB", "en_GB" (og:locale) -> "en-GB"; anything that is not a language tag -> "".
// A sloppy lang attribute must not cost the article (the cleaner rejects bad tags).
std::string language_tag(std::string_view value) {
  std::string tag(trim(value));
  std::replace(tag.begin(), tag.end(), '_', '-');
  if (tag.empty() || tag.size() > 35 || !std::isalpha(static_cast<unsigned char>(tag[0]))) return {};
  for (char c : tag) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return {};
  }
  return tag;
}

// "Envoys meet in Berlin | Meridian Post" -> "Envoys meet in Berlin" when the site is known.
std::string without_site_name(const std::string& title, const std::string& site) {
  if (site.empty()) return title;
  for (const char* separator : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: "}) {
    const std::string suffix = separator + site;
    if (title.size() > suffix.size() &&
        to_lower_ascii(title.substr(title.size() - suffix.size())) == to_lower_ascii(suffix)) {
      return std::string(trim(std::string_view(title).substr(0, title.size() - suffix.size())));
    }
  }
  return title;
}

template <class... Values>
std::string first_of(const Values&... values) {
  std::string out;
  ((out.empty() ? (void)(out = std::string(trim(values))) : (void)0), ...);
  return out;
}

// ---------------------------------------------------------------------------------------
// Body text

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
    case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

// Builds the body: one paragraph per block element, separated by blank lines, <br> a line
// break inside one; whitespace collapsed as a browser would.
class TextBuilder {
 public:
  void text(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space_ = true;
      } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        pending_space_ = true;  // no-break space
        ++i;
      } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xAD) {
        ++i;  // soft hyphen: invisible, and it would split a word in two
      } else if (c == 0xE2 && s.substr(i, 3) == "\xE2\x80\x8B") {
        i += 2;  // zero-width space
      } else if (c == 0xEF && s.substr(i, 3) == "\xEF\xBB\xBF") {
        i += 2;  // zero-width no-break space
      } else {
        if (pending_space_ && !paragraph_.empty() && paragraph_.back() != '\n') paragraph_ += ' ';
        pending_space_ = false;
        paragraph_ += s[i];
      }
    }
  }
  void space() { pending_space_ = true; }
  void line_break() {
    if (!paragraph_.empty() && paragraph_.back() != '\n') paragraph_ += '\n';
    pending_space_ = false;
  }
  void paragraph_break() {
    while (!paragraph_.empty() && paragraph_.back() == '\n') paragraph_.pop_back();
    if (!paragraph_.empty()) {
      if (!body_.empty()) body_ += "\n\n";
      body_ += paragraph_;
      paragraph_.clear();
    }
    pending_space_ = false;
  }
  std::string finish() {
    paragraph_break();
    if (!body_.empty()) body_ += '\n';
    return std::move(body_);
  }

 private:
  std::string body_, paragraph_;
  bool pending_space_ = false;
};

// Text inside links, against all the text of an element: teaser lists are nearly all links.
bool is_mostly_links(const GumboNode* n) {
  std::size_t all = 0, linked = 0;
  int in_link = 0;
  walk(
      n,
      [&](const GumboNode* c) {
        if (is_text(c) && c->type != GUMBO_NODE_WHITESPACE) {
          const std::size_t length = collapse_whitespace(c->v.text.text).size();
          all += length;
          if (in_link) linked += length;
        }
        if (tag_of(c) == GUMBO_TAG_A) ++in_link;
        return true;
      },
      [&](const GumboNode* c) {
        if (tag_of(c) == GUMBO_TAG_A) --in_link;
      });
  return all > 0 && linked * 10 >= all * 9;
}

class BodyExtractor {
 public:
  BodyExtractor(const BoilerplateFilter& boilerplate, const std::string& title)
      : boilerplate_(boilerplate), title_(fold_quotes(title)) {}

  std::string extract(const GumboNode* root) const {
    TextBuilder out;
    std::unordered_set<const GumboNode*> teasers;
    walk(
        root,
        [&](const GumboNode* n) {
          if (is_text(n)) {
            out.text(n->v.text.text);
            return false;
          }
          if (!is_element(n)) return n == root;  // comments
          if (n != root && (is_chrome(n) || teasers.count(n) || is_title_heading(n))) return false;
          find_teaser_lists(n, teasers);
          const GumboTag t = n->v.element.tag;
          if (t == GUMBO_TAG_BR) out.line_break();
          if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) out.space();
          if (is_block(t)) out.paragraph_break();
          return true;
        },
        [&](const GumboNode* n) {
          const GumboTag t = tag_of(n);
          if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) out.space();
          if (is_block(t)) out.paragraph_break();
        });
    return out.finish();
  }

 private:
  // The headline repeated at the top of the article is the title already.
  bool is_title_heading(const GumboNode* n) const {
    return n->v.element.tag == GUMBO_TAG_H1 && !title_.empty() && fold_quotes(inline_text(n, 1000)) == title_;
  }

  // A "Recommended" or "Related stories" heading (a boilerplate line, which the cleaner drops)
  // followed by lists of links: teasers for other articles, which go with their heading. A
  // heading followed by a real paragraph keeps the paragraph.
  void find_teaser_lists(const GumboNode* parent, std::unordered_set<const GumboNode*>& teasers) const {
    const GumboVector* children = children_of(parent);
    bool after_heading = false;
    for (unsigned i = 0; i < children->length; ++i) {
      const GumboNode* child = child_at(children, i);
      if (!is_element(child)) continue;
      const std::string text = inline_text(child, 300);
      if (text.empty()) continue;
      if (after_heading && is_mostly_links(child)) {
        teasers.insert(child);
        continue;
      }
      after_heading = boilerplate_.is_boilerplate(text);
    }
  }

  const BoilerplateFilter& boilerplate_;
  std::string title_;
};

// Where the article text is: the element marked articleBody, else the <article> with the
// most text (teaser cards are <article>s too), else <main>, else <body>.
const GumboNode* content_root(const GumboNode* document, const BodyExtractor& extractor) {
  const GumboNode* article_body = nullptr;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
  std::vector<const GumboNode*> articles;
  // Only outermost <article>s are candidates: one inside another (a comment, an embedded
  // post) has no more text than its container, and weighing every level of 4,000 nested
  // ones took minutes.
  int article_depth = 0;
  walk(
      document,
      [&](const GumboNode* n) {
        if (!is_element(n) || is_chrome(n)) return n->type == GUMBO_NODE_DOCUMENT;
        const GumboTag t = n->v.element.tag;
        if (!article_body && has_token(attribute(n, "itemprop"), "articlebody")) article_body = n;
        if (t == GUMBO_TAG_ARTICLE && article_depth++ == 0) articles.push_back(n);
        if (!main && (t == GUMBO_TAG_MAIN || to_lower_ascii(trim(attribute(n, "role"))) == "main")) main = n;
        if (!body && t == GUMBO_TAG_BODY) body = n;
        return true;
      },
      [&](const GumboNode* n) {
        if (tag_of(n) == GUMBO_TAG_ARTICLE) --article_depth;
      });
  if (article_body) return article_body;
  const GumboNode* best = nullptr;
  std::size_t best_size = 0;
  for (const GumboNode* a : articles) {
    const std::size_t size = extractor.extract(a).size();
    if (size > best_size) best = a, best_size = size;
  }
  if (best) return best;
  if (main) return main;
  return body ? body : document;
}

// The first element of a kind in the page text, skipping furniture (but not the article's
// own <header>), looked for in the content first.
const GumboNode* first_in_text(const GumboNode* content, const GumboNode* document, GumboTag tag,
                               const char* required_attribute = nullptr) {
  const GumboNode* found = nullptr;
  for (const GumboNode* scope : {content, document}) {
    walk(scope, [&](const GumboNode* n) {
      if (found || !is_element(n)) return n->type == GUMBO_NODE_DOCUMENT && !found;
      if (n != scope && is_chrome(n, /*allow_header=*/true)) return false;
      if (n->v.element.tag == tag && (!required_attribute || has_attribute(n, required_attribute))) {
        found = n;
        return false;
      }
      return true;
    });
    if (found) break;
  }
  return found;
}

}  // namespace

void HtmlReader::read(std::istream& in, const std::string& path, ArticleSink& sink) const {
  auto read = read_at_most(in, limits::max_article_bytes);
  if (in.bad()) return sink.error({path, 0, "read error"});
  if (!read) {
    return sink.error({path, 0, "larger than " + limits::describe_bytes(limits::max_article_bytes) +
                                    ", the most one article may have"});
  }
  std::string page = std::move(*read);
  const bool utf16 = page.rfind("\xFF\xFE", 0) == 0 || page.rfind("\xFE\xFF", 0) == 0;  // to_utf8 says so
  if (const auto nul = page.find('\0'); nul != std::string::npos && !utf16) {
    const long line = 1 + static_cast<long>(std::count(page.begin(), page.begin() + static_cast<std::ptrdiff_t>(nul), '\n'));
    return sink.error({path, line, "binary data (NUL bytes), not HTML"});
  }
  if (auto problem = to_utf8(page, path)) return sink.error(*problem);
  if (estimated_nesting(page) > max_open_elements) {
    return sink.error({path, 0, "HTML nested more than " + std::to_string(max_open_elements) +
                                    " elements deep (a broken page?)"});
  }
  ParsedPage parsed(gumbo_parse_with_options(&gumbo_options, page.data(), page.size()));
  if (!parsed) return sink.error({path, 0, "HTML could not be parsed"});
  const GumboNode* document = parsed->document;

  const PageMetadata m = read_metadata(document);
  const JsonLdArticle ld = json_ld_article(m.json_ld);
  Article a;
  a.url = first_of(is_absolute_url(m.canonical) ? m.canonical : "", m.get("og:url"), ld.url, m.canonical);
  a.source = first_of(m.get("og:site_name"), ld.publisher, url_host(a.url));
  a.title = without_site_name(
      collapse_whitespace(first_of(m.get("og:title"), m.get("twitter:title"), m.get("title"), m.get("headline"),
                                   ld.headline, m.title_element)),
      a.source);
  a.language = language_tag(first_of(m.html_lang, m.get("og:locale"), m.get("content-language"), ld.language));
  for (const std::string& candidate :
       {m.get("article:published_time"), m.get("og:published_time"), m.get("datepublished"), ld.date,
        m.get("date"), m.get("pubdate"), m.get("publishdate"), m.get("dc.date"), m.get("dc.date.issued"),
        m.get("dcterms.date"), m.get("dcterms.created")}) {
    if (auto date = page_date(candidate)) {
      a.date = *date;
      break;
    }
  }

  const GumboNode* content = content_root(document, BodyExtractor(boilerplate_, ""));
  if (a.title.empty()) {
    if (const GumboNode* h1 = first_in_text(content, document, GUMBO_TAG_H1)) a.title = inline_text(h1);
  }
  if (a.date.empty()) {
    if (const GumboNode* time = first_in_text(content, document, GUMBO_TAG_TIME, "datetime")) {
      if (auto date = page_date(attribute(time, "datetime"))) a.date = *date;
    }
  }
  a.body = BodyExtractor(boilerplate_, a.title).extract(content);
  if (trim(boilerplate_.strip(a.body)).empty()) {
    return sink.error({path, 0, "no article text (nothing in <article>, <main> or <body> but navigation, "
                                "scripts and site boilerplate)"});
  }

  apply_path_defaults(path, a);
  if (a.id.empty()) a.id = a.url;  // stdin: the page's own address is its identity
  if (a.id.empty()) {
    return sink.error({path, 0, "no id (HTML read from stdin needs a canonical or og:url link; or index the saved file)"});
  }
  a.origin_file = path;
  a.origin_line = 1;
  sink.article(std::move(a));
}

}  // namespace dipnews
