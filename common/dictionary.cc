#include "dictionary.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <unordered_set>

#include "data_dir.h"
#include "date.h"
#include "error.h"
#include "language.h"
#include "record_file.h"
#include "romanisation.h"
#include "text_tokens.h"
#include "text_util.h"
#include "word_forms.h"

namespace dipnews {

namespace {

[[noreturn]] void fail(const Record& r, long line, const std::string& what) {
  throw RuntimeFailure(r.where(line) + ": error: " + what);
}

// A key and the language it may carry: "demonym[fr]" is ("demonym", "fr").
std::pair<std::string_view, std::string_view> split_language(std::string_view key) {
  if (key.empty() || key.back() != ']') return {key, {}};  // most keys: no search (loading cost)
  const auto open = key.find('[');
  if (open == std::string_view::npos) return {key, {}};
  return {key.substr(0, open), key.substr(open + 1, key.size() - open - 2)};
}

// Keys that may carry a language (`alias[ru]:`): names, which role phrases compose.
bool takes_language(std::string_view key) {
  for (std::string_view k :
       {"name", "alias", "former", "demonym", "capital", "city", "region", "metonym", "surname", "pattern"}) {
    if (key == k) return true;
  }
  return false;
}

void check_keys(const Record& r, std::initializer_list<std::string_view> allowed) {
  for (const auto& f : r.fields) {
    if (f.key.back() == ']') {  // a key with a language (keys are never empty: see record_file.cc)
      const auto [base, language] = split_language(f.key);
      if (!takes_language(base) || base == "name" || !is_language_code(language) ||
          std::find(allowed.begin(), allowed.end(), base) == allowed.end())
        fail(r, f.line, "bad key '" + f.key + "': only names and patterns take a language, as in 'alias[ru]'");
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), f.key) == allowed.end()) {
      fail(r, f.line, "unknown key '" + f.key + "' in " + r.kind() + " record");
    }
  }
}

std::string required(const Record& r, std::string_view key) {
  std::string v = r.value(key);
  if (v.empty()) fail(r, r.line, r.kind() + " '" + r.id() + "' has no " + std::string(key));
  return v;
}

bool is_valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

Role parse_role(const Record& r, const RecordField& f) {
  const auto parts = split_list(f.value);
  const auto dots = parts.size() == 3 ? parts[2].find("..") : std::string::npos;
  if (dots == std::string::npos) fail(r, f.line, "role must be 'TITLE | ACTOR | FROM..TO'");
  Role role{parts[0], parts[1], parts[2].substr(0, dots), parts[2].substr(dots + 2)};
  for (const std::string* d : {&role.from, &role.to}) {
    if (d->empty() && d == &role.to) continue;
    auto parsed = parse_partial_date(*d);
    if (!parsed || parsed->size() != 10) fail(r, f.line, "bad date '" + *d + "' in role (expected YYYY-MM-DD)");
  }
  return role;
}

Span parse_span(const Record& r, const RecordField& f) {
  const auto dots = f.value.find("..");
  if (dots == std::string::npos) fail(r, f.line, "active must be 'FROM..TO'");
  Span span{std::string(trim(f.value.substr(0, dots))), std::string(trim(f.value.substr(dots + 2)))};
  for (const std::string* d : {&span.from, &span.to}) {
    if (d->empty() && d == &span.to) continue;
    auto parsed = parse_partial_date(*d);
    if (!parsed || parsed->size() != 10) fail(r, f.line, "bad date '" + *d + "' in active (expected YYYY-MM-DD)");
  }
  if (!span.to.empty() && span.to <= span.from) fail(r, f.line, "active span ends before it starts");
  return span;
}

