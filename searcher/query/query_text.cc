#include "query/query_text.h"

#include <algorithm>
#include <cctype>

#include <xapian.h>

#include "text_util.h"

namespace dipnews {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_operator_word(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ" || w.rfind("NEAR/", 0) == 0 ||
         w.rfind("ADJ/", 0) == 0;
}

std::string_view core_of(std::string_view t) {
  while (!t.empty() && (t.front() == '(' || t.front() == '+' || t.front() == '-')) t.remove_prefix(1);
  while (!t.empty() && t.back() == ')') t.remove_suffix(1);
  return t;
}

std::string match_all_token() { return std::string(match_all_field) + ":all"; }

}  // namespace

std::vector<QueryToken> scan_query(std::string_view text) {
  std::vector<QueryToken> tokens;
  std::size_t i = 0;
  bool after_not = false;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i == text.size()) break;
    const std::size_t start = i;
    bool quoted = false;
    while (i < text.size() && (quoted || !is_space(text[i]))) {
      if (text[i] == '"') quoted = !quoted;
      ++i;
    }
    QueryToken t;
    t.text = text.substr(start, i - start);
    t.core = core_of(t.text);
    t.is_operator = is_operator_word(t.text);
    t.excluded = !t.is_operator && (t.text.front() == '-' || after_not);
    after_not = t.text == "NOT";
    tokens.push_back(t);
  }
  return tokens;
}

std::string rewrite_for_parser(std::string_view text) {
  std::string out;
  bool positive = false;
  bool any_word = false;  // a lone '-' or '(' is no word: it must not become "every article"
  std::size_t copied = 0;
  for (const auto& t : scan_query(text)) {
    any_word = any_word || (!t.is_operator && !t.core.empty());
    const std::size_t begin = static_cast<std::size_t>(t.text.data() - text.data());
    out.append(text.substr(copied, begin - copied));
    if (t.core == "*") {
      // Keep the brackets and sign around the star: "(*" stays "(dipnews_all:all".
      const std::size_t star = t.text.find('*');
      out.append(t.text.substr(0, star)).append(match_all_token()).append(t.text.substr(star + 1));
    } else {
      out.append(t.text);
    }
    copied = begin + t.text.size();
    positive = positive || (!t.is_operator && !t.excluded);
  }
  out.append(text.substr(copied));
  if (!positive && any_word) out = match_all_token() + " " + out;
  // An unclosed phrase runs to the end of the query, as Xapian reads one on its own; after
  // a field (`title:"peace plan`) its parser would instead fail and silently re-read the whole
  // query as plain words ("title", "peace", "plan"). So the quote is closed here.
  if (std::count(out.begin(), out.end(), '"') % 2 == 1) out += '"';
  return out;
}

std::optional<std::string> field_without_value(std::string_view text, const std::vector<std::string_view>& fields) {
  for (const auto& t : scan_query(text)) {
    for (auto field : fields) {
      if (t.core.size() == field.size() + 1 && t.core.substr(0, field.size()) == field && t.core.back() == ':') {
        return std::string(field) + ": needs a value";
      }
    }
  }
  return std::nullopt;
}

namespace {

// The field name of a `name:value` token, or empty when the token is not one (no colon, no
// value, a URL, or a name with other characters than lower-case letters, '_', '-' and digits
// after a first letter, or also capitals when `any_case`).
std::string_view field_name_of(const QueryToken& t, bool any_case) {
  const std::size_t colon = t.core.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 == t.core.size()) return {};
  if (t.core.substr(colon + 1, 2) == "//") return {};  // a URL
  const std::string_view name = t.core.substr(0, colon);
  // Digits after the first letter too: the index's own fields may have them ("iso3:chn").
  const auto letter = [any_case](char c) { return (c >= 'a' && c <= 'z') || (any_case && c >= 'A' && c <= 'Z'); };
  const bool field_like = std::all_of(name.begin(), name.end(), [&](char c) {
    return letter(c) || (c >= '0' && c <= '9' && letter(name.front())) || c == '_' || c == '-';
  });
  return field_like ? name : std::string_view{};
}

bool is_field(std::string_view name, const std::vector<std::string_view>& fields) {
  return name == match_all_field || std::find(fields.begin(), fields.end(), name) != fields.end();
}

}  // namespace

std::optional<std::string> unknown_field(std::string_view text, const std::vector<std::string_view>& fields) {
  for (const auto& t : scan_query(text)) {
    // Capitalised, it is a field only when it names one ("Berlin:talks" is text).
    const std::string_view name = field_name_of(t, false);
    if (name.empty() || is_field(name, fields)) continue;
    std::string known;
    for (auto field : fields) known += (known.empty() ? "" : ", ") + std::string(field) + ":";
    return "unknown field '" + std::string(name) + ":' (the fields are " + known +
           "; put text with a colon in quotes to search for it as words)";
  }
  return std::nullopt;
}

