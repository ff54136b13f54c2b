#include "query/query_folding.h"

#include "query/query_text.h"
#include "unicode_fold.h"

namespace dipnews {

namespace {

// id: values are matched byte for byte (schema.h); field names are lower case by now.
bool is_exact_value(std::string_view core) { return core.substr(0, 3) == "id:"; }

}  // namespace

std::string fold_query_words(std::string_view text, QueryCase how) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  for (const auto& token : scan_query(text)) {
    const std::size_t begin = static_cast<std::size_t>(token.text.data() - text.data());
    out.append(text.substr(copied, begin - copied));
    if (token.is_operator || is_exact_value(token.core)) {
      out.append(token.text);
    } else {
      out.append(how == QueryCase::lowered ? fold_case_and_accents(token.text) : fold_accents(token.text));
    }
    copied = begin + token.text.size();
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace dipnews
