#include "writing/document_preparer.h"

#include "input/language_detection.h"

namespace dipnews {

namespace {

// Tags given in the input only, for runs without a dictionary.
Tags input_tags(const Article& a) {
  Tags tags;
  for (const auto& id : a.actors) tags.actors.push_back({id, std::nullopt, id, {}});
  for (const auto& id : a.topics) tags.topics.push_back({id, id, 0, {}});
  return tags;
}

}  // namespace

PreparedArticle DocumentPreparer::prepare(const Article& given, std::string content_hash) {
  // The input's language wins; else CLD2's, stored (and shown, and searched) as if given.
  Article article = given;
  article.language = language_of(article);
  // The body is tokenized once, for the tagger and for the signature.
  std::vector<TextToken> body_tokens = tokenize(article.body);
  std::optional<Signature> signature = minhash(body_tokens);  // the body: copies often change the headline
  const Tags tags = tagger_ ? tagger_->tag(article, std::move(body_tokens)) : input_tags(article);
  Article stored = article;  // stored with the ids of every tag, automatic and given
  stored.actors.clear();
  stored.topics.clear();
  for (const auto& a : tags.actors) stored.actors.push_back(a.id);
  for (const auto& t : tags.topics) stored.topics.push_back(t.id);
  PreparedArticle prepared;
  prepared.id = article.id;
  prepared.signature = std::move(signature);
  prepared.document =
      builder_.build(stored, article, tags, content_hash, tagger_ ? tagging_version_ : "", prepared.signature);
  prepared.content_hash = std::move(content_hash);
  return prepared;
}

}  // namespace dipnews
