#include "query_builder.h"

#include "date_query.h"
#include "error.h"
#include "field_processors.h"
#include "schema.h"
#include "text_util.h"

namespace dipnews {

namespace {

constexpr unsigned parser_flags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT;

void add_field(Xapian::QueryParser& parser, const schema::Field& field, FieldErrors& errors) {
  const std::string name(field.name), prefix(field.prefix);
  switch (field.kind) {
    case schema::FieldKind::free_text:
      parser.add_prefix(name, prefix);
      break;
    case schema::FieldKind::boolean_exact:
      parser.add_boolean_prefix(name, prefix);
      break;
    case schema::FieldKind::boolean_normalised:
      parser.add_boolean_prefix(name, (new SlugFieldProcessor(name, prefix, errors))->release());
      break;
    case schema::FieldKind::date_range:
      // Both are needed: the range processor sees date:A..B, the field processor date:A.
      parser.add_rangeprocessor((new DateRangeProcessor(errors))->release());
      parser.add_boolean_prefix(name, (new DateFieldProcessor(errors))->release());
      break;
  }
}

// "*" on its own means every article (SPEC §3): Xapian's parser has no such syntax, so
// the bare "*" words are taken out and the rest, if any, filters the match-all query.
std::string without_match_all(const std::string& text, bool& had_match_all) {
  std::string out;
  std::size_t i = 0;
  bool in_quotes = false;
  while (i < text.size()) {
    const bool at_word_start = i == 0 || text[i - 1] == ' ' || text[i - 1] == '(';
    const bool lone_star = text[i] == '*' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == ')');
    if (text[i] == '"') in_quotes = !in_quotes;
    if (!in_quotes && at_word_start && lone_star) {
      had_match_all = true;
      ++i;
      continue;
    }
    out += text[i++];
  }
  return out;
}

Xapian::Query and_filter(const Xapian::Query& query, const Xapian::Query& filter) {
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db) : stemmer_("english") {
  parser_.set_database(db);  // wildcards expand against the index's vocabulary
  parser_.set_stemmer(stemmer_);
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_default_op(Xapian::Query::OP_AND);
  for (const auto& field : schema::query_fields()) add_field(parser_, field, field_errors_);
}

Xapian::Query QueryBuilder::parse_text(const std::string& text) {
  bool match_all = false;
  const std::string rest(trim(without_match_all(text, match_all)));
  if (rest.empty()) {
    if (match_all) return Xapian::Query::MatchAll;
    throw UsageError("empty query (use '*' to match every article)");
  }
  field_errors_.clear();
  Xapian::Query parsed;
  try {
    parsed = parser_.parse_query(rest, parser_flags);
  } catch (const Xapian::QueryParserError& e) {
    throw UsageError("query error: " + e.get_msg());
  }
  if (!field_errors_.first().empty()) throw UsageError("query error: " + field_errors_.first());
  if (parsed.empty()) throw UsageError("query '" + text + "' has no searchable words");
  return parsed;
}

Xapian::Query QueryBuilder::build(const std::string& text, const QueryFilters& filters) {
  Xapian::Query query = parse_text(text);
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
  return query;
}

}  // namespace dipnews
