#include "query/field_processors.h"

#include "custom_fields.h"
#include "text_util.h"

namespace dipnews {

Xapian::Query SlugFieldProcessor::operator()(const std::string& value) {
  const std::string slug = slugify(value);
  if (slug.empty()) return errors_.report(field_ + ": needs a value (e.g. " + field_ + ":\"Meridian Post\")");
  return Xapian::Query(prefix_ + slug);
}

Xapian::Query CustomFieldProcessor::operator()(const std::string& value) {
  const std::string term = custom_field_term(field_, value);
  if (term.empty()) return errors_.report(field_ + ": needs a value (e.g. " + field_ + ":\"some value\")");
  return Xapian::Query(term);
}

}  // namespace dipnews
