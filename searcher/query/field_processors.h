// Boolean fields whose values are folded to the canonical form the indexer stored
// (source:"Meridian Post" -> XSOURCEmeridian-post), since Xapian's boolean terms are
// case-sensitive and would otherwise silently match nothing.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "fresh_queries.h"

namespace dipnews {

// What field processors have to say about one parse: a bad value's message, and how each
// value was understood (for --explain-query). They must not throw: an exception thrown
// through Xapian 1.4's QueryParser leaks its parser state. The query builder checks for a
// message after parsing and reports it as a query error.
class FieldLog {
 public:
  // Records the first problem; returns a query matching nothing to stand in for the field.
  Xapian::Query report(const std::string& message) {
    if (first_.empty()) first_ = message;
    return match_nothing_query();
  }
  void note(std::string resolution) { notes_.push_back(std::move(resolution)); }
  const std::string& first() const { return first_; }
  const std::vector<std::string>& notes() const { return notes_; }
  void clear() {
    first_.clear();
    notes_.clear();
  }

 private:
  std::string first_;
  std::vector<std::string> notes_;
};

class SlugFieldProcessor : public Xapian::FieldProcessor {
 public:
  SlugFieldProcessor(std::string field, std::string prefix, FieldLog& errors)
      : field_(std::move(field)), prefix_(std::move(prefix)), errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  std::string field_;
  std::string prefix_;
  FieldLog& errors_;
};

// One of the index's own fields (common/custom_fields.h): speaker:"Wang Yi" -> the term the
// indexer stored for the value, case, accents and punctuation ignored, never stemmed.
class CustomFieldProcessor : public Xapian::FieldProcessor {
 public:
  CustomFieldProcessor(std::string field, FieldLog& errors) : field_(std::move(field)), errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  std::string field_;
  FieldLog& errors_;
};

}  // namespace dipnews
