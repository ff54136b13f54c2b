#include <catch2/catch.hpp>

#include <filesystem>

#include "dictionary_record.h"
#include "error.h"
#include "temp_dir.h"

using namespace dipnews;

namespace {

const char* const actors = "dictionary: actors\nversion: v7\n\nactor: zz-a\ntype: person\nname: Zed Aye\n";

}  // namespace

TEST_CASE("dictionary record: each file's path, version and content, kept through the index's metadata",
          "[dictionary_record]") {
  test::TempDir dir;
  const auto mine = dir.write("mine.actors", actors);
  const auto files = describe_dictionary_files({mine});
  REQUIRE(files.size() == 1);
  CHECK(files[0].path == std::filesystem::weakly_canonical(mine).string());
  CHECK(files[0].version == "mine.actors@v7");
  CHECK(files[0].digest.size() == 16);
  const auto decoded = decode_dictionary_files(encode_dictionary_files(files));
  REQUIRE(decoded.size() == 1);
  CHECK(decoded[0].path == files[0].path);
  CHECK(decoded[0].digest == files[0].digest);
  CHECK(encode_dictionary_files({}).empty());  // none: the key is removed
  CHECK(decode_dictionary_files("").empty());
  CHECK_THROWS_AS(decode_dictionary_files("[{\"path\":1}]"), RuntimeFailure);
  CHECK_THROWS_AS(describe_dictionary_files({dir / "gone.actors"}), RuntimeFailure);
}

TEST_CASE("dictionary record: a recorded file is there when a given one has its path or its content",
          "[dictionary_record]") {
  test::TempDir dir;
  const auto recorded = describe_dictionary_files({dir.write("mine.actors", actors)});
  std::filesystem::create_directories(dir.path() / "moved");
  const auto copy = describe_dictionary_files({dir.write("moved/copy.actors", actors)});
  CHECK(missing_dictionary_files(recorded, copy).empty());  // same content elsewhere
  dir.write("mine.actors", std::string(actors) + "alias: Zed\n");
  CHECK(missing_dictionary_files(recorded, describe_dictionary_files({dir / "mine.actors"})).empty());  // edited
  const auto other = describe_dictionary_files({dir.write("other.actors", "dictionary: actors\nversion: 1\n")});
  const auto missing = missing_dictionary_files(recorded, other);
  REQUIRE(missing.size() == 1);
  CHECK(describe_for_message(missing) == recorded[0].path + " (mine.actors@v7)");
  CHECK(missing_dictionary_files(recorded, {}).size() == 1);
}

TEST_CASE("distinct_files: one file named twice (config file and command line) is loaded once", "[dictionary_record]") {
  test::TempDir dir;
  const auto a = dir.write("a.actors", actors);
  const auto b = dir.write("b.actors", actors);
  CHECK(distinct_files({a, b, dir.path().string() + "/./a.actors", a}) == std::vector<std::string>{a, b});
}
