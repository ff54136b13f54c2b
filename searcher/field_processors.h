// Boolean fields whose values are folded to the canonical form the indexer stored
// (source:"Meridian Post" -> XSOURCEmeridian-post), since Xapian's boolean terms are
// case-sensitive and would otherwise silently match nothing.
#pragma once

#include <string>

#include <xapian.h>

namespace dipnews {

class SlugFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit SlugFieldProcessor(std::string prefix) : prefix_(std::move(prefix)) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  std::string prefix_;
};

}  // namespace dipnews
