#include "query/query_builder.h"

#include <algorithm>

#include "error.h"
#include "fresh_queries.h"
#include "query/date_query.h"
#include "query/field_processors.h"
#include "query/query_folding.h"
#include "query/query_languages.h"
#include "query/query_text.h"
#include "query/stop_words.h"
#include "resource_limits.h"
#include "schema.h"
#include "text_util.h"
#include "title_scoring.h"

namespace dipnews {

namespace {

// FLAG_CJK_NGRAM: Chinese, Japanese and Korean words as the character n-grams the indexer
// writes for them (every article, whatever its language); other text is parsed as without it.
constexpr unsigned parser_flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                  Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;

void add_field(Xapian::QueryParser& parser, const schema::Field& field, const TagResolver& resolver, FieldLog& errors) {
  const std::string name(field.name), prefix(field.prefix);
  switch (field.kind) {
    case schema::FieldKind::free_text: parser.add_prefix(name, prefix); break;
    case schema::FieldKind::boolean_exact: parser.add_boolean_prefix(name, prefix); break;
    case schema::FieldKind::boolean_normalised:
      parser.add_boolean_prefix(name, (new SlugFieldProcessor(name, prefix, errors))->release());
      break;
    case schema::FieldKind::date_range:
      // Both are needed: the range processor sees date:A..B, the field processor date:A.
      parser.add_rangeprocessor((new DateRangeProcessor(errors))->release());
      parser.add_boolean_prefix(name, (new DateFieldProcessor(errors))->release());
      break;
    case schema::FieldKind::actor_tag:
    case schema::FieldKind::topic_tag:
      parser.add_boolean_prefix(name, (new TagFieldProcessor(field, resolver, errors))->release());
      break;
  }
}

// Stands for "*": Xapian 1.4's parser has no syntax for every document, so query_text
// rewrites a lone '*' into this field, which then combines with any operator.
class MatchAllProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string&) override { return match_all_query(); }
};

UsageError operators_error(const std::string& text) {
  return UsageError("query error: cannot make sense of the operators in '" + text +
                    "' (AND, OR, NOT, NEAR go between words; '-word' needs another word)");
}

Xapian::Query and_filter(const Xapian::Query& query, const Xapian::Query& filter) {
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const LazyDictionary& dictionary)
    : db_(db), custom_fields_(recorded_custom_fields(db)), resolver_(dictionary, db) {
  for (const auto& analysis : analyses()) stemmers_[analysis.name] = stemmer_of(analysis);
  parser_.set_database(db);  // wildcards expand against the index's vocabulary
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_default_op(Xapian::Query::OP_AND);
  // A wildcard over a large vocabulary ("a*") would run as an OR of most of it: past the
  // limit, Xapian throws WildcardError when the query runs, and Searcher reports it.
  parser_.set_max_expansion(limits::max_wildcard_terms, Xapian::Query::WILDCARD_LIMIT_ERROR,
                            Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PARTIAL);
  for (const auto& field : schema::query_fields()) add_field(parser_, field, resolver_, field_log_);
  // The index's own fields: values of one field OR together, different fields AND, as source:.
  for (const auto& field : custom_fields_) {
    parser_.add_boolean_prefix(field.name, (new CustomFieldProcessor(field.name, field_log_))->release());
  }
  parser_.add_prefix(std::string(match_all_field), (new MatchAllProcessor())->release());
}

std::vector<std::string_view> QueryBuilder::field_names() const {
  std::vector<std::string_view> names;
  for (const auto& field : schema::query_fields()) names.push_back(field.name);
  for (const auto& field : custom_fields_) names.push_back(field.name);
  return names;
}

void QueryBuilder::use_database(const Xapian::Database& db) {
  db_ = db;
  parser_.set_database(db);
}

