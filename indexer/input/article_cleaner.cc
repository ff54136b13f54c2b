#include "input/article_cleaner.h"

#include <algorithm>

#include <cctype>

#include "custom_fields.h"
#include "resource_limits.h"
#include "schema.h"
#include "text_tokens.h"
#include "text_util.h"

namespace dipnews {

namespace {

std::optional<std::string> invalid_utf8_field(const Article& a) {
  const std::pair<const char*, const std::string*> fields[] = {{"id", &a.id},     {"title", &a.title},
                                                               {"body", &a.body}, {"source", &a.source},
                                                               {"url", &a.url},   {"language", &a.language}};
  for (const auto& [name, value] : fields) {
    if (!is_valid_utf8(*value)) return std::string(name);
  }
  for (const auto& [name, list] : {std::pair{"actors", &a.actors}, std::pair{"topics", &a.topics}}) {
    for (const auto& item : *list) {
      if (!is_valid_utf8(item)) return std::string(name);
    }
  }
  for (const auto& [name, value] : a.fields) {
    if (!is_valid_utf8(value)) return name;
  }
  return std::nullopt;
}

// Human tags (actors, topics) become boolean terms: a type prefix (XCOUNTRY at the longest)
// and the tag's slug. Measured as that term, as the source name is.
std::optional<std::string> overlong_tag(const Article& a) {
  std::size_t prefix = 0;
  for (const char* p : {schema::prefix::actor, schema::prefix::person, schema::prefix::country, schema::prefix::org,
                        schema::prefix::topic}) {
    prefix = std::max(prefix, std::string_view(p).size());
  }
  for (const auto& [name, list] : {std::pair{"actors", &a.actors}, std::pair{"topics", &a.topics}}) {
    for (const auto& tag : *list) {
      if (prefix + slugify(tag).size() > schema::max_term_bytes) {
        return "a tag in field \"" + std::string(name) + "\" is too long to index (\"" +
               std::string(utf8_truncate(tag, 40)) + "...\")";
      }
    }
  }
  return std::nullopt;
}

// Control characters other than tab and line ends (a JSON "\u0000", ANSI escapes in scraped
// text) would reach terminals and snippets as they are: each becomes a space.
void replace_control_characters(std::string& text) {
  for (char& c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b == 0x7F) c = ' ';
  }
}

// The user's own fields: control characters become spaces, whitespace is collapsed, empty
// values are dropped; a value over the limit is an error for the article (a mis-declared key).
std::optional<std::string> clean_custom_fields(Article& a) {
  std::vector<std::pair<std::string, std::string>> kept;
  for (auto& [name, value] : a.fields) {
    replace_control_characters(value);
    value = clean_field_value(value);
    if (value.empty()) continue;
    if (value.size() > limits::max_field_value_bytes) {
      return "field '" + name + "': a value of " + std::to_string(value.size()) +
             " bytes; a field value may have at most " + limits::describe_bytes(limits::max_field_value_bytes);
    }
    kept.emplace_back(std::move(name), std::move(value));
  }
  a.fields = std::move(kept);
  return std::nullopt;
}

// A language tag such as "en" or "pt-BR": letters, digits and hyphens.
bool is_language_tag(std::string_view tag) {
  if (tag.size() > schema::max_language_bytes) return false;
  for (char c : tag) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

}  // namespace

std::string tidy_paragraphs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  int pending_newlines = 0;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (trim(line).empty()) {
      pending_newlines = 2;
    } else {
      if (!out.empty()) out.append(static_cast<std::size_t>(std::max(pending_newlines, 1)), '\n');
      out.append(line);
      pending_newlines = 0;
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

std::optional<std::string> clean_article(Article& a, const BoilerplateFilter& boilerplate) {
  if (auto field = invalid_utf8_field(a)) return "field \"" + *field + "\" is not valid UTF-8";
  a.id = std::string(trim(a.id));
  if (a.id.empty()) return std::string("empty id");
  if (a.id.size() > schema::max_id_bytes) return "id longer than " + std::to_string(schema::max_id_bytes) + " bytes";
  // An id is printed in every output format and typed in queries: a control character (C0,
  // C1, bidi controls, line separators) could forge output or hide what it is. Spaces are
  // allowed (ids made of file names have them); trec output refuses them per query.
  if (has_control_code_point(a.id)) return std::string("id contains control characters (C0, C1 or bidi controls)");
  if (a.title.size() + a.body.size() > limits::max_article_bytes) {
    return "article longer than " + limits::describe_bytes(limits::max_article_bytes) +
           ", the most one article may have";
  }
  if (count_word_runs(a.title) + count_word_runs(a.body) > limits::max_article_words) {
    return "article of more than " + std::to_string(limits::max_article_words) +
           " words, the most one article may have";
  }
  for (std::string* text : {&a.title, &a.body, &a.source, &a.url}) replace_control_characters(*text);
  a.title = collapse_whitespace(a.title);
  a.source = collapse_whitespace(a.source);
  // Measured as the term it becomes: lower-casing can lengthen UTF-8.
  if (schema::source_term(a.source).size() > schema::max_term_bytes) return std::string("source name too long");
  if (auto problem = overlong_tag(a)) return problem;
  if (auto problem = clean_custom_fields(a)) return problem;
  a.url = std::string(trim(a.url));
  a.language = to_lower_ascii(trim(a.language));
  if (!is_language_tag(a.language)) return "bad language tag \"" + a.language + "\" (expected e.g. en, pt-BR)";
  a.body = tidy_paragraphs(boilerplate.strip(a.body));
  // Wire services send headline-only flashes: a title alone is worth indexing.
  if (a.body.empty() && a.title.empty()) return std::string("empty article (no title and no body text)");
  return std::nullopt;
}

}  // namespace dipnews
