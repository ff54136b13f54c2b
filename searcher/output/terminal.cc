#include "output/terminal.h"

#include <cstdlib>

#include <unistd.h>

namespace dipnews {

bool color_wanted(ColorMode mode, bool terminal, const char* no_color, const char* term) {
  switch (mode) {
    case ColorMode::always: return true;
    case ColorMode::never: return false;
    case ColorMode::automatic: break;
  }
  if (no_color && *no_color) return false;
  // TERM=dumb is a terminal that cannot show escape sequences (Emacs' shell buffers, some
  // CI consoles): grep, ls and git leave colour off for it too.
  if (term && std::string_view(term) == "dumb") return false;
  return terminal;
}

bool use_color(ColorMode mode) {
  return color_wanted(mode, isatty(STDOUT_FILENO) == 1, std::getenv("NO_COLOR"), std::getenv("TERM"));
}

}  // namespace dipnews
