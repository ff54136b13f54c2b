#include <catch2/catch.hpp>

#include "output/terminal.h"

using namespace dipnews;

TEST_CASE("colour: auto means a terminal that can show it, and no NO_COLOR", "[terminal]") {
  CHECK(color_wanted(ColorMode::automatic, true, nullptr, "xterm-256color"));
  CHECK_FALSE(color_wanted(ColorMode::automatic, false, nullptr, "xterm-256color"));  // a pipe or file
  CHECK_FALSE(color_wanted(ColorMode::automatic, true, "1", "xterm"));
  CHECK(color_wanted(ColorMode::automatic, true, "", "xterm"));  // NO_COLOR counts only when not empty
  CHECK_FALSE(color_wanted(ColorMode::automatic, true, nullptr, "dumb"));
  CHECK(color_wanted(ColorMode::automatic, true, nullptr, nullptr));
}

TEST_CASE("colour: --color=always and never override the environment", "[terminal]") {
  CHECK(color_wanted(ColorMode::always, false, "1", "dumb"));
  CHECK_FALSE(color_wanted(ColorMode::never, true, nullptr, "xterm"));
}
