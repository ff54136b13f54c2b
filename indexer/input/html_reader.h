// HTML input (docs/reference.md, Input): one article per saved web page, parsed with gumbo (an HTML5 parser,
// so broken markup parses as a browser would parse it). Title, date, source, url and language
// come from the page's metadata (OpenGraph, article:published_time, schema.org microdata and
// JSON-LD, <link rel=canonical>, <title>, <time>, <html lang>); the body is the text of the
// article element without navigation, scripts, share buttons, cookie banners and other page
// furniture, one paragraph per block element. The id is the file name without its extension
// (a name starting with YYYY-MM-DD dates an undated page); a page read from stdin takes its
// canonical URL as its id.
#pragma once

#include "input/article_reader.h"

namespace dipnews {

class HtmlReader : public ArticleReader {
 public:
  explicit HtmlReader(const BoilerplateFilter& boilerplate) : boilerplate_(boilerplate) {}
  void read(std::istream& in, const std::string& path, ArticleSink& sink) const override;

 private:
  const BoilerplateFilter& boilerplate_;
};

}  // namespace dipnews
