// The dictionaries, loaded on first use. Most searches (keywords, phrases, dates) never
// resolve an actor or a topic, and loading and indexing the ~800 bundled entries was most
// of a short search's run time (process start included); a search that needs them (a
// field, a facet, the catalogue) loads them once, whichever thread asks first.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "dictionary.h"

namespace dipnews {

class LazyDictionary {
 public:
  // The bundled dictionaries plus extra_files, then also_files. Extra files the user named
  // are loaded at once, so that a mistake in them is reported whatever the query; also_files
  // (those the index was tagged with: index_dictionaries.h) wait for first use like the
  // bundled ones, so that a keyword search does not pay for loading them.
  explicit LazyDictionary(std::vector<std::string> extra_files, const std::vector<std::string>& also_files = {});
  // An already loaded dictionary (tests, and callers that need it anyway).
  explicit LazyDictionary(Dictionary loaded);

  // Loads on the first call; thread-safe. A loading error is thrown to every caller.
  const Dictionary& get() const;

 private:
  std::vector<std::string> extra_files_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<const Dictionary> dictionary_;
};

}  // namespace dipnews
