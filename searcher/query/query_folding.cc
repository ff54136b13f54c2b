#include "query/query_folding.h"

#include "language.h"
#include "query/query_text.h"
#include "unicode_fold.h"

namespace dipnews {

namespace {

// id: values are matched byte for byte (schema.h); field names are lower case by now.
bool is_exact_value(std::string_view core) { return core.substr(0, 3) == "id:"; }

// The length of the field name and ':' that `core` starts with (a field's value follows), or 0.
std::size_t field_prefix(std::string_view core) {
  const std::size_t colon = core.find(':');
  if (colon == std::string_view::npos || colon == 0) return 0;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = core[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return 0;
  }
  return colon + 1;
}

// A token of an analysis with elisions: free text split at them ("l'Ukraine" -> "l Ukraine");
// an unquoted field value without its elided head ("title:l'Élysée" -> "title:Élysée": the
// field would otherwise need both "l" and "élysée"); id: values and quoted values as typed.
std::string split_token_elisions(const QueryToken& token) {
  const std::size_t field = field_prefix(token.core);
  if (field == 0) return split_elisions(token.text);
  const std::size_t value_at = static_cast<std::size_t>(token.core.data() - token.text.data()) + field;
  const std::string_view value = token.text.substr(value_at);
  if (is_exact_value(token.core) || value.empty() || value.front() == '"') return std::string(token.text);
  const std::vector<std::size_t> apostrophes = elision_apostrophes(value);
  if (apostrophes.empty() || value.substr(0, apostrophes.front()).find_first_of(" ()") != std::string_view::npos) {
    return std::string(token.text);
  }
  const std::size_t head = apostrophes.front() + (value[apostrophes.front()] == '\'' ? 1 : 3);  // ' or ’
  return std::string(token.text.substr(0, value_at)) + std::string(value.substr(head));
}

// The query with each of its tokens (query_text.h) replaced by `rewrite(token)`, the text
// between tokens kept as typed.
template <typename Rewrite>
std::string rewrite_tokens(std::string_view text, Rewrite rewrite) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  for (const auto& token : scan_query(text)) {
    const std::size_t begin = static_cast<std::size_t>(token.text.data() - text.data());
    out.append(text.substr(copied, begin - copied));
    out.append(rewrite(token));
    copied = begin + token.text.size();
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace

std::string split_query_elisions(std::string_view text) {
  return rewrite_tokens(text, [](const QueryToken& token) {
    return token.is_operator ? std::string(token.text) : split_token_elisions(token);
  });
}

std::string fold_query_words(std::string_view text, QueryCase how) {
  return rewrite_tokens(text, [how](const QueryToken& token) {
    if (token.is_operator || is_exact_value(token.core)) return std::string(token.text);
    return how == QueryCase::lowered ? fold_case_and_accents(token.text) : fold_accents(token.text);
  });
}

}  // namespace dipnews