void QueryBuilder::set_any_word(bool any) {
  any_word_ = any;
  parser_.set_default_op(any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
}

const Xapian::Stem& QueryBuilder::stemmer_for(const Analysis& analysis) const { return stemmers_.at(analysis.name); }

Xapian::Query QueryBuilder::parse_text(const std::string& text, const std::vector<std::string>& languages) {
  if (trim(text).empty()) throw UsageError("empty query (use '*' to match every article)");
  // Xapian's parser reads invalid UTF-8 byte by byte as Latin-1, where our checks below
  // would see other words than it does.
  if (!is_valid_utf8(text)) throw UsageError("query error: the query is not valid UTF-8");
  if (const std::size_t words = count_words(text); words > limits::max_query_words) {
    throw UsageError("query error: the query has " + std::to_string(words) + " words; one query may have at most " +
                     std::to_string(limits::max_query_words));
  }
  if (text.size() > limits::max_query_bytes) {
    throw UsageError("query error: the query is longer than " + limits::describe_bytes(limits::max_query_bytes) +
                     ", the most one query may have");
  }
  const std::string folded = lower_case_field_names(capitalise_initials(fold_shouting(text)), field_names());
  if (auto problem = field_without_value(folded, field_names())) throw UsageError("query error: " + *problem);
  if (auto problem = unknown_field(folded, field_names())) throw UsageError("query error: " + *problem);
  const auto parts = languages.empty() ? indexed_analyses(db_) : analyses_of_languages(languages);
  // One analysis (every English index): the query as a plain Xapian index would run it.
  if (parts.size() == 1 && languages.empty()) return parse_for(*parts.front(), folded, text);
  // Several: each article matched and scored by the analysis it was indexed with, the
  // parts ORed (a filter adds no weight, so each part ranks as it would alone).
  std::vector<Xapian::Query> analysed;
  FieldLog first_log;
  for (const Analysis* analysis : parts) {
    Xapian::Query part = parse_for(*analysis, folded, text);
    if (analysed.empty()) first_log = field_log_;  // resolutions said once, not per analysis
    analysed.emplace_back(Xapian::Query::OP_FILTER, part, Xapian::Query(schema::analysis_term(analysis->name)));
  }
  field_log_ = first_log;
  return Xapian::Query(Xapian::Query::OP_OR, analysed.begin(), analysed.end());
}

Xapian::Query QueryBuilder::parse_for(const Analysis& analysis, const std::string& folded, const std::string& typed) {
  // English keeps the case its parser reads capitalised words by (unstemmed names), as
  // before languages; other languages inflect names too ("Лаврова"): every word is stemmed.
  const QueryCase how = &analysis == &default_analysis() ? QueryCase::kept : QueryCase::lowered;
  std::string words = fold_query_words(folded, how);
  if (analysis.elisions) words = split_query_elisions(words);
  const std::string rewritten = rewrite_for_parser(words);
  if (operator_before_proximity(rewritten)) throw operators_error(typed);
  if (auto problem = proximity_window_too_wide(rewritten, limits::max_proximity_window)) {
    throw UsageError("query error: " + *problem);
  }
  parser_.set_stemmer(stemmer_for(analysis));
  parser_.set_stopper(any_word_ ? stop_words_for(analysis.name) : nullptr);
  field_log_.clear();
  Xapian::Query parsed;
  try {
    parsed = parser_.parse_query(rewritten, parser_flags);
  } catch (const Xapian::QueryParserError& e) {
    throw UsageError("query error: " + e.get_msg());
  }
  if (!field_log_.first().empty()) throw UsageError("query error: " + field_log_.first());
  if (parsed.empty()) throw UsageError("query '" + typed + "' has no searchable words");
  if (fell_back_to_plain_words(rewritten, parsed)) throw operators_error(typed);
  return score_title_words(parsed);
}

// On a generic parse error Xapian 1.4 silently re-parses with every operator switched
// off, so "a -b" could quietly become "a b". Detect that by comparing with a plain parse.
bool QueryBuilder::fell_back_to_plain_words(const std::string& rewritten, const Xapian::Query& parsed) {
  if (!uses_operators(rewritten)) return false;
  const FieldLog before = field_log_;  // the plain parse must not log resolutions twice
  bool same = false;
  try {
    same = parser_.parse_query(rewritten, Xapian::QueryParser::FLAG_CJK_NGRAM).get_description() ==
           parsed.get_description();
  } catch (const Xapian::QueryParserError&) {
  }
  field_log_ = before;
  return same;
}

// --actor/--topic values: resolved like actor:/topic:, values of one option ORed.
Xapian::Query QueryBuilder::tag_filter(const char* option, const std::string& field_name,
                                       const std::vector<std::string>& values) {
  const auto& fields = schema::query_fields();
  const auto field = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.name == field_name; });
  std::vector<Xapian::Query> terms;
  for (const auto& value : values) {
    const auto r = resolver_.resolve(*field, value);
    if (!r.error.empty()) throw UsageError(std::string("--") + option + ": " + r.error);
    field_log_.note(std::string("--") + option + " " + value + " -> " + r.term.substr(field->prefix.size()));
    terms.emplace_back(r.term);
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query QueryBuilder::build(const std::string& text, const QueryFilters& filters) {
  return apply_filters(parse_text(text, filters.languages), filters);
}

Xapian::Query QueryBuilder::apply_filters(Xapian::Query query, const QueryFilters& filters) {
  if (!filters.languages.empty()) query = and_filter(query, language_filter(db_, filters.languages));
  if (!filters.actors.empty()) query = and_filter(query, tag_filter("actor", "actor", filters.actors));
  if (!filters.topics.empty()) query = and_filter(query, tag_filter("topic", "topic", filters.topics));
  if (!filters.sources.empty()) {
    std::vector<Xapian::Query> terms;
    for (const auto& source : filters.sources) terms.emplace_back(schema::source_term(source));
    query = and_filter(query, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  }
  if (!filters.since.empty() || !filters.until.empty()) {
    try {
      query = and_filter(query, date_range_query(filters.since, filters.until));
    } catch (const Xapian::QueryParserError& e) {
      throw UsageError("--since/--until: " + e.get_msg());
    }
  }
  if (filters.indexed_after) {
    const std::string after = schema::indexed_value(*filters.indexed_after + 1);
    query = and_filter(query, Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot::indexed, after));
  }
  return query;
}

}  // namespace dipnews
