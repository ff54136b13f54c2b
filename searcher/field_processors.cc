#include "field_processors.h"

#include "text_util.h"

namespace dipnews {

Xapian::Query SlugFieldProcessor::operator()(const std::string& value) {
  const std::string slug = slugify(value);
  if (slug.empty()) throw Xapian::QueryParserError("empty value for a field that needs one");
  return Xapian::Query(prefix_ + slug);
}

}  // namespace dipnews
