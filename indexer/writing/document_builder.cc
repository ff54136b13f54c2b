#include "writing/document_builder.h"

#include "document_data.h"
#include "schema.h"

namespace dipnews {

DocumentBuilder::DocumentBuilder(CustomFields fields) : fields_(std::move(fields)) {
  for (const auto& analysis : analyses()) {
    stemmers_[analysis.name] = stemmer_of(analysis);
  }
  // STEM_SOME: every word unstemmed with positions (for phrases) plus its Z-prefixed
  // stem (for ranked search), the convention Xapian's QueryParser expects.
  term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  // Runs of Chinese, Japanese and Korean characters become their characters and pairs of
  // them (no dictionary of words needed); other text is split into words as before, so
  // English terms are the same with it (tests/unit/test_document_builder.cc). On for every
  // article: an English one may quote a Chinese name.
  term_generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

const Analysis& DocumentBuilder::use_analysis_of(std::string_view language) {
  const Analysis& analysis = analysis_of_language(language);
  term_generator_.set_stemmer(stemmers_.at(analysis.name));
  return analysis;
}

Xapian::Document DocumentBuilder::build(const Article& article, const Article& given, const Tags& tags,
                                        const std::string& content_hash, const std::string& tagged_with,
                                        const std::optional<Signature>& signature) {
  Xapian::Document doc;
  const Analysis& analysis = use_analysis_of(article.language);
  doc.add_boolean_term(schema::analysis_term(analysis.name));
  // Accents folded as queries fold them: "Belém" and "belem" are one word.
  const std::string title = analysed_text(analysis, article.title);
  term_generator_.set_document(doc);
  term_generator_.index_text(title, schema::title_weight);
  // The title: field's words add nothing to the document's length (wdf 0): the title
  // already counts title_weight times above, and counting it again would rank every
  // keyword search differently from a plain index of the same text. They keep their
  // positions, so title:"peace plan" works; title: narrows a search and does not score.
  term_generator_.index_text(title, 0, schema::prefix::title);
  term_generator_.increase_termpos();  // no phrase may span title and body
  term_generator_.index_text(analysed_text(analysis, article.body));
  // The generator keeps a handle on its document, and Xapian's handles count references
  // without atomics: let go of it here, before the document goes to a writer thread.
  term_generator_.set_document(Xapian::Document());

  doc.add_boolean_term(schema::id_term(article.id));
  doc.add_value(schema::slot::id, article.id);
  if (!article.source.empty()) doc.add_boolean_term(schema::source_term(article.source));
  if (!article.language.empty()) doc.add_boolean_term(schema::language_term(article.language));
  for (const auto& actor : tags.actors) {
    doc.add_boolean_term(schema::actor_term(actor.id));
    if (actor.type) doc.add_boolean_term(schema::actor_term(*actor.type, actor.id));
  }
  for (const auto& topic : tags.topics) doc.add_boolean_term(schema::topic_term(topic.id));
  if (!article.date.empty()) doc.add_value(schema::slot::date, article.date);
  doc.add_value(schema::slot::content_hash, content_hash);
  if (!article.actors.empty()) doc.add_value(schema::slot::actor_list, schema::join_list(article.actors));
  if (!article.topics.empty()) doc.add_value(schema::slot::topic_list, schema::join_list(article.topics));
  if (!article.source.empty()) doc.add_value(schema::slot::source_name, article.source);
  if (signature) {
    doc.add_value(schema::slot::signature, encode_signature(*signature));
    for (const auto& key : band_keys(*signature)) doc.add_boolean_term(schema::prefix::band + key);
  }
  if (!tagged_with.empty()) doc.add_value(schema::slot::tagged_with, schema::tagged_with_value(tagged_with));
  add_custom_fields(doc, article);
  doc.set_data(encode_document_data(article, given));
  return doc;
}

// Each value a term (the filter) and, per field, the values in its slot (facets); the values
// themselves are shown from the document data, which the hit reads anyway.
void DocumentBuilder::add_custom_fields(Xapian::Document& doc, const Article& article) const {
  for (const auto& field : fields_) {
    std::vector<std::string> values;
    for (const auto& [name, value] : article.fields) {
      if (name != field.name) continue;
      if (const std::string term = custom_field_term(name, value); !term.empty()) doc.add_boolean_term(term);
      values.push_back(value);
    }
    if (!values.empty()) doc.add_value(field.slot, schema::join_list(values));
  }
}

void DocumentBuilder::set_story(Xapian::Document& doc, const std::string& story) {
  doc.add_value(schema::slot::story, story);
  doc.add_boolean_term(schema::prefix::story + story);
}

void DocumentBuilder::replace_story(Xapian::Document& doc, const std::string& story) {
  const std::string old = schema::prefix::story + doc.get_value(schema::slot::story);
  Xapian::TermIterator term = doc.termlist_begin();
  term.skip_to(old);
  if (term != doc.termlist_end() && *term == old) doc.remove_term(old);
  set_story(doc, story);
}

void DocumentBuilder::set_indexed(Xapian::Document& doc, std::uint64_t micros) {
  doc.add_value(schema::slot::indexed, schema::indexed_value(micros));
}

}  // namespace dipnews
