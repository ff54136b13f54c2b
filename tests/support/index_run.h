// Writing articles in tests and fuzzers as a dipnews-index run writes them (indexer/pipeline.cc),
// through the same parts in the same order: the content hash, the lookup of the stored hash
// in ExistingArticles (unchanged articles are skipped), DocumentPreparer, IndexWriter::store.
// Header-only, so that the fuzzers use it without the Catch2 support library.
#pragma once

#include <optional>
#include <string>

#include "article.h"
#include "tagging/tagger.h"
#include "writing/content_hash.h"
#include "writing/document_preparer.h"
#include "writing/existing_articles.h"
#include "writing/index_writer.h"

namespace dipnews::test {

// One run. Like the pipeline, it compares with the index as it was when the run started
// (ExistingArticles is opened once the writer has created the index): an id written twice
// in one run is not found the second time, where the pipeline reports a duplicate id. Write
// it again in a new run to see it unchanged or replaced.
class IndexRun {
 public:
  // Without a tagger, articles keep the tags given in the input; with one, `options.tagged_with`
  // names its dictionaries (Dictionary::version()).
  explicit IndexRun(const std::string& path, IndexWriterOptions options = {}, const Tagger* tagger = nullptr)
      : tagging_version_(options.tagged_with.value_or("")),
        writer_(path, std::move(options)),
        existing_(path),
        preparer_(tagger, tagging_version_) {}

  WriteOutcome write(const Article& article) {
    std::string hash = content_hash(article, tagging_version_);
    const std::optional<std::string> stored = existing_.hash_of(article.id);
    if (stored == hash) return WriteOutcome::unchanged;
    return writer_.store(preparer_.prepare(article, std::move(hash)), stored.has_value());
  }

  IndexWriter& writer() { return writer_; }

 private:
  std::string tagging_version_;
  IndexWriter writer_;
  ExistingArticles existing_;
  DocumentPreparer preparer_;
};

}  // namespace dipnews::test
