#include "document_data.h"

#include <nlohmann/json.hpp>

#include "error.h"

namespace dipnews {

std::string encode_document_data(const Article& article, const Article& given) {
  nlohmann::json j = {
      {"id", article.id},         {"title", article.title},   {"date", article.date},
      {"source", article.source}, {"url", article.url},       {"language", article.language},
      {"actors", article.actors}, {"topics", article.topics}, {"body", article.body},
  };
  if (!given.actors.empty()) j["given_actors"] = given.actors;
  if (!given.topics.empty()) j["given_topics"] = given.topics;
  // The user's own fields, as [name, value] pairs in input order (absent when none).
  if (!article.fields.empty()) j["fields"] = article.fields;
  return j.dump();
}

Article decode_document_data(const std::string& data) {
  try {
    const auto j = nlohmann::json::parse(data);
    Article a;
    a.id = j.at("id").get<std::string>();
    a.title = j.value("title", "");
    a.date = j.value("date", "");
    a.source = j.value("source", "");
    a.url = j.value("url", "");
    a.language = j.value("language", "");
    a.actors = j.value("actors", std::vector<std::string>{});
    a.topics = j.value("topics", std::vector<std::string>{});
    a.body = j.value("body", "");
    a.fields = j.value("fields", std::vector<std::pair<std::string, std::string>>{});
    return a;
  } catch (const nlohmann::json::exception& e) {
    throw UnreadableDocumentData(std::string("unreadable document data in the index: ") + e.what());
  }
}

Article decode_given_article(const std::string& data) {
  Article a = decode_document_data(data);
  const auto j = nlohmann::json::parse(data);  // valid: decode_document_data read it
  a.actors = j.value("given_actors", std::vector<std::string>{});
  a.topics = j.value("given_topics", std::vector<std::string>{});
  return a;
}

}  // namespace dipnews
