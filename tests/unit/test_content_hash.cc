#include <catch2/catch.hpp>

#include "writing/content_hash.h"

using namespace dipnews;

TEST_CASE("content hash is stable and sensitive to every indexed field", "[hash]") {
  Article a;
  a.id = "x";
  a.title = "Talks";
  a.body = "Body text.";
  a.date = "2025-12-15";
  const std::string h = content_hash(a, "dict@1");
  CHECK(h.size() == 16);
  CHECK(content_hash(a, "dict@1") == h);

  Article b = a;
  b.body += " More.";
  CHECK(content_hash(b, "dict@1") != h);
  b = a;
  b.date = "2025-12-16";
  CHECK(content_hash(b, "dict@1") != h);
  b = a;
  b.actors = {"rus"};
  CHECK(content_hash(b, "dict@1") != h);
  // Field boundaries matter: moving text from title to body is a change.
  b = a;
  b.title = "Talk";
  b.body = "sBody text.";
  CHECK(content_hash(b, "dict@1") != h);
  // Where an article came from is not content.
  b = a;
  b.origin_file = "elsewhere.jsonl";
  b.origin_line = 7;
  CHECK(content_hash(b, "dict@1") == h);
  // New dictionaries mean new tags: the article must be rewritten.
  CHECK(content_hash(a, "dict@2") != h);
}
