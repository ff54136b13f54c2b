// The actor and topic dictionaries (corpus/dictionaries/README.md) as loaded by
// both binaries: the indexer tags with them, the searcher resolves names with them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dipnews {

enum class ActorType { country, organisation, person };
std::string_view actor_type_name(ActorType type);  // "country", "organisation", "person"

// How a piece of text names an actor; also the "rule" reported as evidence.
enum class NameKind { name, alias, former, demonym, capital, city, region, metonym, surname };
std::string_view name_kind_name(NameKind kind);

struct ActorName {
  std::string text;  // as written in the dictionary
  NameKind kind;
  // Filled once when the dictionary is loaded (index_names), so that nothing that builds on
  // the names (the name index, the tagger's tries) tokenizes them again:
  std::string norm;          // normalised tokens joined by single spaces (normalize_phrase)
  bool capitalised = false;  // its first word starts with a capital letter
  // The language a name is written in, when its key says (`demonym[fr]: russe`): role
  // phrases are composed in that language's word order (corpus/dictionaries/README.md).
  // Empty for an untagged key: English, or a name that is the same in every language.
  std::string language;
};

struct Role {
  std::string title;  // title id
  std::string of;     // actor id (country or organisation)
  std::string from;   // YYYY-MM-DD, inclusive
  std::string to;     // YYYY-MM-DD, exclusive; empty while in office
  bool held_on(std::string_view date) const { return from <= date && (to.empty() || date < to); }
};

// A span of public life (`active: FROM..TO`), [from, to) like a role; empty `to` = open.
struct Span {
  std::string from;
  std::string to;
  bool covers(std::string_view date) const { return from <= date && (to.empty() || date < to); }
};

struct Actor {
  std::string id;
  ActorType type = ActorType::country;
  std::string name;
  std::vector<ActorName> names;                    // every way to refer to it, the display name first
  std::vector<std::string> ambiguous;              // names that need support in the article
  std::vector<std::string> ambiguous_norms;        // the same, normalised (filled when loaded)
  bool is_ambiguous(std::string_view norm) const;  // a normalised name listed under ambiguous:
  std::vector<std::string> affiliations;
  std::vector<Role> roles;
  // Years of public life (generated people): between namesakes, the article's date decides.
  std::vector<Span> active;
  std::string source;  // where the record comes from (`source:`), shown by --explain
  std::string where;   // FILE:LINE of its record
  // True when the article's date falls within `days` days of a span of public life or a
  // role; an actor without spans or roles is always near (curated records).
  bool active_near(std::string_view date, int days) const;
  // The same for its dated roles alone (offices are more precise than spans of public life).
  bool in_office_near(std::string_view date, int days) const;
};

struct Title {
  std::string id;
  std::string name;
  std::vector<std::string> names;      // name and aliases
  std::vector<std::string> languages;  // each name's language (`alias[fr]:`), "" for English
  bool honorific = false;
  std::string where;
};

struct TopicPattern {
  int weight = 1;
  std::string phrase;
  // `pattern[fr]:` counts only in articles in that language (Article::language); an
  // unmarked pattern counts in every article.
  std::string language;
};

struct Topic {
  std::string id;
  std::string name;
  int threshold = 1;
  std::vector<TopicPattern> patterns;
  std::vector<std::string> related;
  std::string where;
};

class Dictionary {
 public:
  // The bundled dictionaries (<data dir>/dictionaries) followed by the user's own files.
  static Dictionary load_default(const std::vector<std::string>& extra_files);
  // Loads files in order; throws RuntimeFailure (FILE:LINE) on syntax errors, unknown
  // keys, missing required keys or bad values. Cross-record checks are in lint().
  static Dictionary load(const std::vector<std::string>& paths);
  // Every *.actors and *.topics file of a directory, sorted by name.
  static std::vector<std::string> files_in(const std::string& directory);

  const std::vector<Actor>& actors() const { return actors_; }
  const std::vector<Title>& titles() const { return titles_; }
  const std::vector<Topic>& topics() const { return topics_; }
  const std::string& version() const { return version_; }

  const Actor* actor(std::string_view id) const;
  const Title* title(std::string_view id) const;
  const Topic* topic(std::string_view id) const;

  // An actor id from an id or any name ("zelensky", "Volodymyr Zelenskyy", "Kremlin"),
  // case- and accent-insensitive; nullopt when unknown or shared by several actors.
  std::optional<std::string> resolve_actor(std::string_view text) const;
  std::optional<std::string> resolve_topic(std::string_view text) const;
  // What resolve_actor falls back on, in this order, for a value no name matches as written:
  // its inflected form reduced as the tagger reads it in text (word_forms.h: "Лаврова" ->
  // "Лавров", "وبوتين" -> "بوتين"), then its romanisation
  // key (romanisation.h: "lawrow", "lavrof", "лавров" -> "lavrov"), each only when it points
  // at a single actor. Built on first use, so that loading the dictionaries costs no more.
  std::optional<std::string> resolve_actor_loosely(std::string_view text) const;
  // Ids of every actor a name could mean (several for "Congo"), for error messages.
  std::vector<std::string> actors_named(std::string_view text) const;
  // How many actors have this already normalised name (normalize_phrase) among their names.
  std::size_t owners_of_normalised(const std::string& norm) const;
  // The closest known name or id to a misspelt one ("zelinsky" -> "zelensky"), if any is close.
  std::optional<std::string> suggest_actor(std::string_view text) const;
  std::optional<std::string> suggest_topic(std::string_view text) const;

  // Problems found by cross-checking the records (empty when all is well).
  std::vector<std::string> lint() const;

 private:
  void add_file(const std::string& path);
  void index_names();
  struct LooseKeys;
  const LooseKeys& loose_keys() const;

  std::vector<Actor> actors_;
  std::vector<Title> titles_;
  std::vector<Topic> topics_;
  std::string version_;
  std::unordered_map<std::string, std::size_t> actor_by_id_, title_by_id_, topic_by_id_;
  std::unordered_map<std::string, std::vector<std::size_t>> actors_by_name_;  // normalised name
  std::unordered_map<std::string, std::size_t> topic_by_name_;
  std::shared_ptr<LooseKeys> loose_;  // built once, on first use (shared by copies)
};

}  // namespace dipnews
