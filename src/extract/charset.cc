#include "extract/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>

#include "base/strings.h"
#include "text/unicode.h"

namespace storyline::extract {
namespace {

constexpr size_t kSniffBytes = 8192;

// Returns the token after "charset=" in `s`, stopping at quotes, spaces,
// ';' and '>'.
std::string CharsetAfter(std::string_view s, size_t pos) {
  pos += 8;  // strlen("charset=")
  while (pos < s.size() &&
         (s[pos] == '"' || s[pos] == '\'' || IsAsciiSpace(s[pos]))) {
    ++pos;
  }
  std::string name;
  while (pos < s.size() && name.size() < 40) {
    const char c = s[pos++];
    if (c == '"' || c == '\'' || c == ';' || c == '>' || c == '/' ||
        IsAsciiSpace(c)) {
      break;
    }
    name += c;
  }
  return name;
}

bool IsUtf8Name(std::string_view name) {
  return name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8";
}

std::string Convert(std::string_view bytes, const char* charset,
                    UErrorCode& status) {
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return {};
  const std::unique_ptr<UConverter, decltype(&ucnv_close)> guard(conv,
                                                                 ucnv_close);
  // Worst case: every input byte becomes a 3-byte UTF-8 sequence.
  std::string out(bytes.size() * 3 + 16, '\0');
  const int32_t n = ucnv_toAlgorithmic(
      UCNV_UTF8, conv, out.data(), static_cast<int32_t>(out.size()),
      bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return {};
  out.resize(n);
  return out;
}

std::string Detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return {};
  const std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> guard(
      det, ucsdet_close);
  // The detector only needs a sample; the whole page would cost time.
  const size_t n = std::min<size_t>(bytes.size(), 64 * 1024);
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(n), &status);
  ucsdet_enableInputFilter(det, true);  // ignore markup when guessing
  const UCharsetMatch* match = ucsdet_detect(det, &status);
  if (U_FAILURE(status) || match == nullptr) return {};
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name ? std::string(name) : std::string();
}

}  // namespace

std::string DeclaredCharset(std::string_view html) {
  const std::string head = AsciiLower(html.substr(0, kSniffBytes));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    const size_t end = head.find('>', pos);
    const std::string_view tag = std::string_view(head).substr(
        pos, end == std::string::npos ? std::string::npos : end - pos + 1);
    const size_t at = tag.find("charset=");
    if (at != std::string_view::npos) {
      std::string name = CharsetAfter(tag, at);
      if (!name.empty()) return name;
    }
    pos += 5;
  }
  return {};
}

absl::StatusOr<std::string> ToUtf8(std::string_view bytes) {
  std::string charset = DeclaredCharset(bytes);
  const bool valid = text::IsValidUtf8(bytes);
  // Pages often declare a legacy charset yet are served as UTF-8; non-ASCII
  // bytes that validate as UTF-8 almost never are anything else, and pure
  // ASCII reads the same in every charset we meet.
  if (valid) return std::string(bytes);
  if (IsUtf8Name(charset)) return text::RepairUtf8(bytes);
  if (charset.empty()) charset = Detect(bytes);
  if (charset.empty()) return text::RepairUtf8(bytes);
  UErrorCode status = U_ZERO_ERROR;
  std::string out = Convert(bytes, charset.c_str(), status);
  if (U_FAILURE(status)) {
    // Unknown declared name: fall back to the detector's guess once.
    const std::string guess = Detect(bytes);
    status = U_ZERO_ERROR;
    if (!guess.empty()) out = Convert(bytes, guess.c_str(), status);
    if (guess.empty() || U_FAILURE(status)) {
      return absl::InvalidArgumentError(
          StrCat("unknown charset \"", charset, "\""));
    }
  }
  return out;
}

}  // namespace storyline::extract