Actor parse_actor(const Record& r) {
  check_keys(r, {"actor", "type", "name", "alias", "former", "demonym", "capital", "city", "region", "metonym",
                 "surname", "affiliation", "role", "ambiguous", "active", "source"});
  Actor a;
  a.id = r.id();
  a.where = r.where();
  const std::string type = required(r, "type");
  if (type == "country") a.type = ActorType::country;
  else if (type == "organisation" || type == "organization") a.type = ActorType::organisation;
  else if (type == "person") a.type = ActorType::person;
  else fail(r, r.field("type")->line, "type must be country, organisation or person, not '" + type + "'");
  a.name = required(r, "name");
  a.names.push_back({a.name, NameKind::name, "", false, ""});
  const std::pair<const char*, NameKind> kinds[] = {{"alias", NameKind::alias},     {"former", NameKind::former},
                                                    {"demonym", NameKind::demonym}, {"capital", NameKind::capital},
                                                    {"city", NameKind::city},       {"region", NameKind::region},
                                                    {"metonym", NameKind::metonym}, {"surname", NameKind::surname}};
  for (const auto& [key, kind] : kinds) {
    r.for_each_value(key, [&, kind = kind](std::string_view text) {
      a.names.push_back({std::string(text), kind, "", false, ""});
    });
  }
  // Names in other languages after all the others: where an English name and a name of
  // another language are one word ("Argentine": a demonym, and French for Argentina), the
  // English kind is what --explain reports. Most records (the generated people) have none:
  // they cost one look at each key's last character.
  if (std::any_of(r.fields.begin(), r.fields.end(), [](const RecordField& f) { return f.key.back() == ']'; })) {
    for (const auto& [key, kind] : kinds) {
      for (const auto& f : r.fields) {
        const auto [base, language] = split_language(f.key);
        if (language.empty() || base != std::string_view(key)) continue;
        for (auto& text : split_list(f.value))
          a.names.push_back({std::move(text), kind, "", false, std::string(language)});
      }
    }
  }
  a.ambiguous = r.values("ambiguous");
  a.affiliations = r.values("affiliation");
  for (const auto& f : r.fields) {
    if (f.key == "role") a.roles.push_back(parse_role(r, f));
    else if (f.key == "active") a.active.push_back(parse_span(r, f));
  }
  a.source = r.value("source");
  return a;
}

Title parse_title(const Record& r) {
  check_keys(r, {"title", "name", "alias", "kind"});
  Title t;
  t.id = r.id();
  t.where = r.where();
  t.name = required(r, "name");
  t.names.push_back(t.name);
  t.languages.emplace_back();
  for (const auto& f : r.fields) {
    const auto [base, language] = split_language(f.key);
    if (base != "alias") continue;
    for (auto& alias : split_list(f.value)) {
      t.names.push_back(std::move(alias));
      t.languages.emplace_back(language);
    }
  }
  const std::string kind = r.value("kind");
  if (kind == "honorific") t.honorific = true;
  else if (!kind.empty() && kind != "office") fail(r, r.field("kind")->line, "kind must be office or honorific");
  return t;
}

Topic parse_topic(const Record& r) {
  check_keys(r, {"topic", "name", "threshold", "pattern", "related"});
  Topic t;
  t.id = r.id();
  t.where = r.where();
  t.name = required(r, "name");
  const std::string threshold = required(r, "threshold");
  try {
    t.threshold = std::stoi(threshold);
  } catch (const std::exception&) {
    t.threshold = 0;
  }
  if (t.threshold < 1) fail(r, r.field("threshold")->line, "threshold must be a positive integer");
  for (const auto& f : r.fields) {
    const auto [key, language] = split_language(f.key);
    if (key != "pattern") continue;
    const auto bar = f.value.find('|');
    int weight = 0;
    try {
      weight = std::stoi(f.value.substr(0, bar));
    } catch (const std::exception&) {
    }
    const std::string phrase(bar == std::string::npos ? "" : trim(f.value.substr(bar + 1)));
    if (weight < 1 || weight > 100) fail(r, f.line, "pattern weight must be an integer from 1 to 100");
    if (normalize_phrase(phrase).empty()) fail(r, f.line, "pattern has no words");
    t.patterns.push_back({weight, phrase, std::string(language)});
  }
  if (t.patterns.empty()) fail(r, r.line, "topic '" + t.id + "' has no pattern");
  t.related = r.values("related");
  return t;
}

}  // namespace

