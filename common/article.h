// The article model: what every reader produces and what the indexer stores.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace dipnews {

struct Article {
  std::string id;  // the user's id, unique in an index (never a Xapian docid)
  std::string title;
  std::string body;
  std::string date;    // "YYYY-MM-DD" or empty when the article is undated
  std::string source;  // display name of the outlet, e.g. "Meridian Post"
  std::string url;
  std::string language;
  std::vector<std::string> actors;  // human tags given in the input
  std::vector<std::string> topics;
  // The user's own fields (common/custom_fields.h): {field name, value as written}, in input
  // order; a field may have several values.
  std::vector<std::pair<std::string, std::string>> fields;

  // Where it came from, for error messages.
  std::string origin_file;
  long origin_line = 0;
};

}  // namespace dipnews
