// Data files loaded once for the unit tests that need them: the project's own boilerplate
// patterns, and the small test dictionary of tests/data (actors and topics with the hard cases).
#pragma once

#include <string>

#include "dictionary.h"
#include "input/boilerplate.h"
#include "lazy_dictionary.h"

namespace dipnews::test {

inline const BoilerplateFilter& bundled_boilerplate() {
  static const BoilerplateFilter filter = [] {
    BoilerplateFilter f;
    f.load_file(std::string(DIPNEWS_SOURCE_DIR) + "/corpus/boilerplate.txt");
    return f;
  }();
  return filter;
}

// As the searcher takes it (loaded here already).
inline const LazyDictionary& test_lazy_dictionary() {
  static const LazyDictionary d(Dictionary::load({std::string(DIPNEWS_SOURCE_DIR) + "/tests/data/test.actors",
                                                  std::string(DIPNEWS_SOURCE_DIR) + "/tests/data/test.topics"}));
  return d;
}

inline const Dictionary& test_dictionary() { return test_lazy_dictionary().get(); }

}  // namespace dipnews::test
