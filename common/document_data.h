// What the index keeps of each article for display: the fields a hit prints and the
// body its snippet is cut from. Encoded as a small JSON object in the document data.
#pragma once

#include <string>

#include "article.h"

namespace dipnews {

std::string encode_document_data(const Article& article);

// Throws RuntimeFailure when the data is not what encode_document_data wrote.
Article decode_document_data(const std::string& data);

}  // namespace dipnews
