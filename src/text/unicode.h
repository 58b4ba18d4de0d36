// Unicode helpers on UTF-8 strings, all backed by ICU.
#pragma once

#include <string>
#include <string_view>

namespace storyline::text {

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Offset of the first byte of the first ill-formed sequence, or npos.
size_t FirstInvalidUtf8(std::string_view s);

// NFC normalization; returns the input unchanged (no copy of work beyond
// one check) when it is already normalized, which is the common case.
std::string NormalizeNfc(std::string_view s);

// NFKC case folding: "Straße" -> "strasse", "ＮＡＴＯ" -> "nato".
// ASCII and basic Cyrillic take a fast path with the same result.
std::string FoldCase(std::string_view s);

// The same into `out`, reusing its buffer: for loops over many words.
void FoldCaseInto(std::string_view s, std::string& out);

// The same, always through ICU's NFKC_Casefold normalizer: the reference.
std::string FoldCaseWithIcu(std::string_view s);

// Replaces ill-formed UTF-8 sequences with U+FFFD.
std::string RepairUtf8(std::string_view s);

}  // namespace storyline::text
