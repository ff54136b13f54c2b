#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "error.h"
#include "index_directory.h"
#include "temp_dir.h"

using namespace dipnews;
using State = IndexDirectory::State;

TEST_CASE("index_directory: the files of an index are Xapian glass's and the indexer's own",
          "[unit][index_directory]") {
  for (const char* name :
       {"iamglass", "v.tmp", "flintlock", "postlist.glass", "termlist.glass", "docdata.glass", "position.glass",
        "spelling.glass", "synonym.glass", "changes12", "dipnews-writer.pid", "dipnews-checked"}) {
    CHECK(is_index_file(name));
  }
  for (const char* name :
       {"XAPIANDB", "notes.txt", "today.jsonl", "changes", "changes1a", "other.glass", "iamchert", ".x"}) {
    CHECK_FALSE(is_index_file(name));
  }
}

TEST_CASE("index_directory: what a directory holds decides what the indexer may do there", "[unit][index_directory]") {
  test::TempDir dir;
  CHECK(inspect_index_directory(dir / "none").state == State::absent);
  std::filesystem::create_directories(dir / "d");
  CHECK(inspect_index_directory(dir / "d").state == State::empty);
  dir.write("d/flintlock", "");
  dir.write("d/postlist.glass", "");
  CHECK(inspect_index_directory(dir / "d").state == State::unfinished);
  dir.write("d/iamglass", "x");
  CHECK(inspect_index_directory(dir / "d").state == State::index);
  dir.write("d/b.txt", "");
  dir.write("d/a.txt", "");
  auto foreign = inspect_index_directory(dir / "d");
  CHECK(foreign.state == State::foreign);
  CHECK(foreign.others_text() == "a.txt and b.txt");
  for (const char* more : {"c", "d", "e"}) dir.write(std::string("d/") + more, "");
  CHECK(inspect_index_directory(dir / "d").others_text() == "a.txt, b.txt, c and 2 more");
  CHECK(inspect_index_directory(dir / "d/iamglass").reason == IndexDirectory::not_a_directory);
}

TEST_CASE("index_directory: an unfinished index loses its leftovers - never another file", "[unit][index_directory]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "d");
  for (const char* name : {"flintlock", "v.tmp", "postlist.glass", "termlist.glass"})
    dir.write(std::string("d/") + name, "");
  REQUIRE(inspect_index_directory(dir / "d").state == State::unfinished);
  restart_unfinished_index(dir / "d");
  CHECK(inspect_index_directory(dir / "d").state == State::unfinished);  // flintlock stays, for Xapian
  CHECK(std::filesystem::exists(dir / "d/flintlock"));
  CHECK_FALSE(std::filesystem::exists(dir / "d/postlist.glass"));
  CHECK_FALSE(std::filesystem::exists(dir / "d/v.tmp"));
}
