// The Catch2 main of every test binary. The tests run the real binaries, which read the
// user's config file ($DIPNEWS_CONFIG, ~/.config/dipnews/config): tests read none, whatever
// the developer's home holds, unless a test sets one up itself.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  unsetenv("DIPNEWS_CONFIG");
  setenv("XDG_CONFIG_HOME", "/nonexistent/dipnews-tests-read-no-config", 1);
  return Catch::Session().run(argc, argv);
}
