// The one query builder used for every search: configures Xapian's QueryParser from the
// schema's field table, and combines the parsed text with option filters.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "custom_fields.h"
#include "language.h"
#include "lazy_dictionary.h"
#include "query/field_processors.h"
#include "query/tag_fields.h"

namespace dipnews {

// Filters given as options rather than in the query text (docs/reference.md, Query language): values of one
// field OR together, different fields AND.
struct QueryFilters {
  std::vector<std::string> actors;  // ids or names, as actor: takes them
  std::vector<std::string> topics;
  std::vector<std::string> sources;
  std::string since;  // YYYY, YYYY-MM or YYYY-MM-DD; empty for none
  std::string until;
  // --new: only articles whose schema::slot::indexed value is larger; nullopt for all.
  std::optional<std::uint64_t> indexed_after;
  // --language: primary codes (query_languages.h); the query is analysed for these
  // languages only, and matches only their articles. Empty: every indexed analysis.
  std::vector<std::string> languages;
};

class QueryBuilder {
 public:
  // Both must outlive the builder: tag fields are resolved against them.
  QueryBuilder(const Xapian::Database& db, const LazyDictionary& dictionary);
  // The parser's field processors point into this object: it must stay where it is.
  QueryBuilder(const QueryBuilder&) = delete;
  QueryBuilder& operator=(const QueryBuilder&) = delete;

  // Wildcards and spelling read `db` from now on: the handle that replaced the one given.
  void use_database(const Xapian::Database& db);

  // Throws UsageError for a syntax error or a bad field value.
  Xapian::Query build(const std::string& text, const QueryFilters& filters);
  // The two halves of build(): the query text alone, and the option filters on a query.
  // The text is parsed once per analysis of `languages`, or of the index when none are
  // named (query_languages.h); with one analysis and no languages, exactly as a plain
  // Xapian parse of it.
  Xapian::Query parse_text(const std::string& text, const std::vector<std::string>& languages = {});
  Xapian::Query apply_filters(Xapian::Query query, const QueryFilters& filters);

  // Words without an operator between them: all required (AND, the default) or any (OR,
  // ranked: each language's stop words are then dropped, see stop_words.h).
  void set_any_word(bool any);

  // How the last build() understood field values ("actor:zelensky -> volodymyr-zelenskyy").
  const std::vector<std::string>& resolutions() const { return field_log_.notes(); }

  // The index's own fields (custom_fields.h), as recorded in the index it was built on.
  const CustomFields& custom_fields() const { return custom_fields_; }

  // The stemmer of an analysis, as the parser uses it.
  const Xapian::Stem& stemmer_for(const Analysis& analysis) const;

 private:
  // The query text (case-folded by query_text's rules) parsed with one analysis's stemmer,
  // stop words and case rule; `typed` is the text as typed, for messages.
  Xapian::Query parse_for(const Analysis& analysis, const std::string& folded, const std::string& typed);
  bool fell_back_to_plain_words(const std::string& rewritten, const Xapian::Query& parsed);
  // Every field a query may name: the schema's and the index's own.
  std::vector<std::string_view> field_names() const;

  Xapian::Query tag_filter(const char* option, const std::string& field, const std::vector<std::string>& values);

  Xapian::Database db_;                                // lists the indexed analyses
  std::map<std::string_view, Xapian::Stem> stemmers_;  // by analysis name
  bool any_word_ = false;
  CustomFields custom_fields_;
  TagResolver resolver_;  // outlives parser_, whose processors refer to it...
  FieldLog field_log_;    // ...and to this
  Xapian::QueryParser parser_;
};

}  // namespace dipnews
