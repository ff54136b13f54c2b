// Shared pieces of the libFuzzer targets: the bundled data, a sink that cleans what a reader
// produces as the indexer does, and the invariants every target checks. A broken invariant
// aborts, so libFuzzer saves the input that broke it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "dictionary.h"
#include "input/article_cleaner.h"
#include "input/article_reader.h"
#include "input/boilerplate.h"
#include "schema.h"
#include "text_util.h"

namespace dipnews::fuzz {

[[noreturn]] inline void fail(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz invariant broken: %s%s%s\n", what, detail.empty() ? "" : ": ", detail.c_str());
  std::abort();
}

#define FUZZ_CHECK(condition, detail)                            \
  do {                                                           \
    if (!(condition)) ::dipnews::fuzz::fail(#condition, detail); \
  } while (0)

inline std::string source_dir() { return DIPNEWS_SOURCE_DIR; }

inline const BoilerplateFilter& bundled_boilerplate() {
  static const BoilerplateFilter filter = [] {
    BoilerplateFilter f;
    f.load_file(source_dir() + "/corpus/boilerplate.txt");
    return f;
  }();
  return filter;
}

inline const Dictionary& bundled_dictionary() {
  static const Dictionary d = Dictionary::load(Dictionary::files_in(source_dir() + "/corpus/dictionaries"));
  return d;
}

// What the indexer checks of every article it is about to write, whatever the reader.
inline void check_clean_article(const Article& a) {
  for (const std::string* field : {&a.id, &a.title, &a.body, &a.source, &a.url, &a.language}) {
    FUZZ_CHECK(is_valid_utf8(*field), "a cleaned field is not UTF-8");
  }
  FUZZ_CHECK(!a.id.empty(), "");
  FUZZ_CHECK(a.id.size() <= schema::max_id_bytes, a.id);
  FUZZ_CHECK(schema::id_term(a.id).size() <= schema::max_term_bytes, a.id);
  FUZZ_CHECK(!(a.title.empty() && a.body.empty()), a.id);
}

// Reads like the indexer: every article cleaned, problems kept with their line numbers.
struct CleaningSink : ArticleSink {
  std::vector<Article> articles;
  std::vector<InputError> errors;
  void article(Article&& a) override {
    FUZZ_CHECK(!a.origin_file.empty(), "article without its file");
    FUZZ_CHECK(a.origin_line >= 1, a.origin_file);
    if (auto problem = clean_article(a, bundled_boilerplate())) {
      errors.push_back({a.origin_file, a.origin_line, *problem});
      return;
    }
    check_clean_article(a);
    articles.push_back(std::move(a));
  }
  void error(const InputError& e) override {
    FUZZ_CHECK(!e.what.empty(), e.to_string());
    FUZZ_CHECK(e.line >= 0, e.to_string());
    errors.push_back(e);
  }
};

inline std::size_t count_lines(const std::string& text) {
  std::size_t lines = 1;
  for (char c : text) lines += c == '\n';
  return lines;
}

}  // namespace dipnews::fuzz
