// Whether to colour text output: only on a terminal, unless the user says otherwise.
#pragma once

#include <string_view>
#include <utility>

namespace dipnews {

enum class ColorMode { automatic, always, never };
inline constexpr std::pair<std::string_view, ColorMode> color_modes[] = {
    {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};

// --color=auto colours only a terminal, and not when NO_COLOR is set (https://no-color.org)
// or TERM is "dumb". use_color() asks the process; color_wanted() is the rule itself.
bool use_color(ColorMode mode);
bool color_wanted(ColorMode mode, bool terminal, const char* no_color, const char* term);

namespace ansi {
inline constexpr std::string_view reset = "\x1b[0m";
inline constexpr std::string_view bold = "\x1b[1m";
inline constexpr std::string_view dim = "\x1b[2m";
inline constexpr std::string_view highlight = "\x1b[1;33m";  // bold yellow, as grep's matches
}  // namespace ansi

}  // namespace dipnews
