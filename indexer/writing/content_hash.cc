#include "writing/content_hash.h"

#include <cstdint>
#include <cstdio>
#include <string_view>

#include "schema.h"

namespace dipnews {

namespace {

class Fnv1a {
 public:
  void add(std::string_view field) {
    for (char c : field) mix(static_cast<unsigned char>(c));
    mix(0x1F);  // unit separator, so that ("ab","c") and ("a","bc") differ
  }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(state_));
    return buf;
  }

 private:
  void mix(unsigned char byte) {
    state_ ^= byte;
    state_ *= 0x100000001b3ULL;
  }
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string content_hash(const Article& article, std::string_view tagging_version) {
  Fnv1a h;
  h.add(tagging_version);
  // The schema version is part of the digest: a new schema re-indexes everything.
  h.add(std::to_string(schema::version));
  for (const std::string* field :
       {&article.id, &article.title, &article.body, &article.date, &article.source, &article.url, &article.language}) {
    h.add(*field);
  }
  for (const auto& list : {&article.actors, &article.topics}) {
    for (const auto& tag : *list) h.add(tag);
    h.add("\x1E");  // record separator between the two lists
  }
  // The user's own fields, only when there are some: an article without any keeps the digest
  // it had before fields existed, and is not re-indexed for them.
  for (const auto& [name, value] : article.fields) {
    h.add(name);
    h.add(value);
  }
  return h.hex();
}

}  // namespace dipnews
