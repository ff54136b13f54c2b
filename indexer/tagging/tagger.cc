#include "tagging/tagger.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include "language.h"
#include "text_util.h"
#include "word_forms.h"

namespace dipnews {

struct Tagger::NameEntry {
  enum class Kind { actor_name, role_phrase } kind = Kind::actor_name;
  std::size_t actor = 0;  // the named actor; for a role phrase, the office's country or organisation
  std::size_t title = 0;  // role phrase: the office's title
  NameKind name_kind = NameKind::name;
  bool acronym = false;      // "US", "WHO": matches text in capitals only
  bool capitalised = false;  // "China": matches only text that starts with a capital
  bool ambiguous = false;    // listed under ambiguous: in the dictionary
  // A surname no other actor, title or given name shares, and neither listed as ambiguous
  // (an ordinary word: the generator lists those): it may stand alone in a title or lead.
  bool lone = false;
  std::uint32_t name = 0;  // index in the actor's names
};

struct Tagger::Mention {
  std::vector<std::uint32_t> entries;  // entries whose guards passed
  Evidence where;
  std::size_t first_token = 0, end_token = 0;  // [first, end) in its field's tokens
  bool after_title = false;
  // Actors its name entries name (several for a shared surname): counted once, since a
  // common surname ("Kim", "Khan") may have hundreds of owners.
  std::size_t distinct = 0;
};

namespace {

std::vector<std::string> split_tokens(const std::string& phrase) {
  std::vector<std::string> out;
  for (auto& t : tokenize(phrase)) out.push_back(std::move(t.norm));
  return out;
}

// The tokens of an already normalised phrase (ActorName::norm): its words, split at spaces.
std::vector<std::string> split_norm(std::string_view norm) {
  std::vector<std::string> out;
  while (!norm.empty()) {
    const auto space = norm.find(' ');
    out.emplace_back(norm.substr(0, space));
    norm = space == std::string_view::npos ? std::string_view() : norm.substr(space + 1);
  }
  return out;
}

// The match keys of a phrase's tokens (word_forms.h): what the name trie holds, so that
// "Лавров" in the dictionary meets "Лаврова" in the text.
std::vector<std::string> match_keys(std::vector<std::string> tokens) {
  for (auto& t : tokens) {
    if (word_script(t) == WordScript::cyrillic) t = reduce_cyrillic(t);  // others stay as they are, uncopied
  }
  return tokens;
}

std::string match_key_phrase(std::string_view norm) {
  std::string out;
  for (const auto& t : match_keys(split_norm(norm))) out.append(out.empty() ? "" : " ").append(t);
  return out;
}

// The number of a text word in a trie from its key (its match key, or its topic stem), else
// (Arabic) without its clitic prefixes, else (German articles) without a genitive -s.
// English text takes the first lookup alone.
std::uint32_t text_word_number(const PhraseTrie& trie, const std::string& key, const TextToken& t, bool german) {
  std::uint32_t n = trie.word_number(key);
  if (n != PhraseTrie::no_word) return n;
  if (word_script(key) == WordScript::arabic) {
    for (const auto& form : arabic_clitic_forms(key)) {
      if ((n = trie.word_number(form)) != PhraseTrie::no_word) return n;
    }
  } else if (german && t.capitalised) {
    if (const std::string base = without_german_genitive(key); !base.empty()) return trie.word_number(base);
  }
  return n;
}

// A Cyrillic text word's number in the name trie: its longest stem that is a name's word
// (lookup_keys), else its match key.
std::uint32_t cyrillic_word_number(const PhraseTrie& names, std::string_view norm) {
  std::uint32_t n = PhraseTrie::no_word;
  for (const auto& key : lookup_keys(norm)) {
    if ((n = names.word_number(key)) != PhraseTrie::no_word) return n;
  }
  return n;
}

bool is_language(const std::string& language, std::string_view code) {
  return language.compare(0, language.find('-'), code) == 0;
}

bool is_german(const std::string& language) { return is_language(language, "de"); }

// French and Italian elide an article or a preposition before a vowel ("l'Ukraine",
// "d'Israël", "dell'Iran"), which the tokenizer keeps in one word ("lukraine"). In articles
// in those languages, such a word is split in two at its apostrophe ("l", "ukraine"). A
// dictionary name with an elision is in the name trie both whole and split ("Côte d'Ivoire",
// "Conseil de sécurité de l'ONU"), so that it matches either way while "l'ONU" alone is "ONU".
// The elided words are common/language.h's, which the French analysis of free text splits too.
std::vector<TextToken> split_elisions(const std::vector<TextToken>& tokens, const std::string& text) {
  std::vector<TextToken> out;
  out.reserve(tokens.size());
  for (const auto& t : tokens) {
    const std::string_view raw(text.data() + t.byte_begin, t.byte_end - t.byte_begin);
    std::size_t apostrophe = raw.find('\'');
    std::size_t width = 1;
    if (const auto curly = raw.find("\xE2\x80\x99"); curly < apostrophe) {
      apostrophe = curly;  // ’, three bytes
      width = 3;
    }
    // The head's folded form, which starts the token's ("Ｌ'x": three bytes in the text, one folded).
    const std::string head_norm =
        apostrophe == std::string_view::npos ? "" : fold_case_and_accents(raw.substr(0, apostrophe));
    const bool split = apostrophe != std::string_view::npos && apostrophe + width < raw.size() &&
                       is_elided_word(head_norm) && t.norm.compare(0, head_norm.size(), head_norm) == 0;
    if (!split) {
      out.push_back(t);
      continue;
    }
    TextToken head = t, rest = t;
    head.norm = head_norm;
    head.byte_end = t.byte_begin + apostrophe;
    head.char_end = t.char_begin + utf8_length(raw.substr(0, apostrophe));
    rest.norm = t.norm.substr(head_norm.size());
    rest.byte_begin = head.byte_end + width;
    rest.char_begin = head.char_end + 1;
    // Its case, as the tokenizer reads a word's: "l'OTAN" is an acronym after its "l'".
    std::size_t letters = 0, upper = 0;
    for (Xapian::Utf8Iterator it(text.data() + rest.byte_begin, rest.byte_end - rest.byte_begin);
         it != Xapian::Utf8Iterator(); ++it) {
      const auto category = Xapian::Unicode::get_category(*it);
      const bool is_upper =
          category == Xapian::Unicode::UPPERCASE_LETTER || category == Xapian::Unicode::TITLECASE_LETTER;
      if (letters == 0) rest.capitalised = is_upper;
      letters += Xapian::Unicode::is_wordchar(*it);
      upper += is_upper;
    }
    rest.all_caps = letters >= 2 && upper == letters;
    out.push_back(std::move(head));
    out.push_back(std::move(rest));
  }
  return out;
}

// A name's normal form as French and Italian articles read it, elisions split ("chef de l'État"
// -> "chef de l etat"); empty when it has none.
std::string elision_split_norm(const std::string& name) {
  if (name.find('\'') == std::string::npos && name.find("\xE2\x80\x99") == std::string::npos) return "";
  const auto whole = tokenize(name);
  const auto split = split_elisions(whole, name);
  if (split.size() == whole.size()) return "";
  std::string out;
  for (const auto& t : split) out.append(out.empty() ? "" : " ").append(t.norm);
  return out;
}

// "US", "U.N.", "WHO": all capitals, at most five letters, one word.
bool is_acronym(std::string_view text) {
  std::size_t letters = 0;
  for (char c : text) {
    if (c == '.') continue;
    if (c < 'A' || c > 'Z') return false;
    ++letters;
  }
  return letters >= 2 && letters <= 5;
}

// English function words that open sentences ("In Brussels", "For London"): a few people's
// names start with one (Korean "In", "Son"), but before a place they are the sentence's.
bool is_function_word(const std::string& word) {
  static const std::unordered_set<std::string> words = {
      "the",     "and",    "but",    "for",    "nor",    "yet",    "from",  "into",  "onto",   "with",    "without",
      "after",   "before", "since",  "until",  "while",  "when",   "where", "then",  "than",   "this",    "that",
      "these",   "those",  "there",  "here",   "also",   "all",    "both",  "each",  "some",   "any",     "not",
      "our",     "its",    "his",    "her",    "their",  "your",   "who",   "whom",  "what",   "which",   "why",
      "how",     "via",    "per",    "near",   "across", "over",   "under", "about", "around", "between", "among",
      "outside", "inside", "within", "during", "like",   "unlike", "son",   "new"};
  return words.count(word) > 0;
}

// A phrase does not run across a sentence end ("... in Sudan. President ..." is not "Sudan
// president"): a full stop, question or exclamation mark between two of its words ends it,
// unless the word before is an initial or an acronym ("U.S. President", "George H. W. Bush").
bool crosses_sentence_end(const std::string& text, const std::vector<TextToken>& tokens, std::size_t begin,
                          std::size_t length) {
  for (std::size_t k = begin; k + 1 < begin + length; ++k) {
    const std::string_view gap(text.data() + tokens[k].byte_end, tokens[k + 1].byte_begin - tokens[k].byte_end);
    if (gap.find_first_of(".!?") == std::string_view::npos) continue;
    if (tokens[k].all_caps || tokens[k].norm.size() == 1) continue;
    return true;
  }
  return false;
}

// Topic patterns match stems. A Xapian::Stem keeps state while it stems, so each thread
// that tags (the indexer's workers) has its own.
std::string english_stem(const std::string& word) {
  thread_local Xapian::Stem stemmer("english");
  return stemmer(word);
}

// What a topic pattern's word and a text's word are compared on: the Snowball Russian stem
// for Cyrillic words (it removes plural and case endings of common nouns: "переговоров",
// "санкций"), reduced again as names are (for Ukrainian); the English (Porter2) stem for any
// other script, as before; for scripts the English stemmer does not know, the word itself.
std::string topic_stem(const std::string& word) {
  if (word_script(word) == WordScript::cyrillic) {
    // Then the case-ending reduction of names, which knows the Ukrainian endings the Russian
    // stemmer leaves ("гарантій", "гарантії" and "гарантии" are all "гарант").
    thread_local Xapian::Stem russian("russian");
    return reduce_cyrillic(russian(word));
  }
  return english_stem(word);
}

// Whether a language's own topic patterns are matched on its own stems: French, German and
// Spanish, written in Latin letters, which the English stemmer would misread. Their words
// get the stemmer their free text gets (common/language.h), Spanish and French accented
// endings included, so that a pattern meets the words a search for it meets ("negociación",
// folded, and "negociaciones"). Patterns in other scripts are matched on topic_stem, in the
// pass that also strips Arabic prefixes.
bool has_own_stems(std::string_view language) { return language == "fr" || language == "de" || language == "es"; }

// A word's stem in such a language; words of other scripts as topic_stem has them.
std::string language_stem(const std::string& language, const std::string& word) {
  if (word_script(word) != WordScript::other) return topic_stem(word);
  thread_local std::map<std::string, Xapian::Stem> stemmers;  // each thread its own (see english_stem)
  auto it = stemmers.find(language);
  if (it == stemmers.end()) it = stemmers.emplace(language, stemmer_of(analysis_of_language(language))).first;
  return it->second(word);
}

}  // namespace

Tagger::Tagger(const Dictionary& dictionary) : dict_(dictionary) {
  add_actor_names();
  add_role_phrases();
  mark_lone_surnames();
  add_topic_patterns();
}

Tagger::~Tagger() = default;

// Arabic words with a clitic prefix found only inside names ("للأمم" in "مجلس الأمن التابع
// للأمم المتحدة") are put in the trie as a text word without the prefix is read: by their
// first form that is another name's word ("الأمم"). Kept as they are, they would be words of
// the trie, and "للأمم المتحدة" in text would never be tried as "الأمم المتحدة".
void Tagger::find_inner_arabic_forms() {
  // Only an Arabic word can be such a form or meet one, so the sets hold Arabic words alone,
  // as views of the dictionary's names; names in Latin letters, most of them, are passed over.
  std::unordered_set<std::string_view> first, all;
  std::vector<std::string_view> inner;
  for (const auto& a : dict_.actors()) {
    for (const auto& n : a.names) {
      if (std::all_of(n.norm.begin(), n.norm.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        continue;
      std::string_view rest = n.norm;
      for (bool first_word = true; !rest.empty(); first_word = false) {
        const auto space = rest.find(' ');
        const std::string_view word = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        if (word_script(word) != WordScript::arabic) continue;
        all.insert(word);
        if (first_word) first.insert(word);
        else inner.push_back(word);
      }
    }
  }
  for (const auto& word : inner) {
    if (first.count(word)) continue;
    for (const auto& form : arabic_clitic_forms(word)) {
      if (all.count(form)) {
        inner_arabic_forms_.emplace(std::string(word), form);
        break;
      }
    }
  }
}

// The keys a name's tokens have in the trie: match keys, and inner Arabic words without
// their prefix (find_inner_arabic_forms).
std::vector<std::string> Tagger::name_keys(std::vector<std::string> tokens) const {
  tokens = match_keys(std::move(tokens));
  for (std::size_t k = 1; k < tokens.size(); ++k) {
    if (const auto it = inner_arabic_forms_.find(tokens[k]); it != inner_arabic_forms_.end()) tokens[k] = it->second;
  }
  return tokens;
}

void Tagger::add_actor_names() {
  find_inner_arabic_forms();
  const auto& actors = dict_.actors();
  // What resolve_actor() says of a one-word name, on its normal form: an id, or one owner.
  const auto names_one_actor = [&](const std::string& norm) {
    return dict_.actor(norm) != nullptr || dict_.owners_of_normalised(norm) == 1;
  };
  for (std::size_t i = 0; i < actors.size(); ++i) {
    for (const auto& n : actors[i].names) {
      const auto tokens = split_norm(n.norm);
      if (tokens.empty()) continue;
      if (actors[i].type == ActorType::person && tokens.size() >= 2 && n.kind == NameKind::name &&
          tokens.front().size() >= 3 && !is_function_word(tokens.front()) && !names_one_actor(tokens.front())) {
        given_names_.insert(tokens.front());
      }
      NameEntry e;
      e.actor = i;
      e.name_kind = n.kind;
      // A person's one-word name ("Geir", "Suharto") is a given name or a family name in
      // most text: like a surname, it needs a full mention or a title ("President Suharto").
      if (actors[i].type == ActorType::person && tokens.size() == 1) e.name_kind = NameKind::surname;
      e.acronym = tokens.size() == 1 && is_acronym(n.text);
      e.capitalised = n.capitalised;
      e.ambiguous = actors[i].is_ambiguous(n.norm);
      e.name = static_cast<std::uint32_t>(&n - actors[i].names.data());
      names_.add(name_keys(tokens), static_cast<std::uint32_t>(entries_.size()));
      add_split_elisions(n.text, static_cast<std::uint32_t>(entries_.size()));
      entries_.push_back(e);
    }
  }
}

// A name with an elision ("Côte d'Ivoire") also as French and Italian articles read it, split.
void Tagger::add_split_elisions(const std::string& name, std::uint32_t entry) {
  if (const std::string split = elision_split_norm(name); !split.empty())
    names_.add(name_keys(split_norm(split)), entry);
}

namespace {

// The role phrases of an office in one language, from a title and a name of the office's
// country or organisation in that language, in that language's word order: English
// "Russian president", "president of Russia"; Russian "российский президент", "президент
// России" (the genitive meets the name through match_key); German "russische Präsident",
// "Präsident Russlands", "Präsident von Russland"; French and Spanish "président russe",
// "président de la Russie", "presidente de Rusia"; Arabic "الرئيس الروسي", "رئيس روسيا";
// Chinese "俄罗斯总统". `ref_first` says which of them put the name first (the ones whose
// case guard is the name's).
struct RolePhrase {
  std::string phrase;
  bool ref_first;
};

std::vector<RolePhrase> role_phrases(std::string_view language, const std::string& title, const std::string& ref,
                                     bool demonym) {
  const auto before = [&] { return RolePhrase{ref + " " + title, true}; };
  const auto after = [&](std::string_view link) { return RolePhrase{title + " " + std::string(link) + ref, false}; };
  if (language.empty() || language == "en") {
    if (demonym) return {before()};  // "president of Russian" is not English
    return {before(), after("of ")};
  }
  if (language == "ru" || language == "uk") return {demonym ? before() : after("")};
  if (language == "de") {
    if (demonym) return {before()};
    return {after(""), after("von ")};
  }
  if (language == "fr") {
    if (demonym) return {after("")};
    return {after("de "), after("de la "), after("de l "), after("d "), after("du "), after("des ")};
  }
  if (language == "es" || language == "it" || language == "pt") {
    if (demonym) return {after("")};
    return {after("de "), after("del ")};
  }
  if (language == "ar") return {after("")};
  if (language == "zh" || language == "ja") return {before()};
  return {};
}

}  // namespace

// Offices held by someone in the dictionary become phrases (role_phrases above): each title
// name with each name and demonym of the office's country or organisation in the same
// language (an untagged name or title is English).
void Tagger::add_role_phrases() {
  const auto& actors = dict_.actors();
  std::set<std::pair<std::string, std::string>> offices;
  for (const auto& a : actors) {
    for (const auto& role : a.roles) {
      office_holders_[role.title + "|" + role.of].push_back(&a);
      offices.insert({role.title, role.of});
    }
  }
  // Each title's names, normalised, with their language.
  std::vector<std::vector<std::pair<std::string, std::string>>> title_norms(dict_.titles().size());
  for (const auto& t : dict_.titles()) {
    for (std::size_t k = 0; k < t.names.size(); ++k) {
      const auto tokens = split_tokens(t.names[k]);
      longest_title_ = std::max(longest_title_, tokens.size());
      auto& norms = title_norms[static_cast<std::size_t>(&t - dict_.titles().data())];
      // Whole, and as French and Italian articles read it ("chef de l etat").
      for (const std::string& norm : {normalize_phrase(t.names[k]), elision_split_norm(t.names[k])}) {
        if (norm.empty()) continue;
        title_phrases_.insert(match_key_phrase(norm));
        norms.push_back({norm, t.languages[k]});
        longest_title_ = std::max(longest_title_, split_norm(norm).size());
      }
    }
  }
  for (const auto& [title_id, of_id] : offices) {
    const Title* title = dict_.title(title_id);
    const Actor* of = dict_.actor(of_id);
    if (!title || !of || title->honorific) continue;  // reported by the lint
    NameEntry e;
    e.kind = NameEntry::Kind::role_phrase;
    e.actor = static_cast<std::size_t>(of - actors.data());
    e.title = static_cast<std::size_t>(title - dict_.titles().data());
    for (const auto& ref : of->names) {
      if (ref.kind != NameKind::name && ref.kind != NameKind::alias && ref.kind != NameKind::demonym) continue;
      if (ref.norm.empty() || of->is_ambiguous(ref.norm)) continue;
      const std::string ref_split = elision_split_norm(ref.text);
      for (const auto& [title_name, language] : title_norms[e.title]) {
        const bool same_language = language == ref.language || (language.empty() && ref.language == "en") ||
                                   (language == "en" && ref.language.empty());
        if (!same_language) continue;
        auto phrases = role_phrases(ref.language, title_name, ref.norm, ref.kind == NameKind::demonym);
        if (!ref_split.empty()) {
          for (auto& p : role_phrases(ref.language, title_name, ref_split, ref.kind == NameKind::demonym))
            phrases.push_back(std::move(p));
        }
        for (const auto& p : phrases) {
          NameEntry entry = e;
          if (p.ref_first) {
            entry.acronym = is_acronym(ref.text);
            entry.capitalised = ref.capitalised;
          }
          names_.add(name_keys(split_norm(p.phrase)), static_cast<std::uint32_t>(entries_.size()));
          entries_.push_back(entry);
        }
      }
    }
  }
}

// Surnames that say who is meant on their own: owned by one actor alone (no country, city
// or other person shares them), not an ordinary word (listed as ambiguous), not a given
// name or a title. Such a surname in a title or a lead names its owner while in office
// ("REAGAN SAYS..." in 1987: see tag()).
void Tagger::mark_lone_surnames() {
  for (auto& e : entries_) {
    if (e.kind != NameEntry::Kind::actor_name || e.name_kind != NameKind::surname || e.ambiguous) continue;
    const Actor& a = dict_.actors()[e.actor];
    if (a.type != ActorType::person) continue;
    const std::string& name = a.names[e.name].norm;
    e.lone = name.size() >= 3 && dict_.owners_of_normalised(name) == 1 && !given_names_.count(name) &&
             !title_phrases_.count(name) && !is_function_word(name);
  }
}

void Tagger::add_topic_patterns() {
  const auto& topics = dict_.topics();
  // Patterns that stem alike ("territory", "territorial") are one pattern, at the higher weight.
  std::map<std::tuple<std::size_t, std::string, std::string>, std::size_t> seen;
  for (std::size_t i = 0; i < topics.size(); ++i) {
    for (const auto& p : topics[i].patterns) {
      const bool own_stems = has_own_stems(p.language);
      std::vector<std::string> stems;
      std::string key;
      for (const auto& token : split_tokens(p.phrase)) {
        stems.push_back(own_stems ? language_stem(p.language, token) : topic_stem(token));
        key += stems.back() + " ";
      }
      auto [it, fresh] = seen.try_emplace({i, key, p.language}, pattern_entries_.size());
      if (!fresh) {
        pattern_entries_[it->second].weight = std::max(pattern_entries_[it->second].weight, p.weight);
        continue;
      }
      (own_stems ? language_patterns_[p.language] : topic_patterns_)
          .add(stems, static_cast<std::uint32_t>(pattern_entries_.size()));
      pattern_entries_.push_back({i, p.weight, p.language});
    }
  }
}

bool Tagger::passes_case_guard(const NameEntry& e, const std::vector<TextToken>& tokens, std::size_t begin,
                               const std::string& text, bool upper_text) const {
  const TextToken& first = tokens[begin];
  if (e.acronym) {
    if (!first.all_caps) return false;
    // In text all in capitals, only a dotted form ("U.S.") tells the acronym from a word.
    if (upper_text)
      return text.substr(first.byte_begin, first.byte_end - first.byte_begin).find('.') != std::string::npos;
    return true;
  }
  return !e.capitalised || first.capitalised || upper_text;
}

bool Tagger::preceded_by_title(const std::vector<TextToken>& tokens, std::size_t begin) const {
  std::string phrase;
  for (std::size_t k = 1; k <= longest_title_ && k <= begin; ++k) {
    phrase = k == 1 ? match_key(tokens[begin - 1].norm) : match_key(tokens[begin - k].norm) + " " + phrase;
    if (title_phrases_.count(phrase)) return true;
  }
  return false;
}

// The word just before `begin` is a capitalised given name of someone in the dictionaries,
// in the same run of words (no punctuation between), and not itself the start of a sentence
// read as a name... it is part of a name either way.
bool Tagger::after_given_name(const std::string& text, const std::vector<TextToken>& tokens, std::size_t begin) const {
  if (begin == 0) return false;
  const TextToken& before = tokens[begin - 1];
  if (!before.capitalised || before.all_caps || !given_names_.count(before.norm)) return false;
  for (std::size_t b = before.byte_end; b < tokens[begin].byte_begin; ++b) {
    if (text[b] != ' ') return false;
  }
  return true;
}

std::vector<Tagger::Mention> Tagger::find_mentions(const std::string& field, const std::string& text,
                                                   const std::vector<TextToken>& tokens, bool upper_text,
                                                   bool german) const {
  std::vector<Mention> mentions;
  std::vector<std::uint32_t> words;
  words.reserve(tokens.size());
  for (const auto& t : tokens) {
    // A Cyrillic word by its match key; any other by its normal form, uncopied.
    words.push_back(word_script(t.norm) == WordScript::cyrillic ? cyrillic_word_number(names_, t.norm)
                                                                : text_word_number(names_, t.norm, t, german));
  }
  std::size_t i = 0;
  while (i < tokens.size()) {
    auto matches = names_.matches_at(words, i);
    std::size_t advance = 1;
    // Leftmost-longest: the longest phrase here whose guards pass wins.
    for (auto m = matches.rbegin(); m != matches.rend(); ++m) {
      if (crosses_sentence_end(text, tokens, i, m->length)) continue;
      Mention mention;
      for (std::uint32_t entry : m->payloads) {
        if (passes_case_guard(entries_[entry], tokens, i, text, upper_text)) mention.entries.push_back(entry);
      }
      if (mention.entries.empty()) continue;
      const TextToken& first = tokens[i];
      const TextToken& last = tokens[i + m->length - 1];
      mention.where = {text.substr(first.byte_begin, last.byte_end - first.byte_begin), field, first.char_begin,
                       last.char_end, ""};
      mention.first_token = i;
      mention.end_token = i + m->length;
      mention.after_title = preceded_by_title(tokens, i);
      if (m->length == 1 && !upper_text && after_given_name(text, tokens, i)) {
        // "Jack London", "Helmut Berlin": a place right after a given name is part of a
        // person's name, not the place. Its person entries (a surname) stay.
        mention.entries.erase(std::remove_if(mention.entries.begin(), mention.entries.end(),
                                             [&](std::uint32_t id) {
                                               return dict_.actors()[entries_[id].actor].type != ActorType::person;
                                             }),
                              mention.entries.end());
        if (mention.entries.empty()) break;
      }
      mention.distinct = distinct_actors(mention);
      mentions.push_back(std::move(mention));
      advance = m->length;
      break;
    }
    i += advance;
  }
  return places_before_regions(std::move(mentions), text, tokens);
}

namespace {

// Two mentions with only a comma between them: "Paris, Texas", "Atlanta, Georgia".
bool comma_between(const std::string& text, const std::vector<TextToken>& tokens, std::size_t end, std::size_t next) {
  if (end != next || end == 0 || next >= tokens.size()) return false;
  const std::string_view gap(text.data() + tokens[end - 1].byte_end,
                             tokens[next].byte_begin - tokens[end - 1].byte_end);
  return trim(gap) == ",";
}

}  // namespace

// "TOWN, REGION" names a town of the region's country: "Paris, Texas" is no French capital,
// "London, Ontario" no British one; and after a city of a country, an ambiguous name of
// another actor is a region of that country ("Atlanta, Georgia" is not the country Georgia).
std::vector<Tagger::Mention> Tagger::places_before_regions(std::vector<Mention> mentions, const std::string& text,
                                                           const std::vector<TextToken>& tokens) const {
  const auto only_kind = [&](const Mention& m, NameKind kind) -> std::optional<std::size_t> {
    if (m.distinct != 1) return std::nullopt;
    for (std::uint32_t id : m.entries) {
      if (entries_[id].kind != NameEntry::Kind::actor_name || entries_[id].name_kind != kind) return std::nullopt;
    }
    return entries_[m.entries.front()].actor;
  };
  const auto drop_other_places = [&](Mention& m, std::size_t country, bool ambiguous_only) {
    m.entries.erase(std::remove_if(m.entries.begin(), m.entries.end(),
                                   [&](std::uint32_t id) {
                                     const NameEntry& e = entries_[id];
                                     return e.actor != country && e.kind == NameEntry::Kind::actor_name &&
                                            dict_.actors()[e.actor].type != ActorType::person &&
                                            (!ambiguous_only || e.ambiguous);
                                   }),
                    m.entries.end());
    m.distinct = distinct_actors(m);
  };
  for (std::size_t k = 1; k < mentions.size(); ++k) {
    Mention& town = mentions[k - 1];
    Mention& region = mentions[k];
    if (!comma_between(text, tokens, town.end_token, region.first_token)) continue;
    if (const auto country = only_kind(region, NameKind::region)) {
      drop_other_places(town, *country, false);
    } else if (const auto of = only_kind(town, NameKind::city)) {
      drop_other_places(region, *of, true);
    }
  }
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(), [](const Mention& m) { return m.entries.empty(); }),
                 mentions.end());
  return mentions;
}

// Several entries of one mention may name the same actor ("US" and "U.S." both fold to "us").
std::size_t Tagger::distinct_actors(const Mention& m) const {
  std::set<std::size_t> actors;
  for (std::uint32_t id : m.entries) {
    if (entries_[id].kind == NameEntry::Kind::actor_name) actors.insert(entries_[id].actor);
  }
  return actors.size();
}

const Actor* Tagger::holder(const std::string& title, const std::string& of, const std::string& date) const {
  if (date.empty()) return nullptr;
  auto it = office_holders_.find(title + "|" + of);
  if (it == office_holders_.end()) return nullptr;
  for (const Actor* person : it->second) {
    for (const auto& role : person->roles) {
      if (role.title == title && role.of == of && role.held_on(date)) return person;
    }
  }
  return nullptr;
}

namespace {

// Collects evidence per actor, remembering the order in which actors first appear.
class ActorFindings {
 public:
  void add(std::size_t actor, Evidence e) {
    auto [it, fresh] = evidence_.try_emplace(actor);
    if (fresh) order_.push_back(actor);
    it->second.push_back(std::move(e));
  }
  bool has(std::size_t actor) const { return evidence_.count(actor) > 0; }
  bool has_country_other_than(const std::vector<Actor>& actors, const std::set<std::size_t>& except) const {
    for (std::size_t a : order_) {
      if (!except.count(a) && actors[a].type == ActorType::country) return true;
    }
    return false;
  }
  std::vector<ActorTag> tags(const std::vector<Actor>& actors) {
    std::vector<ActorTag> out;
    for (std::size_t a : order_) out.push_back({actors[a].id, actors[a].type, actors[a].name, std::move(evidence_[a])});
    return out;
  }