std::string lower_case_field_names(std::string_view text, const std::vector<std::string_view>& fields) {
  std::string out(text);
  for (const auto& t : scan_query(text)) {
    const std::string_view name = field_name_of(t, true);
    const std::string lower = to_lower_ascii(name);
    if (!name.empty() && lower != name && is_field(lower, fields)) {
      out.replace(static_cast<std::size_t>(name.data() - text.data()), name.size(), lower);
    }
  }
  return out;
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  std::size_t i = 0;
  while (i < text.size()) {  // every run of non-space characters, inside quotes too
    while (i < text.size() && is_space(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > start && !is_operator_word(text.substr(start, i - start))) ++words;
  }
  return words;
}

namespace {

struct LetterCases {
  bool lower = false, upper = false;
};

LetterCases letter_cases(std::string_view text) {
  LetterCases cases;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    const auto category = Xapian::Unicode::get_category(*it);
    cases.lower = cases.lower || category == Xapian::Unicode::LOWERCASE_LETTER;
    cases.upper = cases.upper || category == Xapian::Unicode::UPPERCASE_LETTER;
  }
  return cases;
}

std::string lower_case(std::string_view text) {
  std::string out;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
  }
  return out;
}

}  // namespace

std::string capitalise_initials(std::string_view text) {
  std::string out(text);
  const auto letter = [&](std::size_t i) { return i < out.size() && std::isalpha(static_cast<unsigned char>(out[i])); };
  const auto word_char = [&](std::size_t i) {
    const auto c = static_cast<unsigned char>(out[i]);
    return std::isalnum(c) || c >= 0x80 || c == ':';
  };
  for (std::size_t i = 0; i + 2 < out.size(); ++i) {
    if (!letter(i) || (i > 0 && word_char(i - 1)) || out[i + 1] != '.' || !letter(i + 2)) continue;
    std::size_t last = i;  // the last initial of the run: each is one letter, then '.'
    while (last + 2 < out.size() && out[last + 1] == '.' && letter(last + 2) &&
           (last + 3 == out.size() || !word_char(last + 3))) {
      last += 2;
    }
    if (last == i) continue;  // "u.sa" is not initials
    for (std::size_t j = i; j <= last; j += 2)
      out[j] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[j])));
    i = last;
  }
  return out;
}

namespace {

bool reads_as_prose(std::string_view text, const std::vector<QueryToken>& tokens) {
  const std::size_t end = text.find_last_not_of(" \t\r\n");
  const bool sentence_end = end != std::string_view::npos && (text[end] == '.' || text[end] == '?');
  return sentence_end || tokens.size() >= prose_words;
}

}  // namespace

std::string fold_shouting(std::string_view text) {
  const LetterCases cases = letter_cases(text);
  if (cases.lower || !cases.upper) return std::string(text);
  const auto tokens = scan_query(text);
  if (reads_as_prose(text, tokens)) return lower_case(text);
  std::string out;
  std::size_t copied = 0;
  for (const auto& t : tokens) {
    const std::size_t begin = static_cast<std::size_t>(t.text.data() - text.data());
    out.append(text.substr(copied, begin - copied));
    out.append(t.is_operator ? std::string(t.text) : lower_case(t.text));
    copied = begin + t.text.size();
  }
  out.append(text.substr(copied));
  return out;
}

std::vector<std::string> parser_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  const std::string s(text);
  for (Xapian::Utf8Iterator it(s), end; it != end; ++it) {
    const unsigned ch = *it;
    // "NEAR/3" and "ADJ/3" are one operator to the parser.
    const bool slash_of_operator = ch == '/' && (word == "NEAR" || word == "ADJ");
    if (Xapian::Unicode::is_wordchar(ch) || slash_of_operator) {
      Xapian::Unicode::append_utf8(word, ch);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool operator_before_proximity(std::string_view text) {
  const auto words = parser_words(text);
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string_view before = words[i - 1], op = words[i];
    const bool boolean = before == "AND" || before == "OR" || before == "NOT" || before == "XOR";
    const bool proximity = op == "NEAR" || op == "ADJ" || op.rfind("NEAR/", 0) == 0 || op.rfind("ADJ/", 0) == 0;
    if (boolean && proximity) return true;
  }
  return false;
}

std::optional<std::string> proximity_window_too_wide(std::string_view text, unsigned max_window) {
  for (const auto& word : parser_words(text)) {
    const std::size_t slash = word.find('/');
    if (slash == std::string::npos || (word.compare(0, slash, "NEAR") != 0 && word.compare(0, slash, "ADJ") != 0))
      continue;
    // The digits the parser reads (it stops at the first other character), counted without
    // overflowing: any window past max_window is refused, however long.
    unsigned long long window = 0;
    for (std::size_t i = slash + 1; i < word.size() && word[i] >= '0' && word[i] <= '9'; ++i) {
      window = std::min<unsigned long long>(window * 10 + static_cast<unsigned>(word[i] - '0'), max_window + 1ull);
    }
    if (window > max_window) {
      return word + ": the window may be at most " + std::to_string(max_window) + " words";
    }
  }
  return std::nullopt;
}

bool uses_operators(std::string_view text) {
  for (const auto& t : scan_query(text)) {
    if (t.is_operator || (t.text.size() > 1 && t.text.front() == '-')) return true;
  }
  return false;
}

}  // namespace dipnews
