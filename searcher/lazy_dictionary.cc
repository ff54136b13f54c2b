#include "lazy_dictionary.h"

#include <utility>

namespace dipnews {

LazyDictionary::LazyDictionary(std::vector<std::string> extra_files, const std::vector<std::string>& also_files)
    : extra_files_(std::move(extra_files)) {
  const bool named = !extra_files_.empty();
  extra_files_.insert(extra_files_.end(), also_files.begin(), also_files.end());
  if (named) get();
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
