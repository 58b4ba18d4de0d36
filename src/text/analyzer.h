// Text analysis for one thread: words with stems and stopword flags, and
// sentences. Everything a later stage needs from a text comes from here.
#pragma once

#include <string_view>
#include <vector>

#include "storyline/types.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"

namespace storyline::text {

// Not thread-safe: one per thread (owns ICU iterators and stemmers).
class Analyzer {
 public:
  Analyzer() = default;

  // Words of `text` with norm, stem and stopword flag. O(bytes).
  std::vector<Token> Words(std::string_view text, Lang lang);

  // Words without stems (cheaper): for shingling.
  std::vector<Token> PlainWords(std::string_view text) {
    return tokenizer_.Words(text);
  }

  std::vector<Span> Sentences(std::string_view text) {
    return tokenizer_.Sentences(text);
  }

 private:
  Tokenizer tokenizer_;
  Stemmer stemmer_;
};

}  // namespace storyline::text
