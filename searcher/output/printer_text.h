// --format=text: readable blocks for people, colour only on a terminal.
#pragma once

#include <ostream>
#include <string_view>

#include "output/printer.h"

namespace dipnews {

// A batch prints each query as a single search does, under a "## QID: QUERY" heading.
class TextPrinter final : public Printer {
 public:
  TextPrinter(std::ostream& out, bool color) : out_(out), color_(color) {}
  void result(const SearchResult& result) override;
  void count(const SearchResult& result) override;
  void batch_begin(bool counts) override;
  void batch_result(const BatchQuery& query, const SearchResult& result) override;
  void batch_count(const BatchQuery& query, const SearchResult& result) override;
  void batch_error(const BatchQuery& query, const Error& error) override;
  void catalogue(const Catalogue& catalogue) override;

 private:
  void hit(const Hit& hit);
  void aggregations(const Aggregations& a);
  void timeline(const Timeline& t);
  void custom_field_line(const Article& article);
  void tag_line(std::string_view label, const std::vector<std::string>& ids, const std::vector<std::string>& matched);
  void styled(std::string_view style, std::string_view text);
  void snippet(const Snippet& snippet);
  void heading(const BatchQuery& query);

  std::ostream& out_;
  bool color_;
};

}  // namespace dipnews