 private:
  std::map<std::size_t, std::vector<Evidence>> evidence_;
  std::vector<std::size_t> order_;
};

// The lead: a wire dateline and the opening sentence, where a story says what it is about.
constexpr std::size_t lead_code_points = 150;
constexpr std::size_t repeated_mentions = 3;
// How far from a span of public life a name may still mean its owner: a surname after a
// title, five years (a former leader is still "President Carter" in the news); a name shared
// by namesakes, one year (father and son Bush were in office twelve years apart).
constexpr int surname_reach_days = 5 * 366;
constexpr int namesake_reach_days = 366;
constexpr std::size_t max_dated_namesakes = 4;

bool in_title_or_lead(const Evidence& e) {
  return e.field == "title" || (e.field == "body" && e.start < lead_code_points);
}

bool is_primary(const ActorTag& tag) {
  if (tag.evidence.size() >= repeated_mentions) return true;
  return std::any_of(tag.evidence.begin(), tag.evidence.end(), [](const Evidence& e) {
    return e.field == "title" || e.field == "input" || (e.field == "body" && e.start < lead_code_points);
  });
}

// Of several people a name may mean on a date, those who held a dated office then, when
// any did: Phoenix spans of public life are broad (a future president is "elite" for
// decades), offices are not.
std::set<std::size_t> prefer_office_holders(const std::vector<Actor>& actors, const std::set<std::size_t>& people,
                                            const std::string& date, int days) {
  std::set<std::size_t> holders;
  for (std::size_t a : people) {
    if (actors[a].in_office_near(date, days)) holders.insert(a);
  }
  return holders.empty() ? people : holders;
}

// Generated records say where they come from (`source: phoenix | ungd`): --explain shows it,
// so that a surprising tag can be traced to its list. Curated records say nothing.
std::string from_source(const Actor& a) { return a.source.empty() ? "" : " (source: " + a.source + ")"; }

Evidence with_rule(Evidence e, std::string rule) {
  e.rule = std::move(rule);
  return e;
}

}  // namespace

Tags Tagger::tag(const Article& article) const { return tag(article, tokenize(article.body)); }

Tags Tagger::tag(const Article& article, std::vector<TextToken> body_tokens) const {
  const auto& actors = dict_.actors();
  const bool upper = is_mostly_upper_case(article.title + "\n" + article.body);
  auto title_tokens = tokenize(article.title);
  if (is_language(article.language, "fr") || is_language(article.language, "it")) {
    title_tokens = split_elisions(title_tokens, article.title);
    body_tokens = split_elisions(body_tokens, article.body);
  }
  const bool german = is_german(article.language);
  auto mentions = find_mentions("title", article.title, title_tokens, upper, german);
  for (auto& m : find_mentions("body", article.body, body_tokens, upper, german)) mentions.push_back(std::move(m));

  ActorFindings found;
  // 1. Unambiguous names and role phrases.
  for (const auto& m : mentions) {
    const bool single = m.distinct == 1;
    std::set<std::size_t> named;  // "US" and "U.S." entries of one mention give one piece of evidence
    for (std::uint32_t id : m.entries) {
      const NameEntry& e = entries_[id];
      if (e.kind == NameEntry::Kind::role_phrase) {
        const Title& title = dict_.titles()[e.title];
        const Actor& of = actors[e.actor];
        found.add(e.actor, with_rule(m.where, "role phrase: " + title.name));
        if (const Actor* person = holder(title.id, of.id, article.date)) {
          found.add(static_cast<std::size_t>(person - actors.data()),
                    with_rule(m.where, "role at date: " + title.name + " of " + of.name + " on " + article.date +
                                           from_source(*person)));
        }
      } else if (single && !e.ambiguous && e.name_kind != NameKind::surname && named.insert(e.actor).second) {
        found.add(e.actor, with_rule(m.where, std::string(name_kind_name(e.name_kind)) + from_source(actors[e.actor])));
      }
    }
  }
  // 2. Bare surnames: only after a full mention, or right after a title ("Chancellor Merz"),
  // or alone in the title or the lead when the surname is its owner's alone (e.lone) and the
  // owner held a dated office then ("REAGAN SAYS..." in 1987). Offices, not spans of public
  // life: Phoenix spans are decades wide, and a lone surname in a headline is far more often
  // a company or a town (Hughes, Busch, Reno) than a minor official of another country.
  // After a title, the article's date decides between the people who share a surname (a
  // 1990 "President Bush" is not the one of 2005), and a surname whose only owner was far
  // from public life on that date is someone else: it needs the full name.
  for (const auto& m : mentions) {
    std::set<std::size_t> by_title;   // surname owners active near the article's date
    std::optional<std::size_t> lone;  // a surname only its owner has, in the title or lead
    for (std::uint32_t id : m.entries) {
      const NameEntry& e = entries_[id];
      if (e.kind != NameEntry::Kind::actor_name || e.name_kind != NameKind::surname) continue;
      if (found.has(e.actor)) found.add(e.actor, with_rule(m.where, "surname after full mention"));
      else if (m.after_title && actors[e.actor].active_near(article.date, surname_reach_days)) by_title.insert(e.actor);
      else if (e.lone && m.distinct == 1 && in_title_or_lead(m.where) &&
               actors[e.actor].in_office_near(article.date, namesake_reach_days))
        lone = e.actor;
    }
    if (lone && by_title.empty() && !found.has(*lone)) {
      found.add(*lone, with_rule(m.where, "distinctive surname in title or lead" + from_source(actors[*lone])));
      continue;
    }
    // A surname shared by many people ("Kim", "Khan", "Mohammed") says too little for the
    // date to decide: only a few namesakes are told apart this way.
    if (m.distinct > max_dated_namesakes) by_title.clear();
    by_title = prefer_office_holders(actors, by_title, article.date, surname_reach_days);
    if (by_title.size() == 1 && std::none_of(m.entries.begin(), m.entries.end(),
                                             [&](std::uint32_t id) { return found.has(entries_[id].actor); })) {
      const std::size_t a = *by_title.begin();
      found.add(a, with_rule(m.where, m.distinct == 1 ? "title + surname" : "title + surname, active on date"));
    }
  }
  // 3. Ambiguous names ("Turkey", "Congo"): need support from the rest of the article.
  for (const auto& m : mentions) {
    std::set<std::size_t> candidates;
    for (std::uint32_t id : m.entries) {
      const NameEntry& e = entries_[id];
      if (e.kind == NameEntry::Kind::actor_name && e.name_kind != NameKind::surname &&
          (e.ambiguous || m.distinct > 1)) {
        candidates.insert(e.actor);
      }
    }
    if (candidates.empty()) continue;
    // Namesakes ("George Bush" for father and son): the one in public life on the article's
    // date, within a year, is meant; an undated article cannot tell them apart.
    if (std::all_of(candidates.begin(), candidates.end(),
                    [&](std::size_t a) { return actors[a].type == ActorType::person; })) {
      std::set<std::size_t> active;
      for (std::size_t a : candidates) {
        if (found.has(a) || (!article.date.empty() && actors[a].active_near(article.date, namesake_reach_days)))
          active.insert(a);
      }
      active = prefer_office_holders(actors, active, article.date, namesake_reach_days);
      if (active.size() == 1) {
        const std::size_t a = *active.begin();
        found.add(a,
                  with_rule(m.where, found.has(a) ? "name, supported by another mention" : "namesake active on date"));
      }
      continue;
    }
    const std::size_t already = static_cast<std::size_t>(
        std::count_if(candidates.begin(), candidates.end(), [&](std::size_t a) { return found.has(a); }));
    for (std::size_t a : candidates) {
      if (found.has(a)) found.add(a, with_rule(m.where, "ambiguous name, supported by another mention"));
      else if (already == 0 && candidates.size() == 1 && found.has_country_other_than(actors, candidates)) {
        found.add(a, with_rule(m.where, "ambiguous name, supported by other countries named"));
      }
    }
  }

  Tags tags;
  tags.actors = found.tags(actors);
  // Human tags from the input are kept, resolved to dictionary ids where possible.
  for (const auto& given : article.actors) {
    auto id = dict_.resolve_actor(given);
    const std::string key = id ? *id : slugify(given);
    if (key.empty()) continue;
    auto it = std::find_if(tags.actors.begin(), tags.actors.end(), [&](const ActorTag& t) { return t.id == key; });
    if (it == tags.actors.end()) {
      const Actor* a = dict_.actor(key);
      tags.actors.push_back({key, a ? std::optional(a->type) : std::nullopt, a ? a->name : given, {}});
      it = tags.actors.end() - 1;
    }
    it->evidence.push_back({given, "input", 0, 0, "given in input"});
  }
  for (auto& t : tags.actors) t.primary = is_primary(t);
  tags.topics = find_topics(article, title_tokens, body_tokens);
  return tags;
}

void Tagger::add_topic_matches(const std::string& field, const std::string& text, const std::vector<TextToken>& tokens,
                               int multiplier, const std::string& language, std::vector<TopicTag>& scores) const {
  std::vector<std::uint32_t> words;
  words.reserve(tokens.size());
  for (const auto& t : tokens) words.push_back(text_word_number(topic_patterns_, topic_stem(t.norm), t, false));
  // Within one topic, a longer pattern hides the shorter ones inside it: "security
  // guarantees" counts once, not again as "guarantees". The coverage is shared by the two
  // passes, so a word both tries match ("sanctions" in French) counts once, not twice.
  std::vector<std::size_t> covered_until(scores.size(), 0);
  count_topic_matches(topic_patterns_, words, field, text, tokens, multiplier, language, scores, covered_until);
  // The article's language's own patterns, on its own stems.
  const auto own = language_patterns_.find(language);
  if (own == language_patterns_.end()) return;
  words.clear();
  for (const auto& t : tokens) words.push_back(own->second.word_number(language_stem(language, t.norm)));
  count_topic_matches(own->second, words, field, text, tokens, multiplier, language, scores, covered_until);
}

void Tagger::count_topic_matches(const PhraseTrie& patterns, const std::vector<std::uint32_t>& words,
                                 const std::string& field, const std::string& text,
                                 const std::vector<TextToken>& tokens, int multiplier, const std::string& language,
                                 std::vector<TopicTag>& scores, std::vector<std::size_t>& covered_until) const {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto matches = patterns.matches_at(words, i);
    for (auto m = matches.rbegin(); m != matches.rend(); ++m) {
      const TextToken& first = tokens[i];
      const TextToken& last = tokens[i + m->length - 1];
      for (std::uint32_t p : m->payloads) {
        const auto& [topic, weight, pattern_language] = pattern_entries_[p];
        if (!pattern_language.empty() && pattern_language != language) continue;
        if (i < covered_until[topic]) continue;
        covered_until[topic] = i + m->length;
        scores[topic].score += weight * multiplier;
        scores[topic].evidence.push_back({text.substr(first.byte_begin, last.byte_end - first.byte_begin), field,
                                          first.char_begin, last.char_end,
                                          "pattern, weight " + std::to_string(weight * multiplier)});
      }
    }
  }
}

