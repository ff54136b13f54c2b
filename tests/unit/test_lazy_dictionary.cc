#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "error.h"
#include "lazy_dictionary.h"
#include "temp_dir.h"

using namespace dipnews;

namespace {

std::string test_file(const std::string& name) {
  std::ifstream in(std::string(DIPNEWS_SOURCE_DIR) + "/tests/data/" + name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A data directory of its own (DIPNEWS_DATA_DIR) for the length of a test.
class DataDir {
 public:
  DataDir() {
    dir_.write("boilerplate.txt", "");
    std::filesystem::create_directory(dir_.path() / "dictionaries");
    if (const char* old = std::getenv("DIPNEWS_DATA_DIR")) old_ = old;
    setenv("DIPNEWS_DATA_DIR", dir_.path().c_str(), 1);
  }
  ~DataDir() {
    if (old_.empty()) unsetenv("DIPNEWS_DATA_DIR");
    else setenv("DIPNEWS_DATA_DIR", old_.c_str(), 1);
  }
  std::string write(const std::string& name, const std::string& content) const { return dir_.write(name, content); }

 private:
  test::TempDir dir_;
  std::string old_;
};

}  // namespace

TEST_CASE("lazy dictionary: nothing read until asked - then read once for every thread", "[lazy_dictionary]") {
  DataDir data;
  const LazyDictionary lazy(std::vector<std::string>{});
  // Written after construction: an eager load would not have seen it.
  data.write("dictionaries/test.actors", test_file("test.actors"));

  std::vector<const Dictionary*> seen(8);
  std::vector<std::thread> threads;
  for (auto& p : seen) threads.emplace_back([&lazy, &p] { p = &lazy.get(); });
  for (auto& t : threads) t.join();
  for (const Dictionary* p : seen) CHECK(p == seen[0]);
  CHECK(lazy.get().resolve_actor("Russian Federation") == std::optional<std::string>("rus"));

  // Once loaded, it stays: later changes to the files are not read.
  data.write("dictionaries/test.actors", test_file("bad.actors"));
  CHECK(&lazy.get() == seen[0]);
}

TEST_CASE("lazy dictionary: a loading error reaches every caller - never an empty dictionary", "[lazy_dictionary]") {
  DataDir data;
  const auto path = data.write("dictionaries/broken.actors", "no header here\n");
  const LazyDictionary lazy(std::vector<std::string>{});
  CHECK_THROWS_AS(lazy.get(), RuntimeFailure);
  CHECK_THROWS_WITH(lazy.get(), Catch::StartsWith(path + ":1: error:"));
}

TEST_CASE("lazy dictionary: files the user named are read at once - a mistake shows whatever the query",
          "[lazy_dictionary]") {
  DataDir data;
  test::TempDir mine;
  const auto path = mine.write("mine.actors", "no header here\n");
  CHECK_THROWS_WITH(LazyDictionary(std::vector<std::string>{path}), Catch::StartsWith(path + ":1: error:"));
  const auto good = mine.write("good.actors", test_file("test.actors"));
  const LazyDictionary lazy(std::vector<std::string>{good});
  CHECK(lazy.get().resolve_actor("Russia") == std::optional<std::string>("rus"));
}

TEST_CASE("lazy dictionary: the index's own dictionaries wait for first use - then count", "[lazy_dictionary]") {
  DataDir data;
  test::TempDir mine;
  // Not named by the user: a keyword search never reads them, a mistake shows when one is needed.
  const auto broken = mine.write("recorded.actors", "no header here\n");
  const LazyDictionary waiting(std::vector<std::string>{}, {broken});
  CHECK_THROWS_WITH(waiting.get(), Catch::StartsWith(broken + ":1: error:"));
  const auto good = mine.write("good.actors", test_file("test.actors"));
  const LazyDictionary lazy(std::vector<std::string>{}, {good});
  CHECK(lazy.get().resolve_actor("Russia") == std::optional<std::string>("rus"));
}
