#include "query/query_languages.h"

#include <algorithm>

#include "error.h"
#include "fresh_queries.h"
#include "language.h"
#include "schema.h"
#include "text_util.h"

namespace dipnews {

namespace {

std::vector<const Analysis*> in_table_order(const std::vector<std::string_view>& names) {
  std::vector<const Analysis*> out;
  for (const auto& analysis : analyses()) {
    if (std::find(names.begin(), names.end(), analysis.name) != names.end()) out.push_back(&analysis);
  }
  return out;
}

std::vector<std::string_view> split_at_commas(std::string_view value) {
  std::vector<std::string_view> out;
  while (true) {
    const auto comma = value.find(',');
    out.push_back(value.substr(0, comma));
    if (comma == std::string_view::npos) return out;
    value.remove_prefix(comma + 1);
  }
}

}  // namespace

std::vector<const Analysis*> indexed_analyses(const Xapian::Database& db) {
  const std::string prefix = schema::prefix::analysis;
  std::vector<std::string> found;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
    found.push_back((*t).substr(prefix.size()));
  std::vector<std::string_view> names(found.begin(), found.end());
  auto out = in_table_order(names);
  if (out.empty()) out.push_back(&default_analysis());
  return out;
}

std::vector<const Analysis*> analyses_of_languages(const std::vector<std::string>& languages) {
  std::vector<std::string_view> names;
  for (const auto& language : languages) names.push_back(analysis_of_language(language).name);
  return in_table_order(names);
}

std::vector<std::string> parse_language_option(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) {
    for (const auto& part : split_at_commas(value)) {
      const std::string code = primary_language(trim(part));
      if (!is_language_code(code)) {
        throw UsageError("--language: '" + std::string(trim(part)) + "' is not a language code (e.g. en, ru, zh)");
      }
      if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
    }
  }
  return out;
}

Xapian::Query language_filter(const Xapian::Database& db, const std::vector<std::string>& languages) {
  std::vector<Xapian::Query> terms;
  for (const auto& language : languages) {
    const std::string term = schema::language_term(language);
    for (auto t = db.allterms_begin(term); t != db.allterms_end(term); ++t) {
      // "Len" and "Len-gb", not "Leng...": a region follows a hyphen.
      if ((*t).size() == term.size() || (*t)[term.size()] == '-') terms.emplace_back(*t);
    }
  }
  if (terms.empty()) return match_nothing_query();
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace dipnews
