#include "input/html_encoding.h"

#include <cctype>
#include <string_view>

#include <xapian.h>

#include "text_util.h"

namespace dipnews::html {

namespace {

// Pages saved from older sites still come in Windows-1252, which browsers also use for
// pages labelled ISO-8859-1 or ASCII. Code points of 0x80-0x9F; 0 marks the five unused ones.
constexpr unsigned cp1252_high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool is_cp1252_label(const std::string& charset) {
  for (const char* label : {"windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1",
                            "l1", "us-ascii", "ascii"}) {
    if (charset == label) return true;
  }
  return false;
}

std::string cp1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out += c;
    } else {
      unsigned ch = b < 0xA0 ? cp1252_high[b - 0x80] : b;
      Xapian::Unicode::append_utf8(out, ch ? ch : 0xFFFD);
    }
  }
  return out;
}

// The charset a page declares (<meta charset=...> or http-equiv), lower case; "" if none.
std::string declared_charset(std::string_view page) {
  const std::string head = to_lower_ascii(page.substr(0, 4096));
  for (auto pos = head.find("charset"); pos != std::string::npos; pos = head.find("charset", pos + 7)) {
    std::size_t i = pos + 7;
    while (i < head.size() && head[i] == ' ') ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    const std::size_t start = i;
    while (i < head.size() && (std::isalnum(static_cast<unsigned char>(head[i])) || head[i] == '-' || head[i] == '_' ||
                               head[i] == '.' || head[i] == ':')) {
      ++i;
    }
    if (i > start) return head.substr(start, i - start);
  }
  return {};
}

long first_invalid_utf8_line(std::string_view text) {
  long line = 1;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (!is_valid_utf8(text.substr(0, end))) return line;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
    ++line;
  }
  return line;
}

}  // namespace

// Makes `page` UTF-8 (what gumbo parses), or says why it cannot be.
std::optional<InputError> to_utf8(std::string& page, const std::string& path) {
  if (page.rfind("\xEF\xBB\xBF", 0) == 0) page.erase(0, 3);
  if (page.rfind("\xFF\xFE", 0) == 0 || page.rfind("\xFE\xFF", 0) == 0) {
    return InputError{path, 0, "UTF-16 is not supported (convert the file to UTF-8)"};
  }
  if (is_valid_utf8(page)) return std::nullopt;  // a page mislabelled Latin-1 but written in UTF-8 is common
  const std::string charset = declared_charset(page);
  if (is_cp1252_label(charset)) {
    page = cp1252_to_utf8(page);
    return std::nullopt;
  }
  std::string what = "not valid UTF-8";
  if (!charset.empty()) what += " (declared charset '" + charset + "' is not supported)";
  return InputError{path, first_invalid_utf8_line(page), what + "; convert the file to UTF-8"};
}

}  // namespace dipnews::html