namespace {

// Days since 0000-03-01 of a YYYY-MM-DD date (proleptic Gregorian), for distances between dates.
long day_number(std::string_view date) {
  if (date.size() < 10) return 0;
  long y = std::stol(std::string(date.substr(0, 4))), m = std::stol(std::string(date.substr(5, 2))),
       d = std::stol(std::string(date.substr(8, 2)));
  if (m <= 2) --y;
  const long era = y / 400, yoe = y - era * 400, mp = (m + 9) % 12;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + (153 * mp + 2) / 5 + d - 1;
}

}  // namespace

namespace {

bool near_span(long day, const std::string& from, const std::string& to, int days) {
  return day >= day_number(from) - days && (to.empty() || day < day_number(to) + days);
}

}  // namespace

bool Actor::active_near(std::string_view date, int days) const {
  if (active.empty() && roles.empty()) return true;
  if (date.size() < 10) return true;  // undated article: name evidence alone
  const long day = day_number(date);
  for (const auto& s : active) {
    if (near_span(day, s.from, s.to, days)) return true;
  }
  return in_office_near(date, days);
}

bool Actor::in_office_near(std::string_view date, int days) const {
  if (date.size() < 10) return false;
  const long day = day_number(date);
  for (const auto& r : roles) {
    if (near_span(day, r.from, r.to, days)) return true;
  }
  return false;
}

std::string_view actor_type_name(ActorType type) {
  switch (type) {
    case ActorType::country: return "country";
    case ActorType::organisation: return "organisation";
    case ActorType::person: return "person";
  }
  return "?";
}

std::string_view name_kind_name(NameKind kind) {
  switch (kind) {
    case NameKind::name: return "name";
    case NameKind::alias: return "alias";
    case NameKind::former: return "former name";
    case NameKind::demonym: return "demonym";
    case NameKind::capital: return "capital";
    case NameKind::city: return "city";
    case NameKind::region: return "region";
    case NameKind::metonym: return "metonym";
    case NameKind::surname: return "surname";
  }
  return "?";
}

std::vector<std::string> Dictionary::files_in(const std::string& directory) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".actors" || ext == ".topics")) files.push_back(entry.path().string());
  }
  if (ec) throw RuntimeFailure(directory + ": error: cannot read dictionary directory: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

Dictionary Dictionary::load_default(const std::vector<std::string>& extra_files) {
  auto files = files_in(find_data_dir() + "/dictionaries");
  files.insert(files.end(), extra_files.begin(), extra_files.end());
  return load(files);
}

Dictionary Dictionary::load(const std::vector<std::string>& paths) {
  Dictionary d;
  for (const auto& path : paths) d.add_file(path);
  d.index_names();
  return d;
}

void Dictionary::add_file(const std::string& path) {
  auto records = read_record_file(path);
  if (records.empty() || records[0].kind() != "dictionary") {
    throw RuntimeFailure(path +
                         ":1: error: a dictionary file starts with 'dictionary: actors' or 'dictionary: topics'");
  }
  const Record& header = records[0];
  const std::string what = header.id();
  const std::string version = header.value("version");
  if (what != "actors" && what != "topics") fail(header, header.line, "unknown dictionary kind '" + what + "'");
  if (version.empty()) fail(header, header.line, "header has no version");
  if (!version_.empty()) version_ += ',';
  version_.append(std::filesystem::path(path).filename().string()).append("@").append(version);
  for (std::size_t i = 1; i < records.size(); ++i) {
    const Record& r = records[i];
    if (what == "actors" && r.kind() == "actor") actors_.push_back(parse_actor(r));
    else if (what == "actors" && r.kind() == "title") titles_.push_back(parse_title(r));
    else if (what == "topics" && r.kind() == "topic") topics_.push_back(parse_topic(r));
    else fail(r, r.line, "unexpected '" + r.kind() + "' record in a " + what + " dictionary");
  }
}

// Each name is tokenized here, once: its normal form and case serve the name index, and
// the tagger builds its tries from them (tokenizing ~60,000 names was most of the cost of
// loading the generated dictionaries, and the tagger did it three times per name).
void Dictionary::index_names() {
  std::size_t names = 0;
  for (const auto& a : actors_) names += a.names.size();
  actors_by_name_.reserve(names);  // one allocation, no rehashing while ~60,000 names go in
  actor_by_id_.reserve(actors_.size());
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    Actor& a = actors_[i];
    actor_by_id_.emplace(a.id, i);
    for (auto& n : a.names) {
      const auto tokens = tokenize(n.text);
      for (const auto& t : tokens) n.norm.append(n.norm.empty() ? "" : " ").append(t.norm);
      n.capitalised = !tokens.empty() && tokens.front().capitalised;
      // Once per actor, however many of its names normalise alike ("US", "U.S.").
      if (n.norm.empty()) continue;
      auto& owners = actors_by_name_[n.norm];
      if (owners.empty() || owners.back() != i) owners.push_back(i);
    }
    for (const auto& x : a.ambiguous) a.ambiguous_norms.push_back(normalize_phrase(x));
  }
  for (std::size_t i = 0; i < titles_.size(); ++i) title_by_id_.emplace(titles_[i].id, i);
  loose_ = std::make_shared<LooseKeys>();
  for (std::size_t i = 0; i < topics_.size(); ++i) {
    topic_by_id_.emplace(topics_[i].id, i);
    topic_by_name_.emplace(normalize_phrase(topics_[i].name), i);
  }
}

