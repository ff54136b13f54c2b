// What happens to an article between the reader and the index: cleaning and boilerplate
// (indexer/input/article_cleaner.*, boilerplate.*), tokens and folding (common/text_tokens.*,
// text_util.*), tagging with the bundled dictionaries (indexer/tagging/tagger.*), and the Xapian
// document with its terms and near-duplicate signature (indexer/document_preparer.*).
// Input: the first line is the title, the rest the body; body lines "actors: a, b" and
// "topics: c" give human tags, as the readers pass them on.
#include <algorithm>
#include <cstring>

#include "fuzz_support.h"
#include "tagging/tagger.h"
#include "text_tokens.h"
#include "writing/content_hash.h"
#include "writing/document_preparer.h"

using namespace dipnews;

namespace {

const Tagger& tagger() {
  static const Tagger t(fuzz::bundled_dictionary());
  return t;
}

// Text from any bytes, as the searcher's field values and the readers' raw text reach them.
void fold_any_bytes(const std::string& text) {
  for (const auto& t : tokenize(text)) {
    FUZZ_CHECK(t.byte_begin < t.byte_end && t.byte_end <= text.size(), t.norm);
    FUZZ_CHECK(t.char_begin < t.char_end, t.norm);
  }
  normalize_phrase(text);
  fold_case_and_accents(text);
  is_mostly_upper_case(text);
  slugify(text);
  fold_quotes(text);
  collapse_whitespace(text);
  utf8_length(text);
  const std::string_view cut = utf8_truncate(text, text.size() / 2);
  FUZZ_CHECK(cut.size() <= text.size() / 2, "");
  if (is_valid_utf8(text)) FUZZ_CHECK(is_valid_utf8(cut), "utf8_truncate split a character");
  fuzz::bundled_dictionary().resolve_actor(text);
  fuzz::bundled_dictionary().resolve_topic(text);
}

void check_evidence(const Article& a, const std::vector<Evidence>& evidence) {
  for (const auto& e : evidence) {
    FUZZ_CHECK(is_valid_utf8(e.text), e.rule);
    if (e.field == "input") continue;
    const std::string& field = e.field == "title" ? a.title : a.body;
    FUZZ_CHECK(e.start <= e.end && e.end <= utf8_length(field), e.field + " " + e.rule);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  fold_any_bytes(text);

  Article a;
  a.id = "fuzz";
  const auto newline = text.find('\n');
  a.title = text.substr(0, newline);
  if (newline != std::string::npos) a.body = text.substr(newline + 1);
  for (std::size_t at = 0; at < a.body.size();) {
    const std::size_t end = std::min(a.body.find('\n', at), a.body.size());
    const std::string line = a.body.substr(at, end - at);
    for (auto [key, tags] : {std::pair{"actors: ", &a.actors}, std::pair{"topics: ", &a.topics}}) {
      if (line.rfind(key, 0) != 0) continue;
      for (std::size_t from = std::strlen(key); from <= line.size();) {
        const std::size_t comma = std::min(line.find(',', from), line.size());
        tags->push_back(line.substr(from, comma - from));
        from = comma + 1;
      }
    }
    at = end + 1;
  }
  a.date = size % 2 ? "2025-12-15" : "";  // role phrases resolve on dated articles only
  a.source = "Fuzz Wire";
  a.origin_file = "fuzz";
  a.origin_line = 1;
  if (clean_article(a, fuzz::bundled_boilerplate())) return 0;
  fuzz::check_clean_article(a);

  const Tags tags = tagger().tag(a);
  for (const auto& t : tags.actors) check_evidence(a, t.evidence);
  for (const auto& t : tags.topics) check_evidence(a, t.evidence);

  static DocumentPreparer preparer(&tagger(), fuzz::bundled_dictionary().version());
  const PreparedArticle prepared = preparer.prepare(a, content_hash(a, "fuzz"));
  for (auto t = prepared.document.termlist_begin(); t != prepared.document.termlist_end(); ++t) {
    FUZZ_CHECK((*t).size() <= schema::max_term_bytes, *t);
  }
  return 0;
}
