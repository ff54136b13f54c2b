#include "explain.h"

#include <iomanip>

#include <nlohmann/json.hpp>

#include "dictionary.h"
#include "error.h"
#include "input/article_source.h"
#include "input/language_detection.h"
#include "json_text.h"
#include "tagging/tagger.h"
#include "text_util.h"

namespace dipnews {

namespace {

using json = nlohmann::ordered_json;

json evidence_json(const std::vector<Evidence>& evidence) {
  json out = json::array();
  for (const auto& e : evidence) {
    out.push_back({{"text", e.text}, {"field", e.field}, {"start", e.start}, {"end", e.end}, {"rule", e.rule}});
  }
  return out;
}

json article_json(const Article& a, const Tags& tags) {
  json actors = json::array(), topics = json::array();
  for (const auto& t : tags.actors) {
    actors.push_back({{"id", t.id},
                      {"type", t.type ? json(actor_type_name(*t.type)) : json(nullptr)},
                      {"name", t.name},
                      {"primary", t.primary},
                      {"evidence", evidence_json(t.evidence)}});
  }
  for (const auto& t : tags.topics) {
    topics.push_back({{"id", t.id}, {"name", t.name}, {"score", t.score}, {"evidence", evidence_json(t.evidence)}});
  }
  return {{"id", a.id},
          {"file", a.origin_file},
          {"line", a.origin_line},
          {"date", a.date.empty() ? json(nullptr) : json(a.date)},
          {"language", a.language.empty() ? json(nullptr) : json(a.language)},
          {"actors", std::move(actors)},
          {"topics", std::move(topics)}};
}

void print_evidence(std::ostream& out, const std::vector<Evidence>& evidence) {
  for (const auto& e : evidence) {
    const std::string span =
        e.field == "input" ? "input" : e.field + " " + std::to_string(e.start) + "-" + std::to_string(e.end);
    const std::string quoted = '"' + one_line(e.text).append(1, '"');
    // Padded by code points, not bytes, so Cyrillic, Arabic or Chinese evidence lines up too.
    const std::size_t shown = utf8_length(quoted);
    out << "      " << std::left << std::setw(16) << span << " " << quoted
        << std::string(shown < 28 ? 28 - shown : 0, ' ') << " " << e.rule << "\n";
  }
}

// Text from the input (a name matched across a line break, an id, a file name) is written with
// its control characters escaped (one_line): each evidence stays one line, as scripts read it.
void print_text(std::ostream& out, const Article& a, const Tags& tags) {
  out << one_line(a.id) << "  " << (a.date.empty() ? "undated" : a.date) << "  (" << one_line(a.origin_file) << ":"
      << a.origin_line << ")" << (a.language.empty() ? "" : "  language " + one_line(a.language)) << "\n";
  out << "  actors" << (tags.actors.empty() ? ": none" : "") << "\n";
  for (const auto& t : tags.actors) {
    out << "    " << one_line(t.id) << "  " << (t.type ? actor_type_name(*t.type) : "not in the dictionary") << "  "
        << one_line(t.name) << (t.primary ? "  [primary]" : "") << "\n";
    print_evidence(out, t.evidence);
  }
  out << "  topics" << (tags.topics.empty() ? ": none" : "") << "\n";
  for (const auto& t : tags.topics) {
    out << "    " << one_line(t.id) << "  " << one_line(t.name) << "  score " << t.score << "\n";
    print_evidence(out, t.evidence);
  }
  out << "\n";
}

// Writes each article's explanation as it is tagged: text blocks, one JSON object per line
// (jsonl), or one JSON array of those objects (json), valid even when no article could be read.
class ExplainWriter {
 public:
  ExplainWriter(IndexOptions::ExplainFormat format, std::ostream& out) : format_(format), out_(out) {
    if (format_ == IndexOptions::ExplainFormat::json) out_ << "[";
  }
  void article(const Article& a, const Tags& tags) {
    switch (format_) {
      case IndexOptions::ExplainFormat::text: print_text(out_, a, tags); break;
      case IndexOptions::ExplainFormat::jsonl: out_ << json_text(article_json(a, tags)) << "\n"; break;
      case IndexOptions::ExplainFormat::json:
        out_ << (first_ ? "\n" : ",\n") << json_text(article_json(a, tags));
        break;
    }
    first_ = false;
    if (!out_) ensure_written(out_);  // stop at the first lost write, not after the whole input
  }
  void finish() {
    if (format_ == IndexOptions::ExplainFormat::json) out_ << (first_ ? "]\n" : "\n]\n");
    ensure_written(out_);
  }

 private:
  IndexOptions::ExplainFormat format_;
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

ExitCode run_explain(const IndexOptions& options, std::ostream& out, std::ostream& diag) {
  const ArticleSource source(options);
  const Dictionary dictionary = Dictionary::load_default(options.dictionaries);
  const Tagger tagger(dictionary);
  ExplainWriter writer(options.explain_format, out);
  long errors = 0;
  source.read_all(
      [&](Article&& a) {
        a.language = language_of(a);  // as indexing does: the tags depend on it
        writer.article(a, tagger.tag(a));
      },
      [&](const InputError& e) {
        errors += !e.warning;
        diag << "dipnews-index: " << e.to_string() << "\n";
      });
  writer.finish();
  return errors > 0 ? ExitCode::failure : ExitCode::success;
}

}  // namespace dipnews
