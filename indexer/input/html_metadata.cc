#include "input/html_metadata.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include <nlohmann/json.hpp>

#include "date.h"
#include "input/html_tree.h"
#include "text_util.h"

namespace dipnews::html {

namespace {

// Everything the page's metadata says, gathered in one walk over the tree; metadata_fields()
// then chooses among the places that give each field.
class PageMetadata {
 public:
  explicit PageMetadata(const GumboNode* document) {
    walk(document, [&](const GumboNode* n) {
      if (!is_element(n)) return n->type == GUMBO_NODE_DOCUMENT;
      if (n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return false;  // <svg><title> is not the page's
      return read_element(n);
    });
  }

  // The first non-blank content given for a lower-case <meta> property, name or itemprop.
  std::string get(const std::string& key) const {
    auto it = meta_.find(key);
    return it == meta_.end() ? std::string() : it->second;
  }

  std::string canonical;             // <link rel=canonical href>
  std::string title_element;         // <title>
  std::string html_lang;             // <html lang>
  std::vector<std::string> json_ld;  // the text of each application/ld+json script

 private:
  // Reads what one HTML element says; returns whether to look inside it.
  bool read_element(const GumboNode* n) {
    switch (n->v.element.tag) {
      case GUMBO_TAG_HTML: html_lang = std::string(trim(attribute(n, "lang"))); break;
      case GUMBO_TAG_META:
        for (const char* key : {"property", "name", "itemprop"}) remember(attribute(n, key), attribute(n, "content"));
        remember(attribute(n, "http-equiv"), attribute(n, "content"));
        return false;
      case GUMBO_TAG_LINK:
        if (canonical.empty() && has_token(attribute(n, "rel"), "canonical")) {
          canonical = std::string(trim(attribute(n, "href")));
        }
        return false;
      case GUMBO_TAG_TITLE:
        if (title_element.empty()) title_element = inline_text(n);
        return false;
      case GUMBO_TAG_SCRIPT:
        if (to_lower_ascii(trim(attribute(n, "type"))) == "application/ld+json") json_ld.push_back(raw_text(n));
        return false;
      default: break;
    }
    read_microdata(n);
    return true;
  }

  // Microdata on ordinary elements: <time itemprop="datePublished" datetime="...">, or an
  // <h1 itemprop="headline"> whose text is the headline.
  void read_microdata(const GumboNode* n) {
    const auto prop = attribute(n, "itemprop");
    if (prop.empty()) return;
    for (const auto& p : tokens(prop)) {
      if (p == "datepublished")
        remember(p, has_attribute(n, "datetime") ? attribute(n, "datetime") : attribute(n, "content"));
      if (p == "headline")
        remember(p, has_attribute(n, "content") ? std::string(attribute(n, "content")) : inline_text(n));
    }
  }

  // The first non-blank value of a key is kept (emplace leaves an existing one).
  void remember(std::string_view key, std::string_view value) {
    value = trim(value);
    if (!key.empty() && !value.empty()) meta_.emplace(to_lower_ascii(trim(key)), std::string(value));
  }

  std::map<std::string, std::string> meta_;
};

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

bool is_absolute_url(std::string_view url) { return starts_with_ci(url, "http://") || starts_with_ci(url, "https://"); }

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

}  // namespace

std::optional<std::string> page_date(std::string_view value) {
  value = trim(value);
  if (auto date = parse_article_date(value)) return date;
  if (value.size() < 10 || (value.size() > 10 && value[10] != 'T' && value[10] != 't' && value[10] != ' ')) {
    return std::nullopt;
  }
  auto date = parse_partial_date(value.substr(0, 10));
  return date && date->size() == 10 ? date : std::nullopt;
}

namespace {

// The first of the places a publication date is written that holds a date; "" if none does.
// The most specific first: a bare <meta name=date> only when no publication time is given.
std::string publication_date(const PageMetadata& m, const JsonLdArticle& ld) {
  for (const std::string& candidate :
       {m.get("article:published_time"), m.get("og:published_time"), m.get("datepublished"), ld.date, m.get("date"),
        m.get("pubdate"), m.get("publishdate"), m.get("dc.date"), m.get("dc.date.issued"), m.get("dcterms.date"),
        m.get("dcterms.created")}) {
    if (auto date = page_date(candidate)) return *date;
  }
  return {};
}

}  // namespace

Article metadata_fields(const GumboNode* document) {
  const PageMetadata m(document);
  const JsonLdArticle ld = json_ld_article(m.json_ld);
  Article a;
  a.url = first_of(is_absolute_url(m.canonical) ? m.canonical : "", m.get("og:url"), ld.url, m.canonical);
  a.source = first_of(m.get("og:site_name"), ld.publisher, url_host(a.url));
  a.title = without_site_name(collapse_whitespace(first_of(m.get("og:title"), m.get("twitter:title"), m.get("title"),
                                                           m.get("headline"), ld.headline, m.title_element)),
                              a.source);
  a.language = language_tag(first_of(m.html_lang, m.get("og:locale"), m.get("content-language"), ld.language));
  a.date = publication_date(m, ld);
  return a;
}

std::vector<std::pair<std::string, std::string>> meta_contents(const GumboNode* document,
                                                               const std::vector<std::string>& keys) {
  std::vector<std::pair<std::string, std::string>> out;
  if (keys.empty()) return out;
  walk(document, [&](const GumboNode* n) {
    if (!is_element(n)) return n->type == GUMBO_NODE_DOCUMENT;
    if (n->v.element.tag != GUMBO_TAG_META) return true;
    const std::string content(trim(attribute(n, "content")));
    for (const char* attr : {"name", "property"}) {
      const std::string name = to_lower_ascii(trim(attribute(n, attr)));
      if (content.empty() || name.empty()) continue;
      for (const auto& key : keys) {
        if (to_lower_ascii(key) == name) out.emplace_back(key, content);
      }
    }
    return false;
  });
  return out;
}

}  // namespace dipnews::html