std::vector<TopicTag> Tagger::find_topics(const Article& article, const std::vector<TextToken>& title_tokens,
                                          const std::vector<TextToken>& body_tokens) const {
  const auto& topics = dict_.topics();
  std::vector<TopicTag> scores(topics.size());
  // "de-AT" is German: patterns are marked with the language alone.
  const std::string language = article.language.substr(0, article.language.find('-'));
  add_topic_matches("title", article.title, title_tokens, 2, language, scores);  // a title match counts double
  add_topic_matches("body", article.body, body_tokens, 1, language, scores);
  std::vector<TopicTag> out;
  for (std::size_t i = 0; i < topics.size(); ++i) {
    if (scores[i].score < topics[i].threshold) continue;
    scores[i].id = topics[i].id;
    scores[i].name = topics[i].name;
    out.push_back(std::move(scores[i]));
  }
  for (const auto& given : article.topics) {
    auto id = dict_.resolve_topic(given);
    const std::string key = id ? *id : slugify(given);
    if (key.empty()) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const TopicTag& t) { return t.id == key; });
    if (it == out.end()) {
      const Topic* t = dict_.topic(key);
      out.push_back({key, t ? t->name : given, 0, {}});
      it = out.end() - 1;
    }
    it->evidence.push_back({given, "input", 0, 0, "given in input"});
  }
  std::stable_sort(out.begin(), out.end(), [](const TopicTag& a, const TopicTag& b) { return a.score > b.score; });
  return out;
}

}  // namespace dipnews