const Actor* Dictionary::actor(std::string_view id) const {
  auto it = actor_by_id_.find(std::string(id));
  return it == actor_by_id_.end() ? nullptr : &actors_[it->second];
}

const Title* Dictionary::title(std::string_view id) const {
  auto it = title_by_id_.find(std::string(id));
  return it == title_by_id_.end() ? nullptr : &titles_[it->second];
}

const Topic* Dictionary::topic(std::string_view id) const {
  auto it = topic_by_id_.find(std::string(id));
  return it == topic_by_id_.end() ? nullptr : &topics_[it->second];
}

std::optional<std::string> Dictionary::resolve_actor(std::string_view text) const {
  const std::string folded = fold_case_and_accents(trim(text));
  if (actor(folded)) return folded;
  std::string name = normalize_phrase(text);
  auto it = actors_by_name_.find(name);
  // "the Kremlin", "the White House": people type the article the dictionary leaves out.
  if (it == actors_by_name_.end() && name.rfind("the ", 0) == 0) it = actors_by_name_.find(name.substr(4));
  if (it == actors_by_name_.end() || it->second.size() != 1) return std::nullopt;
  return actors_[it->second.front()].id;
}

// The keys of every name, by actor, for the loose fallbacks of resolve_actor.
struct Dictionary::LooseKeys {
  std::once_flag built;
  std::unordered_map<std::string, std::vector<std::size_t>> inflected;  // match keys of its tokens
  std::unordered_map<std::string, std::vector<std::size_t>> romanised;  // romanisation key
  std::unordered_set<std::string> words;                                // the match keys of the tokens of those names
};

namespace {

// Names in these scripts take endings or prefixes in running text (word_forms.h).
bool inflects(std::string_view norm) {
  const WordScript script = word_script(norm);
  return script == WordScript::cyrillic || script == WordScript::arabic;
}

// The match keys (word_forms.h) of a normalised phrase's tokens, joined by spaces. With
// `words`, a token takes its first lookup key that is one of them, as the tagger reads it in
// text ("дмитрієвим" -> "дмитрієв", "китая" -> "кита", "وبوتين" -> "بوتين").
std::string inflection_key(std::string_view norm, const std::unordered_set<std::string>* words = nullptr) {
  std::string out;
  while (!norm.empty()) {
    const auto space = norm.find(' ');
    const std::string_view token = norm.substr(0, space);
    std::string key = match_key(token);
    if (words) {
      for (auto& form : lookup_keys(token)) {
        if (words->count(form)) {
          key = std::move(form);
          break;
        }
      }
    }
    out.append(out.empty() ? "" : " ").append(key);
    norm = space == std::string_view::npos ? std::string_view() : norm.substr(space + 1);
  }
  return out;
}

void add_owner(std::unordered_map<std::string, std::vector<std::size_t>>& map, const std::string& key,
               std::size_t actor) {
  if (key.empty()) return;
  auto& owners = map[key];
  if (owners.empty() || owners.back() != actor) owners.push_back(actor);
}

}  // namespace

