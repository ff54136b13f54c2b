#include "query/tag_fields.h"

#include "text_util.h"

namespace dipnews {

namespace {

// "a person", "an organisation".
std::string with_article(std::string_view noun) {
  const bool vowel = !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

std::string did_you_mean(const std::optional<std::string>& suggestion) {
  return suggestion ? " (did you mean '" + *suggestion + "'?)" : "";
}

}  // namespace

TagResolver::Result TagResolver::resolve(const schema::Field& field, std::string_view value) const {
  return field.kind == schema::FieldKind::topic_tag ? resolve_topic(field, value) : resolve_actor(field, value);
}

TagResolver::Result TagResolver::resolve_actor(const schema::Field& field, std::string_view value) const {
  const std::string prefix(field.prefix);
  const Dictionary& dict = dictionary_.get();
  const auto typed = [&](const std::string& id) -> Result {
    const Actor* actor = dict.actor(id);
    if (field.actor_type && actor->type != *field.actor_type) {
      return {"", std::string(field.name) + ": '" + std::string(value) + "' is " +
                      std::string(actor_type_name(actor->type)) + " " + actor->id + ", not " +
                      with_article(actor_type_name(*field.actor_type)) + " (use actor: for any kind)"};
    }
    return {prefix + id, ""};
  };
  if (auto id = dict.resolve_actor(value)) return typed(*id);
  if (const auto ids = dict.actors_named(value); ids.size() > 1) {
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
    return {"", std::string(field.name) + ": '" + std::string(value) + "' could be " + list + "; use one of these ids"};
  }
  // Tags given in the input that no dictionary knows are in the index under their slug.
  if (const std::string slug = slugify(value); !slug.empty() && db_.term_exists(prefix + slug))
    return {prefix + slug, ""};
  // An inflected or differently romanised name ("Лаврова", "lawrow") of one actor alone.
  if (auto id = dict.resolve_actor_loosely(value)) return typed(*id);
  return {"", "unknown " + std::string(field.name) + " '" + std::string(value) + "'" +
                  did_you_mean(dict.suggest_actor(value))};
}

TagResolver::Result TagResolver::resolve_topic(const schema::Field& field, std::string_view value) const {
  const std::string prefix(field.prefix);
  const Dictionary& dict = dictionary_.get();
  if (auto id = dict.resolve_topic(value)) return {prefix + *id, ""};
  if (const std::string slug = slugify(value); !slug.empty() && db_.term_exists(prefix + slug))
    return {prefix + slug, ""};
  return {"", "unknown topic '" + std::string(value) + "'" + did_you_mean(dict.suggest_topic(value))};
}

Xapian::Query TagFieldProcessor::operator()(const std::string& value) {
  const auto r = resolver_.resolve(field_, value);
  if (!r.error.empty()) return errors_.report(r.error);
  errors_.note(std::string(field_.name) + ":" + value + " -> " + r.term.substr(field_.prefix.size()));
  return Xapian::Query(r.term);
}

}  // namespace dipnews
