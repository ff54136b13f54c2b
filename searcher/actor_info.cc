#include "actor_info.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "error.h"
#include "json_text.h"
#include "record_file.h"

namespace dipnews {

namespace {

using json = nlohmann::ordered_json;

// Generated records name their lists (`source: phoenix | ungd`); curated ones name none.
std::vector<std::string> sources_of(const Actor& a) {
  std::vector<std::string> out = split_list(a.source);
  if (out.empty()) out.push_back("curated");
  return out;
}

std::string_view source_label(std::string_view source) {
  if (source == "phoenix") return "CAMEO/Phoenix";
  if (source == "ungd") return "UN General Debate";
  if (source == "curated") return "curated";
  return source;
}

std::string name_of(const Dictionary& d, const std::string& actor_id) {
  const Actor* a = d.actor(actor_id);
  return a ? a->name : "";
}

std::string title_name(const Dictionary& d, const std::string& title_id) {
  const Title* t = d.title(title_id);
  return t ? t->name : title_id;
}

// Roles in the order they were held.
std::vector<const Role*> roles_by_date(const Actor& a) {
  std::vector<const Role*> roles;
  for (const auto& r : a.roles) roles.push_back(&r);
  std::stable_sort(roles.begin(), roles.end(), [](const Role* x, const Role* y) { return x->from < y->from; });
  return roles;
}

std::string dates(const std::string& from, const std::string& to) {
  return to.empty() ? "from " + from : from + " to " + to;
}

void print_text(const Dictionary& d, const Actor& a, std::ostream& out) {
  out << a.id << " (" << actor_type_name(a.type) << "): " << a.name << '\n';
  for (const auto& n : a.names) {
    if (&n == &a.names.front() && n.kind == NameKind::name) continue;  // the display name, above
    out << "  " << name_kind_name(n.kind) << ": " << n.text << '\n';
  }
  for (const auto& amb : a.ambiguous) out << "  needs support: " << amb << '\n';
  for (const auto& id : a.affiliations) {
    const std::string name = name_of(d, id);
    out << "  affiliation: " << id << (name.empty() ? "" : " (" + name + ")") << '\n';
  }
  for (const Role* r : roles_by_date(a)) {
    const std::string of = name_of(d, r->of);
    out << "  role: " << title_name(d, r->title) << " of " << (of.empty() ? r->of : of) << ", " << dates(r->from, r->to)
        << '\n';
  }
  for (const auto& s : a.active) out << "  active: " << dates(s.from, s.to) << '\n';
  std::string sources;
  for (const auto& s : sources_of(a)) sources += (sources.empty() ? "" : ", ") + std::string(source_label(s));
  out << "  source: " << sources << " (" << a.where << ")\n";
}

void print_json(const Dictionary& d, const Actor& a, std::ostream& out) {
  json names = json::array();
  for (const auto& n : a.names) names.push_back({{"text", n.text}, {"kind", name_kind_name(n.kind)}});
  json affiliations = json::array();
  for (const auto& id : a.affiliations) affiliations.push_back({{"id", id}, {"name", name_of(d, id)}});
  json roles = json::array();
  for (const Role* r : roles_by_date(a)) {
    roles.push_back({{"title", r->title},
                     {"title_name", title_name(d, r->title)},
                     {"of", r->of},
                     {"of_name", name_of(d, r->of)},
                     {"from", r->from},
                     {"to", r->to.empty() ? json(nullptr) : json(r->to)}});
  }
  json active = json::array();
  for (const auto& s : a.active)
    active.push_back({{"from", s.from}, {"to", s.to.empty() ? json(nullptr) : json(s.to)}});
  const json actor = {{"id", a.id},
                      {"type", actor_type_name(a.type)},
                      {"name", a.name},
                      {"names", std::move(names)},
                      {"ambiguous", a.ambiguous},
                      {"affiliations", std::move(affiliations)},
                      {"roles", std::move(roles)},
                      {"active", std::move(active)},
                      {"sources", sources_of(a)},
                      {"where", a.where}};
  out << json_text({{"format_version", json_format_version}, {"dictionary_version", d.version()}, {"actor", actor}})
      << '\n';
}

}  // namespace

const Actor& find_actor_for_info(const Dictionary& dictionary, std::string_view text) {
  // By id or name; else an inflected or differently romanised name of one actor ("Лаврова", "lawrow").
  if (const auto id = dictionary.resolve_actor_loosely(text)) return *dictionary.actor(*id);
  if (const auto ids = dictionary.actors_named(text); ids.size() > 1) {
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
    throw UsageError("--actor-info: '" + std::string(text) + "' could be " + list + "; use one of these ids");
  }
  const auto suggestion = dictionary.suggest_actor(text);
  throw UsageError("--actor-info: unknown actor '" + std::string(text) + "'" +
                   (suggestion ? " (did you mean '" + *suggestion + "'?)" : ""));
}

void print_actor_info(const Dictionary& dictionary, const Actor& actor, OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::json) print_json(dictionary, actor, out);
  else if (format == OutputFormat::text) print_text(dictionary, actor, out);
  else refused_mode("this format", "--actor-info");
}

}  // namespace dipnews
