#include "input/language_detection.h"

#include <cld2/public/compact_lang_det.h>

#include "language.h"

namespace dipnews {

namespace {

// CLD2 reads its input whole: a long article tells no more than its first pages, and the
// time grows with the text.
constexpr std::size_t max_detection_bytes = 16 * 1024;

}  // namespace

std::string normalise_detected_code(std::string_view cld2_code) {
  std::string code = primary_language(cld2_code);
  // CLD2 keeps the withdrawn codes of Hebrew, Javanese and Yiddish.
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "ji") return "yi";
  return code;
}

std::string detect_language(std::string_view title, std::string_view body) {
  std::string text(title);
  text += '\n';
  text.append(body.substr(0, max_detection_bytes));
  // A cut inside a multi-byte character leaves an invalid tail: back up to its first byte.
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
  if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80) != 0) text.pop_back();

  CLD2::Language top3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix_bytes = 0;
  const CLD2::Language found =
      CLD2::ExtDetectLanguageSummaryCheckUTF8(text.data(), static_cast<int>(text.size()), true, nullptr, 0, top3,
                                              percent3, scores3, nullptr, &text_bytes, &reliable, &valid_prefix_bytes);
  if (!reliable || text_bytes < min_detection_text_bytes || found == CLD2::UNKNOWN_LANGUAGE) return "";
  if (valid_prefix_bytes < static_cast<int>(text.size())) return "";
  return normalise_detected_code(CLD2::LanguageCode(found));
}

std::string language_of(const Article& article) {
  return article.language.empty() ? detect_language(article.title, article.body) : article.language;
}

}  // namespace dipnews
