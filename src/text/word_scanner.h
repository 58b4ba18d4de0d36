// A fast path for UAX #29 word segmentation of text in the Latin, Greek and
// Cyrillic scripts, which is nearly all of what storyline reads.
//
// ICU's break iterator runs a general state machine at about 28 MB/s; news
// text needs only a handful of the rules (letters and digits join; ".", "'",
// "’" join letters; ",", "." join digits; "_" joins both; combining marks
// and format characters such as the soft hyphen vanish into the character
// before), so a direct scan gives the same boundaries several times faster.
// Character classes come from ICU's Word_Break property. A character the
// fast path does not model (other scripts, emoji) sends the stretch of
// text around it, up to the nearest white space, to another segmenter.
// tests/text checks that both give the same tokens on every shipped and
// development corpus.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"

namespace storyline::text {

// Sentence-final punctuation or a line break between words: the next word
// starts a sentence. Both segmenters follow this one rule.
inline bool OpensSentence(char c) {
  return c == '.' || c == '!' || c == '?' || c == '\n';
}

struct ScannedWord {
  uint32_t begin = 0, end = 0;  // bytes
  bool is_number = false;       // digits only (ICU's UBRK_WORD_NUMBER)
  bool sentence_start = false;  // after . ! ? or a line break, or first
};

// Segments text[begin, end), a stretch between ASCII white space that holds
// a character the fast path does not model: appends its words to `out` and
// updates `sentence_start` as the scanner would.
using ForeignSegmenter =
    absl::FunctionRef<void(uint32_t begin, uint32_t end, bool& sentence_start,
                           std::vector<ScannedWord>& out)>;

// Appends the words of valid UTF-8 `text` to `out`. A stretch of text
// (between ASCII white space) that holds a character outside the modelled
// subset is handed to `foreign`; UAX #29 always breaks at such white
// space, so the words are those of segmenting the whole text at once.
void ScanWords(std::string_view text, std::vector<ScannedWord>& out,
               ForeignSegmenter foreign);

// Whether `text` is in the modelled subset throughout: its words then need
// no other segmenter.
bool ScansAlone(std::string_view text);

}  // namespace storyline::text
