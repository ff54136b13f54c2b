#include "explain.h"

#include <iomanip>

#include <nlohmann/json.hpp>

#include "article_source.h"
#include "dictionary.h"
#include "tagger.h"

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

void print_jsonl(std::ostream& out, const Article& a, const Tags& tags) {
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
  json j = {{"id", a.id},
            {"file", a.origin_file},
            {"line", a.origin_line},
            {"date", a.date.empty() ? json(nullptr) : json(a.date)},
            {"actors", std::move(actors)},
            {"topics", std::move(topics)}};
  out << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
}

void print_evidence(std::ostream& out, const std::vector<Evidence>& evidence) {
  for (const auto& e : evidence) {
    const std::string span = e.field == "input" ? "input" : e.field + " " + std::to_string(e.start) + "-" + std::to_string(e.end);
    out << "      " << std::left << std::setw(16) << span << " " << std::setw(28) << ("\"" + e.text + "\"") << " "
        << e.rule << "\n";
  }
}

void print_text(std::ostream& out, const Article& a, const Tags& tags) {
  out << a.id << "  " << (a.date.empty() ? "undated" : a.date) << "  (" << a.origin_file << ":" << a.origin_line
      << ")\n";
  out << "  actors" << (tags.actors.empty() ? ": none" : "") << "\n";
  for (const auto& t : tags.actors) {
    out << "    " << t.id << "  " << (t.type ? actor_type_name(*t.type) : "not in the dictionary") << "  " << t.name
        << (t.primary ? "  [primary]" : "") << "\n";
    print_evidence(out, t.evidence);
  }
  out << "  topics" << (tags.topics.empty() ? ": none" : "") << "\n";
  for (const auto& t : tags.topics) {
    out << "    " << t.id << "  " << t.name << "  score " << t.score << "\n";
    print_evidence(out, t.evidence);
  }
  out << "\n";
}

}  // namespace

ExitCode run_explain(const IndexOptions& options, std::ostream& out, std::ostream& diag) {
  const ArticleSource source(options);
  const Dictionary dictionary = Dictionary::load_default(options.dictionaries);
  const Tagger tagger(dictionary);
  long errors = 0;
  source.read_all(
      [&](Article&& a) {
        const Tags tags = tagger.tag(a);
        if (options.explain_format == IndexOptions::ExplainFormat::jsonl) print_jsonl(out, a, tags);
        else print_text(out, a, tags);
      },
      [&](const InputError& e) {
        ++errors;
        diag << "dipnews-index: " << e.to_string() << "\n";
      });
  return errors > 0 ? ExitCode::failure : ExitCode::success;
}

}  // namespace dipnews
