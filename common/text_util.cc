#include "text_util.h"

#include <algorithm>
#include <vector>

#include <xapian.h>

namespace dipnews {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower_ascii(s[i]) != lower_ascii(prefix[i])) return false;
  }
  return true;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

std::string slugify(std::string_view name) {
  std::string out;
  bool pending_dash = false;
  for (Xapian::Utf8Iterator it(name.data(), name.size()); it != Xapian::Utf8Iterator(); ++it) {
    unsigned ch = *it;
    if (!Xapian::Unicode::is_wordchar(ch) || ch == '_') {
      pending_dash = !out.empty();
      continue;
    }
    if (pending_dash) out += '-';
    pending_dash = false;
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(ch));
  }
  return out;
}

std::string fold_quotes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    // U+2018/2019 (‘ ’) and U+201C/201D (“ ”) are E2 80 98/99/9C/9D in UTF-8.
    if (static_cast<unsigned char>(s[i]) == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char third = static_cast<unsigned char>(s[i + 2]);
      if (third == 0x98 || third == 0x99) {
        out += '\'';
        i += 2;
        continue;
      }
      if (third == 0x9C || third == 0x9D) {
        out += '"';
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : trim(s)) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string_view utf8_truncate(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  // Well-formed UTF-8 as Unicode defines it (table 3-7): no overlong forms, no
  // surrogates, nothing above U+10FFFF. JSON writers and Xapian both rely on it.
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const auto in = [](unsigned char b, unsigned char lo, unsigned char hi) { return b >= lo && b <= hi; };
  const unsigned char lead = byte(i);
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead < 0x80) return 1;
  if (in(lead, 0xC2, 0xDF)) len = 2;
  else if (in(lead, 0xE0, 0xEF)) {
    len = 3;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (in(lead, 0xF0, 0xF4)) {
    len = 4;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (!in(byte(i + 1), lo, hi)) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (!in(byte(i + k), 0x80, 0xBF)) return 0;
  }
  return len;
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0, len; i < s.size(); i += len) {
    if ((len = utf8_sequence_length(s, i)) == 0) return false;
  }
  return true;
}

namespace {

// The code point of the well-formed sequence of `len` bytes at s[i].
char32_t code_point_at(std::string_view s, std::size_t i, std::size_t len) {
  const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[k])); };
  if (len == 1) return byte(i);
  char32_t cp = byte(i) & (0xFFu >> (len + 1));
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  return cp;
}

}  // namespace

bool is_control_code_point(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool has_control_code_point(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      ++i;
      continue;
    }
    if (is_control_code_point(code_point_at(s, i, len))) return true;
    i += len;
  }
  return false;
}

std::string controls_to_spaces(std::string_view s, std::string_view keep) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      out += s[i++];
      continue;
    }
    const bool kept = len == 1 && keep.find(s[i]) != std::string_view::npos;
    if (!kept && is_control_code_point(code_point_at(s, i, len))) out += ' ';
    else out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

namespace {

template <typename View>
std::size_t levenshtein(View a, View b, std::size_t limit) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0], best = row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t next = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = row[j];
      row[j] = next;
      best = std::min(best, next);
    }
    if (best > limit) return limit + 1;
  }
  return std::min(row[b.size()], limit + 1);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  return levenshtein(a, b, limit);
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  return levenshtein(a, b, limit);
}

std::string escape_json_controls(std::string_view json) {
  static const char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size();) {
    const std::size_t len = std::max<std::size_t>(1, utf8_sequence_length(json, i));
    const char32_t cp = len == 1 ? static_cast<unsigned char>(json[i]) : code_point_at(json, i, len);
    // C0 controls are already escaped by the JSON writer (and in its own whitespace between
    // values, allowed raw): only those above them here.
    if (cp >= 0x7F && is_control_code_point(cp) && (len > 1 || cp == 0x7F)) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
    } else {
      out.append(json.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string one_line(std::string_view message) {
  static const char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(message.size());
  for (std::size_t i = 0; i < message.size();) {
    const std::size_t len = utf8_sequence_length(message, i);
    if (len == 0) {  // not UTF-8: the byte itself, which a Latin-1 terminal could take for a C1 control
      const auto b = static_cast<unsigned char>(message[i++]);
      out += "\\x";
      out += hex[b >> 4];
      out += hex[b & 0xF];
      continue;
    }
    const char32_t cp = code_point_at(message, i, len);
    if (!is_control_code_point(cp)) {
      out.append(message.substr(i, len));
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp <= 0x7F) {
      out += "\\x";
      out += hex[cp >> 4];
      out += hex[cp & 0xF];
    } else {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
    }
    i += len;
  }
  return out;
}

}  // namespace dipnews