const Dictionary::LooseKeys& Dictionary::loose_keys() const {
  std::call_once(loose_->built, [this] {
    for (std::size_t i = 0; i < actors_.size(); ++i) {
      for (const auto& n : actors_[i].names) {
        if (n.norm.empty()) continue;
        // Only names written in a script that inflects differ from their normal form.
        if (inflects(n.norm)) {
          const std::string key = inflection_key(n.norm);
          add_owner(loose_->inflected, key, i);
          for (std::size_t b = 0, e; b < key.size(); b = e + 1) {
            e = std::min(key.find(' ', b), key.size());
            loose_->words.insert(key.substr(b, e - b));
          }
        }
        add_owner(loose_->romanised, romanisation_key(n.text), i);
      }
    }
  });
  return *loose_;
}

std::optional<std::string> Dictionary::resolve_actor_loosely(std::string_view text) const {
  if (auto id = resolve_actor(text)) return id;
  if (!actors_named(text).empty()) return std::nullopt;  // a name shared by several actors
  const LooseKeys& keys = loose_keys();
  const auto single = [&](const auto& map, const std::string& key) -> std::optional<std::string> {
    const auto it = map.find(key);
    if (key.empty() || it == map.end() || it->second.size() != 1) return std::nullopt;
    return actors_[it->second.front()].id;
  };
  const std::string norm = normalize_phrase(text);
  if (inflects(norm)) {
    if (auto id = single(keys.inflected, inflection_key(norm, &keys.words))) return id;
  }
  return single(keys.romanised, romanisation_key(text));
}

std::optional<std::string> Dictionary::resolve_topic(std::string_view text) const {
  const std::string folded = fold_case_and_accents(trim(text));
  if (topic(folded)) return folded;
  if (topic(slugify(folded))) return slugify(folded);
  auto it = topic_by_name_.find(normalize_phrase(text));
  if (it == topic_by_name_.end()) return std::nullopt;
  return topics_[it->second].id;
}

bool Actor::is_ambiguous(std::string_view norm) const {
  return std::find(ambiguous_norms.begin(), ambiguous_norms.end(), norm) != ambiguous_norms.end();
}

std::size_t Dictionary::owners_of_normalised(const std::string& norm) const {
  const auto it = actors_by_name_.find(norm);
  return it == actors_by_name_.end() ? 0 : it->second.size();
}

std::vector<std::string> Dictionary::actors_named(std::string_view text) const {
  std::vector<std::string> ids;
  auto it = actors_by_name_.find(normalize_phrase(text));
  if (it != actors_by_name_.end()) {
    for (std::size_t i : it->second) ids.push_back(actors_[i].id);
  }
  return ids;
}

