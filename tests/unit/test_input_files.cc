#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "input/input_files.h"
#include "temp_dir.h"

using namespace dipnews;

TEST_CASE("formats come from extensions or --input-format", "[inputs]") {
  CHECK(format_from_extension("a/b.jsonl") == InputFormat::jsonl);
  CHECK(format_from_extension("b.NDJSON") == InputFormat::jsonl);
  CHECK(format_from_extension("b.txt") == InputFormat::text);
  CHECK(format_from_extension("b.md") == InputFormat::text);
  CHECK(format_from_extension("saved/page.html") == InputFormat::html);
  CHECK(format_from_extension("PAGE.HTM") == InputFormat::html);
  CHECK_FALSE(format_from_extension("b.pdf"));
  CHECK_FALSE(format_from_extension("README"));
  CHECK(parse_input_format("text") == InputFormat::text);
  CHECK(parse_input_format("html") == InputFormat::html);
  CHECK_FALSE(parse_input_format("xml"));
}

TEST_CASE("directories are walked recursively - sorted - skipping hidden and unknown files", "[inputs]") {
  test::TempDir dir;
  dir.write("b.jsonl", "");
  dir.write("a/z.txt", "");
  dir.write("a/notes.pdf", "");
  dir.write("a/page.htm", "");
  dir.write(".hidden/c.jsonl", "");
  dir.write(".d.txt", "");
  auto out = expand_inputs({dir.path().string()}, std::nullopt);
  CHECK(out.errors.empty());
  REQUIRE(out.files.size() == 3);
  CHECK(out.files[0].path == dir / "a/page.htm");
  CHECK(out.files[0].format == InputFormat::html);
  CHECK(out.files[1].path == dir / "a/z.txt");
  CHECK(out.files[1].format == InputFormat::text);
  CHECK(out.files[2].path == dir / "b.jsonl");
}

TEST_CASE("a directory with no article file is a warning - not an error", "[inputs]") {
  test::TempDir dir;
  dir.write("empty/notes.pdf", "");
  dir.write("full/a.jsonl", "");
  auto out = expand_inputs({dir / "empty", dir / "full"}, std::nullopt);
  REQUIRE(out.errors.size() == 1);
  CHECK(out.errors[0].warning);
  CHECK(out.errors[0].to_string() == dir / "empty" +
                                         ": warning: no article files in this directory (.jsonl, .ndjson, "
                                         ".txt, .md, .html, .htm)");
  REQUIRE(out.files.size() == 1);
  CHECK(out.files[0].path == dir / "full/a.jsonl");
}

TEST_CASE("named inputs that cannot be read are errors - stdin defaults to JSONL", "[inputs]") {
  test::TempDir dir;
  const auto pdf = dir.write("x.pdf", "");
  auto out = expand_inputs({dir / "missing.jsonl", pdf, "-"}, std::nullopt);
  REQUIRE(out.errors.size() == 2);
  CHECK(out.errors[0].what == "no such file or directory");
  CHECK_THAT(out.errors[1].what, Catch::StartsWith("unknown input format"));
  REQUIRE(out.files.size() == 1);
  CHECK(out.files[0].path == "-");
  CHECK(out.files[0].format == InputFormat::jsonl);

  auto forced = expand_inputs({pdf}, InputFormat::text);
  CHECK(forced.errors.empty());
  REQUIRE(forced.files.size() == 1);
  CHECK(forced.files[0].format == InputFormat::text);
}

TEST_CASE("symbolic link loops are reported - never followed forever - never fatal", "[inputs]") {
  test::TempDir dir;
  dir.write("tree/sub/a.txt", "");
  std::filesystem::create_directory_symlink("..", dir.path() / "tree/sub/up");  // a directory loop
  std::filesystem::create_symlink("y.txt", dir.path() / "tree/x.txt");          // a file loop
  std::filesystem::create_symlink("x.txt", dir.path() / "tree/y.txt");
  auto out = expand_inputs({dir / "tree"}, std::nullopt);
  REQUIRE(out.files.size() == 1);
  CHECK(out.files[0].path == dir / "tree/sub/a.txt");
  REQUIRE(out.errors.size() == 2);
  std::set<std::string> looped;
  for (const auto& e : out.errors) {
    CHECK(e.what == "cannot read: Too many levels of symbolic links");
    looped.insert(e.file);
  }
  CHECK(looped == std::set<std::string>{dir / "tree/x.txt", dir / "tree/y.txt"});

  auto named = expand_inputs({dir / "tree/x.txt"}, std::nullopt);
  REQUIRE(named.errors.size() == 1);
  CHECK(named.errors[0].what == "cannot read: Too many levels of symbolic links");
}
