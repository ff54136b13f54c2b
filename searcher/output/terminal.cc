#include "output/terminal.h"

#include <cstdlib>

#include <unistd.h>

namespace dipnews {

bool use_color(ColorMode mode) {
  switch (mode) {
    case ColorMode::always: return true;
    case ColorMode::never: return false;
    case ColorMode::automatic: break;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO) == 1;
}

}  // namespace dipnews
