// Boolean fields whose values are folded to the canonical form the indexer stored
// (source:"Meridian Post" -> XSOURCEmeridian-post), since Xapian's boolean terms are
// case-sensitive and would otherwise silently match nothing.
#pragma once

#include <string>

#include <xapian.h>

namespace dipnews {

// Where field processors leave a bad value's message. They must not throw: an exception
// thrown through Xapian 1.4's QueryParser leaks its parser state. The query builder
// checks for a message after parsing and reports it as a query error.
class FieldErrors {
 public:
  // Records the first problem; returns a query matching nothing to stand in for the field.
  Xapian::Query report(const std::string& message) {
    if (first_.empty()) first_ = message;
    return Xapian::Query::MatchNothing;
  }
  const std::string& first() const { return first_; }
  void clear() { first_.clear(); }

 private:
  std::string first_;
};

class SlugFieldProcessor : public Xapian::FieldProcessor {
 public:
  SlugFieldProcessor(std::string field, std::string prefix, FieldErrors& errors)
      : field_(std::move(field)), prefix_(std::move(prefix)), errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  std::string field_;
  std::string prefix_;
  FieldErrors& errors_;
};

}  // namespace dipnews
