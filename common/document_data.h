// What the index keeps of each article for display: the fields a hit prints and the
// body its snippet is cut from. Encoded as a small JSON object in the document data.
#pragma once

#include <string>

#include "article.h"
#include "error.h"

namespace dipnews {

// `article` carries every tag it is stored with; `given` is the article as read, whose tags
// (the input's own) are kept apart so that --retag can tag it afresh without the input.
std::string encode_document_data(const Article& article, const Article& given);
inline std::string encode_document_data(const Article& article) { return encode_document_data(article, article); }

// What decode_document_data throws for data that is not an article's: a damaged index, or,
// for a reader racing a writer, a block the writer has just reused (Xapian 1.4 does not
// always notice that; the searcher retries from the newest revision).
class UnreadableDocumentData : public RuntimeFailure {
 public:
  using RuntimeFailure::RuntimeFailure;
};

// The article as stored: every tag. Throws UnreadableDocumentData when the data is not what
// encode_document_data wrote.
Article decode_document_data(const std::string& data);

// The article as it was read: only the tags its input gave.
Article decode_given_article(const std::string& data);

}  // namespace dipnews
