#include "text/language.h"

#include <cld2/public/compact_lang_det.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace storyline::text {
namespace {

// Counts Latin and Cyrillic letters: enough to tell English from Russian
// in a headline.
Lang LangByScript(std::string_view text) {
  int latin = 0, cyrillic = 0, other = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_LATIN) {
      ++latin;
    } else if (script == USCRIPT_CYRILLIC) {
      ++cyrillic;
    } else {
      ++other;
    }
  }
  if (latin + cyrillic + other == 0) return Lang::kUnknown;
  if (cyrillic > latin && cyrillic > other) return Lang::kRu;
  if (latin > other) return Lang::kEn;
  return Lang::kOther;
}

}  // namespace

Lang DetectLanguage(std::string_view text, const TextOptions& options) {
  if (static_cast<int>(text.size()) < options.min_detect_bytes) {
    return LangByScript(text);
  }
  bool reliable = false;
  const CLD2::Language language =
      CLD2::DetectLanguage(text.data(), static_cast<int>(text.size()),
                           /*is_plain_text=*/true, &reliable);
  switch (language) {
    case CLD2::ENGLISH:
      return Lang::kEn;
    case CLD2::RUSSIAN:
      return Lang::kRu;
    case CLD2::UNKNOWN_LANGUAGE:
      return LangByScript(text);
    default:
      return reliable ? Lang::kOther : LangByScript(text);
  }
}

}  // namespace storyline::text
