// Small std::string_view helpers. (Debian's Abseil is built with its own
// absl::string_view, so absl/strings does not take std::string_view.)
#pragma once

#include <string>
#include <string_view>

namespace storyline {

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

inline std::string_view StripLeadingSpace(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  return s;
}

inline std::string_view StripTrailingSpace(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

inline std::string_view StripSpace(std::string_view s) {
  return StripTrailingSpace(StripLeadingSpace(s));
}

// `s` with ASCII letters lower-cased, into `out` (its memory reused).
inline void AsciiLowerInto(std::string_view s, std::string& out) {
  out.assign(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

inline std::string AsciiLower(std::string_view s) {
  std::string out;
  AsciiLowerInto(s, out);
  return out;
}

// The message of an absl::Status as a std::string.
template <typename Status>
std::string MessageOf(const Status& status) {
  return std::string(status.message());
}

}  // namespace storyline

#include "fmt/format.h"

namespace storyline {

// Concatenates strings and numbers: StrCat("line ", 3, ": ", message).
template <typename... Args>
std::string StrCat(const Args&... args) {
  std::string out;
  (fmt::format_to(std::back_inserter(out), "{}", args), ...);
  return out;
}

template <typename... Args>
void StrAppend(std::string* out, const Args&... args) {
  (fmt::format_to(std::back_inserter(*out), "{}", args), ...);
}

}  // namespace storyline
