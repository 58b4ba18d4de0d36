#include "text/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "simdjson.h"

namespace storyline::text {
namespace {

bool IsAscii(std::string_view s) {
  for (const unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

size_t FirstInvalidUtf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::string_view::npos;
}

bool IsValidUtf8(std::string_view s) {
  // simdjson's SIMD check runs at memory speed; locating the first bad
  // byte is only needed once something is wrong.
  return simdjson::validate_utf8(s.data(), s.size());
}

std::string RepairUtf8(std::string_view s) {
  if (IsValidUtf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s.data() + start, i - start);
    }
  }
  return out;
}

std::string NormalizeNfc(std::string_view s) {
  if (IsAscii(s)) return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  const icu::StringPiece utf8(s.data(), static_cast<int32_t>(s.size()));
  // Checked on the UTF-8 itself: most text is already NFC (curly quotes,
  // Cyrillic), and then needs no conversion at all.
  if (nfc->isNormalizedUTF8(utf8, status) && U_SUCCESS(status)) {
    return std::string(s);
  }
  status = U_ZERO_ERROR;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  const icu::UnicodeString normalized = nfc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

namespace {

// Case folding of ASCII and the basic Cyrillic block (U+0400-U+045F), whose
// letters are all NFKC-stable; false, with `out` unspecified, for any other
// character. Most words of English and Russian news take this path.
bool FoldSimple(std::string_view s, std::string& out) {
  out.assign(s);
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c - 'A' + 'a');
      continue;
    }
    if ((c != 0xD0 && c != 0xD1) || i + 1 >= out.size()) return false;
    const auto c2 = static_cast<unsigned char>(out[i + 1]);
    const int cp = ((c & 0x1F) << 6) | (c2 & 0x3F);
    if ((c2 & 0xC0) != 0x80 || cp > 0x45F) return false;
    int folded = cp;
    if (cp >= 0x410 && cp <= 0x42F)
      folded = cp + 0x20;  // А-Я
    else if (cp >= 0x400 && cp <= 0x40F)
      folded = cp + 0x50;  // Ѐ-Џ, Ё
    out[i] = static_cast<char>(0xC0 | (folded >> 6));
    out[i + 1] = static_cast<char>(0x80 | (folded & 0x3F));
    ++i;
  }
  return true;
}

}  // namespace

std::string FoldCase(std::string_view s) {
  std::string out;
  FoldCaseInto(s, out);
  return out;
}

void FoldCaseInto(std::string_view s, std::string& out) {
  if (!FoldSimple(s, out)) out = FoldCaseWithIcu(s);
}

std::string FoldCaseWithIcu(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold =
      icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string out;
  if (U_FAILURE(status)) return std::string(s);
  icu::StringByteSink<std::string> sink(&out);
  fold->normalizeUTF8(0, icu::StringPiece(s.data(), s.size()), sink, nullptr,
                      status);
  if (U_FAILURE(status)) return std::string(s);
  return out;
}

}  // namespace storyline::text
