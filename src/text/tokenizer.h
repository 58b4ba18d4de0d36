// Word and sentence segmentation with ICU break iterators (UAX #29) run
// directly over UTF-8, so token offsets are byte offsets into the input.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/types.h"

namespace storyline::text {

struct Token {
  Span span;         // bytes in the input
  std::string norm;  // NFKC case-folded form
  std::string stem;  // Snowball stem of `norm`; set by Analyzer
  // XXH3-64 of `stem`, set by Analyzer (0: not set; StemHash() works it
  // out then): later stages key stems by it, and it is one hash per
  // distinct word instead of one per word per stage.
  uint64_t stem_hash = 0;
  bool stopword = false;  // set by Analyzer
  bool is_number = false;
  bool upper_initial = false;   // first letter is upper case: a name?
  bool sentence_start = false;  // first word of its sentence
};

// XXH3-64 of a stem: what Token::stem_hash holds.
uint64_t HashStem(std::string_view stem);

// A token's stem hash: stem_hash when the Analyzer set it, else worked out
// (tokens made by hand, in tests).
inline uint64_t StemHash(const Token& token) {
  return token.stem_hash != 0 ? token.stem_hash : HashStem(token.stem);
}

// Not thread-safe: it owns ICU iterators. Build one per thread; building is
// cheap next to tokenizing a document.
class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;  // owns ICU state
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Words and numbers of `text`, in order; punctuation and spaces dropped.
  // `text` must be valid UTF-8. O(bytes). Latin, Greek and Cyrillic text
  // takes a fast path (text/word_scanner.h), the rest goes through ICU
  // stretch by stretch; the result is the same as IcuWords'.
  std::vector<Token> Words(std::string_view text);

  // The same with ICU's word break iterator alone: the reference.
  std::vector<Token> IcuWords(std::string_view text);

  // Where the words of Words() are, without building tokens (no case
  // folding, no allocation per word): for callers that hash words.
  void WordSpans(std::string_view text, std::vector<Span>& out);

  // Sentence spans of `text`, trimmed of surrounding white space; line
  // breaks always end a sentence. Abbreviations like "Mr." or "U.S." do not.
  std::vector<Span> Sentences(std::string_view text);

 private:
  // Words of `text` into impl_->scanned: the fast scanner, with ICU for
  // the stretches it does not model.
  void Scan(std::string_view text);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::text
