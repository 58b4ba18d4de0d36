// Page bytes -> UTF-8, before the HTML parser sees them.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace storyline::extract {

// The charset a page declares in its first bytes (<meta charset=...> or
// <meta http-equiv="Content-Type" content="...; charset=...">), lower-cased;
// "" when it declares none. Scans at most the first 8 KB, as browsers do.
std::string DeclaredCharset(std::string_view html);

// Converts `bytes` to UTF-8: the declared charset wins; undeclared bytes that
// are valid UTF-8 pass through; otherwise ICU's detector guesses. Invalid
// sequences become U+FFFD. Fails only when ICU knows neither the declared nor
// the detected charset. Thread-safe (no shared ICU state).
absl::StatusOr<std::string> ToUtf8(std::string_view bytes);

}  // namespace storyline::extract
