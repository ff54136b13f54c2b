// Tags an article with the actors and topics it mentions, each with its evidence: the
// matched text, where it is, and the rule that fired (docs/reference.md: `dipnews-index --explain`, Dictionaries).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "article.h"
#include "dictionary.h"
#include "tagging/phrase_trie.h"
#include "text_tokens.h"

namespace dipnews {

struct Evidence {
  std::string text;       // the matched text as written
  std::string field;      // "title" or "body"
  std::size_t start = 0;  // [start, end) in Unicode code points within the field
  std::size_t end = 0;
  std::string rule;  // "alias", "demonym", "role at date: president of rus", ...
};

struct ActorTag {
  std::string id;
  std::optional<ActorType> type;  // none for a human tag the dictionary does not know
  std::string name;
  std::vector<Evidence> evidence;
  // What the article is about, not a passing mention: named in the title or the lead,
  // mentioned repeatedly, or given in the input (see is_primary in tagger.cc).
  bool primary = false;
};

struct TopicTag {
  std::string id;
  std::string name;
  int score = 0;
  std::vector<Evidence> evidence;
};

struct Tags {
  std::vector<ActorTag> actors;  // in order of first mention
  std::vector<TopicTag> topics;  // by decreasing score
};

// Builds its phrase tries once from a dictionary (which must outlive it, unchanged).
//
// Thread safety: once constructed, one Tagger may be shared by any number of threads calling
// tag() at the same time, as the indexer's preparing workers do (each through its own
// DocumentPreparer). tag() is const and only reads what the constructor built (the tries,
// the title and office tables) and the dictionary's const lookups, none of which keeps a
// cache. The Xapian objects it uses, the Xapian::Stem objects that stem topic words (English,
// Russian, and the languages of marked patterns), are not shared: a Stem keeps state while it
// stems and its reference count is not atomic, so tagger.cc keeps them per thread
// (thread_local). The Tagger holds no other Xapian object. The word-form rules it applies
// (word_forms.h) are pure functions.
// Construction and destruction must not overlap with any call.
class Tagger {
 public:
  explicit Tagger(const Dictionary& dictionary);
  ~Tagger();
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  Tags tag(const Article& article) const;
  // The same with the body already tokenized (tokenize(article.body)): the indexer's
  // preparer tokenizes it once for tagging and for the near-duplicate signature.
  Tags tag(const Article& article, std::vector<TextToken> body_tokens) const;

 private:
  struct NameEntry;
  struct Mention;
  void add_actor_names();
  void add_split_elisions(const std::string& name, std::uint32_t entry);
  void find_inner_arabic_forms();
  std::vector<std::string> name_keys(std::vector<std::string> tokens) const;
  void add_role_phrases();
  void mark_lone_surnames();
  void add_topic_patterns();
  // Each field is tokenized once in tag() and the tokens shared by actor and topic matching.
  std::vector<Mention> find_mentions(const std::string& field_name, const std::string& text,
                                     const std::vector<TextToken>& tokens, bool upper_text, bool german) const;
  bool passes_case_guard(const NameEntry& e, const std::vector<TextToken>& tokens, std::size_t begin,
                         const std::string& text, bool upper_text) const;
  std::vector<Mention> places_before_regions(std::vector<Mention> mentions, const std::string& text,
                                             const std::vector<TextToken>& tokens) const;
  bool preceded_by_title(const std::vector<TextToken>& tokens, std::size_t begin) const;
  bool after_given_name(const std::string& text, const std::vector<TextToken>& tokens, std::size_t begin) const;
  void add_topic_matches(const std::string& field, const std::string& text, const std::vector<TextToken>& tokens,
                         int multiplier, const std::string& language, std::vector<TopicTag>& scores) const;
  void count_topic_matches(const PhraseTrie& patterns, const std::vector<std::uint32_t>& words,
                           const std::string& field, const std::string& text, const std::vector<TextToken>& tokens,
                           int multiplier, const std::string& language, std::vector<TopicTag>& scores,
                           std::vector<std::size_t>& covered_until) const;
  std::vector<TopicTag> find_topics(const Article& article, const std::vector<TextToken>& title_tokens,
                                    const std::vector<TextToken>& body_tokens) const;
  std::size_t distinct_actors(const Mention& m) const;
  const Actor* holder(const std::string& title, const std::string& of, const std::string& date) const;

  const Dictionary& dict_;
  std::vector<NameEntry> entries_;
  PhraseTrie names_;
  std::unordered_set<std::string> title_phrases_;                    // normalised titles and honorifics
  std::unordered_map<std::string, std::string> inner_arabic_forms_;  // "للامم" -> "الامم" (name_keys)
  std::unordered_set<std::string> given_names_;                      // first words of people's names ("jack", "helmut")
  std::size_t longest_title_ = 0;                                    // in tokens
  std::unordered_map<std::string, std::vector<const Actor*>> office_holders_;  // "title|of"
  PhraseTrie topic_patterns_;  // unmarked patterns, and those of scripts matched by their own rule
  // Patterns marked with a language that has its own Snowball stemmer and is written in
  // Latin letters (fr, de, es, it, pt), on that language's stems: they count only in its articles.
  std::map<std::string, PhraseTrie> language_patterns_;
  struct PatternEntry {
    std::size_t topic;
    int weight;
    std::string language;  // counts only in articles in this language, when set
  };
  std::vector<PatternEntry> pattern_entries_;
};

}  // namespace dipnews
