#include "schema.h"

#include "text_util.h"

namespace dipnews::schema {

const std::vector<Field>& query_fields() {
  static const std::vector<Field> fields = {
      {"title", prefix::title, FieldKind::free_text},
      {"id", prefix::id, FieldKind::boolean_exact},
      {"source", prefix::source, FieldKind::boolean_normalised},
      {"language", prefix::language, FieldKind::boolean_normalised},
      {"date", "", FieldKind::date_range},
      {"actor", prefix::actor, FieldKind::actor_tag},
      {"person", prefix::person, FieldKind::actor_tag, ActorType::person},
      {"country", prefix::country, FieldKind::actor_tag, ActorType::country},
      {"org", prefix::org, FieldKind::actor_tag, ActorType::organisation},
      {"topic", prefix::topic, FieldKind::topic_tag},
  };
  return fields;
}

std::string indexed_value(std::uint64_t micros) {
  std::string digits = std::to_string(micros);
  return std::string(digits.size() < 17 ? 17 - digits.size() : 0, '0') + digits;
}

std::optional<std::uint64_t> parse_indexed_value(std::string_view value) {
  if (value.size() != 17) return std::nullopt;
  std::uint64_t n = 0;
  for (const char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

std::string tagged_with_value(std::string_view dictionary_version) {
  if (dictionary_version.empty()) return {};
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a, 64 bits: fixed (indexes hold it)
  for (const char c : dictionary_version) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = hex[h & 0xf];
  return out;
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += list_separator;
    out += item;
  }
  return out;
}

std::vector<std::string> split_list_value(std::string_view value) {
  std::vector<std::string> out;
  while (!value.empty()) {
    const auto end = value.find(list_separator);
    out.emplace_back(value.substr(0, end));
    if (end == std::string_view::npos) break;
    value.remove_prefix(end + 1);
  }
  return out;
}

std::optional<std::string> text_term_of_title_term(std::string_view term) {
  const std::string_view title = prefix::title;
  // Xapian puts the stemmed form's "Z" before the field prefix (STEM_SOME).
  const bool stemmed = term.size() > title.size() && term[0] == 'Z' && term.substr(1, title.size()) == title;
  if (!stemmed && term.substr(0, title.size()) != title) return std::nullopt;
  std::string text_term(stemmed ? "Z" : "");
  text_term.append(term.substr(stemmed ? 1 + title.size() : title.size()));
  return text_term;
}

std::string id_term(std::string_view id) { return std::string(prefix::id).append(id); }

std::string source_term(std::string_view source_name) {
  return std::string(prefix::source).append(slugify(source_name));
}

std::string language_term(std::string_view language) { return std::string(prefix::language).append(slugify(language)); }

std::string analysis_term(std::string_view analysis_name) {
  return std::string(prefix::analysis).append(analysis_name);
}

std::string topic_term(std::string_view topic_id) { return std::string(prefix::topic).append(topic_id); }

std::string actor_term(std::string_view actor_id) { return std::string(prefix::actor).append(actor_id); }

std::string actor_term(ActorType type, std::string_view actor_id) {
  return std::string(actor_type_prefix(type)).append(actor_id);
}

std::string_view actor_type_prefix(ActorType type) {
  switch (type) {
    case ActorType::person: return prefix::person;
    case ActorType::country: return prefix::country;
    case ActorType::organisation: return prefix::org;
  }
  return prefix::actor;
}

}  // namespace dipnews::schema
