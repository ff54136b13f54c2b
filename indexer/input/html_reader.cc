// Puts the HTML reader's parts together: bytes to UTF-8 (html_encoding), the parse
// (html_tree), metadata (html_metadata), then the article text (html_body).
#include "input/html_reader.h"

#include <algorithm>
#include <optional>
#include <string>

#include "bounded_read.h"
#include "input/html_body.h"
#include "input/html_encoding.h"
#include "input/html_metadata.h"
#include "input/html_tree.h"
#include "resource_limits.h"
#include "text_util.h"

namespace dipnews {

namespace {

// Reads the page and makes it fit to parse: within the article size limit, text rather than
// binary data, UTF-8, and not nested so deep that gumbo would take minutes. Sets `page`, or
// says what is wrong with it.
std::optional<InputError> read_page(std::istream& in, const std::string& path, std::string& page) {
  auto read = read_at_most(in, limits::max_article_bytes);
  if (in.bad()) return InputError{path, 0, "read error"};
  if (!read) {
    return InputError{
        path, 0,
        "larger than " + limits::describe_bytes(limits::max_article_bytes) + ", the most one article may have"};
  }
  page = std::move(*read);
  // UTF-16 is full of NUL bytes: to_utf8 names it instead.
  const bool utf16 = page.rfind("\xFF\xFE", 0) == 0 || page.rfind("\xFE\xFF", 0) == 0;
  if (const auto nul = page.find('\0'); nul != std::string::npos && !utf16) {
    const long line =
        1 + static_cast<long>(std::count(page.begin(), page.begin() + static_cast<std::ptrdiff_t>(nul), '\n'));
    return InputError{path, line, "binary data (NUL bytes), not HTML"};
  }
  if (auto problem = html::to_utf8(page, path)) return problem;
  if (html::estimated_nesting(page) > html::max_open_elements) {
    return InputError{
        path, 0,
        "HTML nested more than " + std::to_string(html::max_open_elements) + " elements deep (a broken page?)"};
  }
  if (html::count_tag_openings(page) > limits::max_html_elements) {
    return InputError{
        path, 0,
        "more than " + std::to_string(limits::max_html_elements) + " HTML elements, the most one page may have"};
  }
  return std::nullopt;
}

// What the metadata left out, from the page text: the headline as the first <h1>, the date
// from the first <time datetime=...>.
void fill_from_text(const GumboNode* content, const GumboNode* document, Article& a) {
  if (a.title.empty()) {
    if (const GumboNode* h1 = html::first_in_text(content, document, GUMBO_TAG_H1)) a.title = html::inline_text(h1);
  }
  if (a.date.empty()) {
    if (const GumboNode* time = html::first_in_text(content, document, GUMBO_TAG_TIME, "datetime")) {
      if (auto date = html::page_date(html::attribute(time, "datetime"))) a.date = *date;
    }
  }
}

// The user's own fields, from the <meta>s that name their keys.
void read_custom_fields(const GumboNode* document, const CustomFields& fields, Article& a) {
  std::vector<std::string> keys;
  for (const auto& field : fields) {
    if (std::find(keys.begin(), keys.end(), field.key) == keys.end()) keys.push_back(field.key);
  }
  const auto contents = html::meta_contents(document, keys);
  for (const auto& field : fields) {
    for (const auto& [key, content] : contents) {
      if (key == field.key) a.fields.emplace_back(field.name, content);
    }
  }
}

}  // namespace

void HtmlReader::read(std::istream& in, const std::string& path, ArticleSink& sink) const {
  std::string page;
  if (auto problem = read_page(in, path, page)) return sink.error(*problem);
  const html::ParsedPage parsed = html::parse(page);
  if (!parsed) return sink.error({path, 0, "HTML could not be parsed"});
  const GumboNode* document = parsed->document;

  Article a = html::metadata_fields(document);
  read_custom_fields(document, fields_, a);
  const GumboNode* content = html::content_root(document, boilerplate_);
  fill_from_text(content, document, a);
  // After the title: a headline repeated above the text is left out of the body.
  a.body = html::body_text(content, boilerplate_, a.title);
  if (trim(boilerplate_.strip(a.body)).empty()) {
    return sink.error({path, 0,
                       "no article text (nothing in <article>, <main> or <body> but navigation, "
                       "scripts and site boilerplate)"});
  }

  apply_path_defaults(path, a);
  if (a.id.empty()) a.id = a.url;  // stdin: the page's own address is its identity
  if (a.id.empty()) {
    return sink.error(
        {path, 0, "no id (HTML read from stdin needs a canonical or og:url link; or index the saved file)"});
  }
  a.origin_file = path;
  a.origin_line = 1;
  sink.article(std::move(a));
}

}  // namespace dipnews
