// Turns a cleaned article into the Xapian document the schema describes.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include <xapian.h>

#include "article.h"
#include "custom_fields.h"
#include "language.h"
#include "tagging/tagger.h"
#include "writing/near_duplicate.h"

namespace dipnews {

class DocumentBuilder {
 public:
  // `fields`: the user's own fields, whose values get a term each and their slot.
  explicit DocumentBuilder(CustomFields fields = {});
  // `article` carries the tag ids it is stored with; `tags` gives their types for terms.
  // `signature` lets later copies of the article find it. Its story is set when it is
  // written (set_story): finding the story needs the index.
  // `given` is the article as read (its own tags, kept for --retag); `tagged_with` the
  // dictionary version that produced `tags` (its code, schema::tagged_with_value, goes in
  // the tagged_with slot).
  Xapian::Document build(const Article& article, const Article& given, const Tags& tags,
                         const std::string& content_hash, const std::string& tagged_with,
                         const std::optional<Signature>& signature);

  // Groups the document with its wire copies (the id of the story's first article).
  static void set_story(Xapian::Document& doc, const std::string& story);
  // The same for a document that has one: its old story term goes.
  static void replace_story(Xapian::Document& doc, const std::string& story);
  // When it is written (schema::slot::indexed): what dipnews-search --new compares.
  static void set_indexed(Xapian::Document& doc, std::uint64_t micros);

 private:
  void add_custom_fields(Xapian::Document& doc, const Article& article) const;
  // Sets the term generator up for the analysis of `language` (common/language.h).
  const Analysis& use_analysis_of(std::string_view language);

  Xapian::TermGenerator term_generator_;
  std::map<std::string_view, Xapian::Stem> stemmers_;  // by analysis name; built once each
  CustomFields fields_;
};

}  // namespace dipnews
