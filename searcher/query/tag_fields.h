// actor:, person:, country:, org:, topic: (and --actor, --topic): a user's value, by id or
// by any name, case- and accent-insensitive, resolved to the term the indexer stored. An
// unknown or ill-typed value is an error with a suggestion, never a silent empty result.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "lazy_dictionary.h"
#include "query/field_processors.h"
#include "schema.h"

namespace dipnews {

class TagResolver {
 public:
  TagResolver(const LazyDictionary& dictionary, const Xapian::Database& db) : dictionary_(dictionary), db_(db) {}

  struct Result {
    std::string term;   // the index term, when resolved
    std::string error;  // why not, otherwise
  };
  Result resolve(const schema::Field& field, std::string_view value) const;

 private:
  Result resolve_actor(const schema::Field& field, std::string_view value) const;
  Result resolve_topic(const schema::Field& field, std::string_view value) const;

  const LazyDictionary& dictionary_;
  const Xapian::Database& db_;
};

class TagFieldProcessor : public Xapian::FieldProcessor {
 public:
  TagFieldProcessor(const schema::Field& field, const TagResolver& resolver, FieldLog& errors)
      : field_(field), resolver_(resolver), errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  const schema::Field& field_;
  const TagResolver& resolver_;
  FieldLog& errors_;
};

}  // namespace dipnews
