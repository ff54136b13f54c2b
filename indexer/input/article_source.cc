#include "input/article_source.h"
#include "file_errors.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "data_dir.h"
#include "input/article_cleaner.h"

namespace dipnews {

namespace {

BoilerplateFilter load_boilerplate(const IndexOptions& options) {
  BoilerplateFilter filter;
  filter.load_file(find_data_dir() + "/boilerplate.txt");
  for (const auto& file : options.boilerplate_files) filter.load_file(file);
  return filter;
}

// Adapts the reader interface to the two callbacks, cleaning each article on the way.
class CleaningSink : public ArticleSink {
 public:
  CleaningSink(const BoilerplateFilter& boilerplate, const std::function<void(Article&&)>& on_article,
               const std::function<void(const InputError&)>& on_error)
      : boilerplate_(boilerplate), on_article_(on_article), on_error_(on_error) {}

  void article(Article&& a) override {
    if (auto problem = clean_article(a, boilerplate_)) return on_error_({a.origin_file, a.origin_line, *problem});
    on_article_(std::move(a));
  }
  void error(const InputError& e) override { on_error_(e); }

 private:
  const BoilerplateFilter& boilerplate_;
  const std::function<void(Article&&)>& on_article_;
  const std::function<void(const InputError&)>& on_error_;
};

}  // namespace

ArticleSource::ArticleSource(const IndexOptions& options)
    : options_(options), boilerplate_(load_boilerplate(options)) {}

namespace {

std::uint64_t file_size(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

}  // namespace

std::uint64_t ArticleSource::total_bytes() const {
  std::uint64_t total = 0;
  for (const auto& file : expand_inputs(options_.inputs, options_.input_format).files) {
    if (file.path == stdin_name) return 0;
    total += file_size(file.path);
  }
  return total;
}

void ArticleSource::read_all(const std::function<void(Article&&)>& on_article,
                             const std::function<void(const InputError&)>& on_error,
                             const FileObserver& on_file) const {
  CleaningSink sink(boilerplate_, on_article, on_error);
  auto inputs = expand_inputs(options_.inputs, options_.input_format);
  for (const auto& e : inputs.errors) on_error(e);
  for (const auto& file : inputs.files) {
    auto reader = make_reader(file.format, boilerplate_, options_.fields);
    if (on_file) on_file(file.path, file.path == stdin_name ? 0 : file_size(file.path));
    if (file.path == stdin_name) {
      reader->read(std::cin, stdin_label, sink);
      continue;
    }
    errno = 0;
    std::ifstream in(file.path, std::ios::binary);
    if (!in) {
      on_error({file.path, 0, cannot_open_file(file.path, errno)});
      continue;
    }
    reader->read(in, file.path, sink);
  }
}

}  // namespace dipnews
