#include "lazy_dictionary.h"

#include <utility>

namespace dipnews {

LazyDictionary::LazyDictionary(std::vector<std::string> extra_files) : extra_files_(std::move(extra_files)) {
  if (!extra_files_.empty()) get();
}

LazyDictionary::LazyDictionary(Dictionary loaded) {
  std::call_once(once_, [&] { dictionary_ = std::make_unique<const Dictionary>(std::move(loaded)); });
}

const Dictionary& LazyDictionary::get() const {
  // call_once leaves the flag unset when loading throws: the next caller tries again and
  // gets the same error, rather than a null dictionary.
  std::call_once(once_,
                 [this] { dictionary_ = std::make_unique<const Dictionary>(Dictionary::load_default(extra_files_)); });
  return *dictionary_;
}

}  // namespace dipnews
