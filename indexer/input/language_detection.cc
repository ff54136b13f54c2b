#include "input/language_detection.h"

#include <algorithm>

#include <cld2/public/compact_lang_det.h>

#include "language.h"

namespace dipnews {

namespace {}  // namespace

std::string normalise_detected_code(std::string_view cld2_code) {
  std::string code = primary_language(cld2_code);
  // CLD2 keeps the withdrawn codes of Hebrew, Javanese and Yiddish.
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "ji") return "yi";
  return code;
}

std::string_view detection_prefix(std::string_view body) {
  std::size_t cut = std::min(body.size(), max_detection_bytes);
  // A cut inside a multi-byte character would leave an invalid tail: back up to its first
  // byte. A cut between characters (or no cut) keeps every character whole.
  while (cut > 0 && cut < body.size() && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
  return body.substr(0, cut);
}

std::string detect_language(std::string_view title, std::string_view body) {
  std::string text(title);
  text += '\n';
  text.append(detection_prefix(body));

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