namespace {

// The candidate closest to `text` within a distance that grows with its length.
template <typename Candidates>
std::optional<std::string> closest(const std::string& text, const Candidates& candidates) {
  const std::size_t limit = text.size() <= 4 ? 1 : text.size() <= 8 ? 2 : 3;
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const std::size_t d = edit_distance(text, candidate, limit);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace

std::optional<std::string> Dictionary::suggest_actor(std::string_view text) const {
  std::vector<std::string> names;
  names.reserve(actors_by_name_.size() + actors_.size());
  for (const auto& [name, owners] : actors_by_name_) names.push_back(name);
  for (const auto& a : actors_) names.push_back(a.id);
  return closest(normalize_phrase(text), names);
}

std::optional<std::string> Dictionary::suggest_topic(std::string_view text) const {
  std::vector<std::string> names;
  for (const auto& t : topics_) {
    names.push_back(t.id);
    names.push_back(normalize_phrase(t.name));
  }
  return closest(fold_case_and_accents(trim(text)), names);
}

std::vector<std::string> Dictionary::lint() const {
  std::vector<std::string> problems;
  auto problem = [&](const std::string& where, const std::string& what) { problems.push_back(where + ": " + what); };

  std::map<std::string, std::string> ids;  // "kind:id" -> where
  auto check_id = [&](const std::string& kind, const std::string& id, const std::string& where) {
    if (!is_valid_id(id)) problem(where, kind + " id '" + id + "' must use only a-z, 0-9 and '-'");
    auto [it, fresh] = ids.emplace(kind + ":" + id, where);
    if (!fresh) problem(where, "duplicate " + kind + " id '" + id + "' (first at " + it->second + ")");
  };
  for (const auto& a : actors_) check_id("actor", a.id, a.where);
  for (const auto& t : titles_) check_id("title", t.id, t.where);
  for (const auto& t : topics_) check_id("topic", t.id, t.where);

  // Roles: known title and actor, ordered dates, one holder per office per day.
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<const Role*, const Actor*>>> offices;
  for (const auto& a : actors_) {
    for (const auto& role : a.roles) {
      const Title* t = title(role.title);
      if (!t || t->honorific) problem(a.where, a.id + ": role names unknown office title '" + role.title + "'");
      if (!actor(role.of)) problem(a.where, a.id + ": role names unknown actor '" + role.of + "'");
      if (!role.to.empty() && role.to <= role.from) {
        problem(a.where, a.id + ": role " + role.title + " of " + role.of + " ends (" + role.to +
                             ") before it starts (" + role.from + ")");
      }
      offices[{role.title, role.of}].push_back({&role, &a});
    }
  }
  for (auto& [office, holders] : offices) {
    std::sort(holders.begin(), holders.end(), [](auto& x, auto& y) { return x.first->from < y.first->from; });
    for (std::size_t i = 1; i < holders.size(); ++i) {
      const Role& before = *holders[i - 1].first;
      if (before.to.empty() || before.to > holders[i].first->from) {
        problem(holders[i].second->where, office.first + " of " + office.second + ": " + holders[i - 1].second->id +
                                              " and " + holders[i].second->id + " both hold it on " +
                                              holders[i].first->from);
      }
    }
  }

  // Names claimed by two actors need both to list them as ambiguous.
  for (const auto& [claimed, owners] : actors_by_name_) {
    if (owners.size() < 2) continue;
    const std::string& name = claimed;  // clang 14 cannot capture a structured binding in a lambda
    for (std::size_t owner : owners) {
      const Actor& a = actors_[owner];
      const bool marked = a.is_ambiguous(name);
      if (!marked) {
        problem(a.where, "name '" + name + "' is claimed by " + std::to_string(owners.size()) +
                             " actors; list it under ambiguous: in each, or keep it in one");
      }
    }
  }
  // The same for Cyrillic names that differ as written but meet once case endings are off
  // ("Австрия" and "Австралия" do not; a name and another's declined form would): the tagger
  // matches on those keys, so two actors sharing one would be told apart by nothing.
  std::unordered_map<std::string, std::vector<std::pair<std::size_t, std::string>>> by_key;
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    for (const auto& n : actors_[i].names) {
      if (word_script(n.norm) != WordScript::cyrillic) continue;
      auto& owners = by_key[inflection_key(n.norm)];
      if (owners.empty() || owners.back().first != i) owners.push_back({i, n.norm});
    }
  }
  for (const auto& [key, owners] : by_key) {
    if (owners.size() < 2) continue;
    for (const auto& [owner, norm] : owners) {
      const Actor& a = actors_[owner];
      if (a.is_ambiguous(norm)) continue;
      problem(a.where, "name '" + norm + "' meets the names of " + std::to_string(owners.size() - 1) +
                           " other actor(s) once case endings are off ('" + key +
                           "'); list it under ambiguous: in each, or keep it in one");
    }
  }
  for (const auto& a : actors_) {
    for (const auto& amb : a.ambiguous) {
      const auto it = actors_by_name_.find(normalize_phrase(amb));
      const bool own = it != actors_by_name_.end() &&
                       std::find(it->second.begin(), it->second.end(), &a - actors_.data()) != it->second.end();
      if (!own) problem(a.where, a.id + ": ambiguous '" + amb + "' is not one of its names");
    }
  }
  return problems;
}

}  // namespace dipnews
