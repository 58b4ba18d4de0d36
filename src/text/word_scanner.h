// A fast path for UAX #29 word segmentation of text in the Latin, Greek and
// Cyrillic scripts, which is nearly all of what storyline reads.
//
// ICU's break iterator runs a general state machine at about 28 MB/s; news
// text needs only a handful of the rules (letters and digits join; ".", "'",
// "’" join letters; ",", "." join digits; "_" joins both; combining marks
// and format characters such as the soft hyphen vanish into the character
// before), so a direct scan gives the same boundaries several times faster.
// Character classes come from ICU's Word_Break property; the first
// character the fast path does not model (other scripts, emoji) makes it
// give up, and the caller segments the whole text with ICU instead.
// tests/text checks that both give the same tokens on every shipped and
// development corpus.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace storyline::text {

struct ScannedWord {
  uint32_t begin = 0, end = 0;  // bytes
  bool is_number = false;       // digits only (ICU's UBRK_WORD_NUMBER)
  bool sentence_start = false;  // after . ! ? or a line break, or first
};

// Appends the words of valid UTF-8 `text` to `out` and returns true, or
// returns false (with `out` in an unspecified state) when `text` holds a
// character outside the modelled subset.
bool ScanWords(std::string_view text, std::vector<ScannedWord>& out);

}  // namespace storyline::text
