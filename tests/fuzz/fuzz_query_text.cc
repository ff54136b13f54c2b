// The query text before Xapian sees it (searcher/query_text.*), date parsing and date
// ranges (common/date.*, searcher/query/date_query.*) and batch lines (searcher/batch.*): pure
// functions, so this target runs fast and deep.
#include "batch.h"
#include "date.h"
#include "fuzz_support.h"
#include "query/date_query.h"
#include "query/query_text.h"

using namespace dipnews;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  for (const auto& t : scan_query(text)) {
    FUZZ_CHECK(!t.text.empty(), text);
    FUZZ_CHECK(t.text.data() >= text.data() && t.text.data() + t.text.size() <= text.data() + text.size(), text);
    FUZZ_CHECK(t.core.data() >= t.text.data() && t.core.data() + t.core.size() <= t.text.data() + t.text.size(), text);
  }
  const std::string rewritten = rewrite_for_parser(text);
  FUZZ_CHECK(rewritten.size() >= text.size(), text);
  field_without_value(text, {"date", "actor", "source", "title"});
  const std::string folded = fold_shouting(text);
  if (is_valid_utf8(text)) FUZZ_CHECK(is_valid_utf8(folded), text);
  uses_operators(text);

  if (auto q = parse_batch_line(text, 7)) {
    FUZZ_CHECK(!q->qid.empty() || text.find('\t') != std::string::npos, text);
    FUZZ_CHECK(q->text.size() <= text.size(), text);
  }

  if (auto date = parse_partial_date(text)) {
    FUZZ_CHECK(*date == text, text);
    FUZZ_CHECK(date->size() == 4 || date->size() == 7 || date->size() == 10, text);
  }
  if (auto date = parse_article_date(text)) {
    FUZZ_CHECK(date->size() == 10 && text.rfind(*date, 0) == 0, text);
    FUZZ_CHECK(parse_partial_date(*date).has_value(), text);
  }
  // "BEGIN..END", as date: ranges reach the range processor.
  const auto dots = text.find("..");
  const std::string begin = text.substr(0, dots);
  const std::string end = dots == std::string::npos ? begin : text.substr(dots + 2);
  try {
    const Xapian::Query q = date_range_query(begin, end);
    FUZZ_CHECK(!q.empty(), text);
  } catch (const Xapian::QueryParserError& e) {
    FUZZ_CHECK(!e.get_msg().empty(), text);
  }
  return 0;
}
