// The project's own data files, loaded once for the unit tests that need them.
#pragma once

#include <string>

#include "boilerplate.h"

namespace dipnews::test {

inline const BoilerplateFilter& bundled_boilerplate() {
  static const BoilerplateFilter filter = [] {
    BoilerplateFilter f;
    f.load_file(std::string(DIPNEWS_SOURCE_DIR) + "/corpus/boilerplate.txt");
    return f;
  }();
  return filter;
}

}  // namespace dipnews::test
