#include <catch2/catch.hpp>

#include "document_data.h"
#include "error.h"

using namespace dipnews;

TEST_CASE("document data round-trips every displayed field", "[document_data]") {
  Article a;
  a.id = "meridian-post-1";
  a.title = "Talks \"resume\"";
  a.body = "Line one.\n\nLine two \xE2\x80\x99.";
  a.date = "2025-12-15";
  a.source = "Meridian Post";
  a.url = "https://meridian.example/1";
  a.language = "en";
  a.actors = {"ukr", "rus"};
  a.topics = {"ceasefire"};
  const Article b = decode_document_data(encode_document_data(a));
  CHECK(b.id == a.id);
  CHECK(b.title == a.title);
  CHECK(b.body == a.body);
  CHECK(b.date == a.date);
  CHECK(b.source == a.source);
  CHECK(b.url == a.url);
  CHECK(b.language == a.language);
  CHECK(b.actors == a.actors);
  CHECK(b.topics == a.topics);
}

TEST_CASE("foreign document data is reported - not crashed on", "[document_data]") {
  CHECK_THROWS_AS(decode_document_data("not json"), RuntimeFailure);
  CHECK_THROWS_AS(decode_document_data("{\"title\":\"no id\"}"), RuntimeFailure);
  // Empty data (a reader racing a writer may read it) has its own type: the searcher retries it.
  CHECK_THROWS_AS(decode_document_data(""), UnreadableDocumentData);
}
