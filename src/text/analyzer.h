// Text analysis for one thread: words with stems and stopword flags, and
// sentences. Everything a later stage needs from a text comes from here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
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
  // What a word's analysis adds to its token, for the words seen so far
  // (news vocabulary is Zipfian, so most words are a lookup), up to
  // kKnownWords of them: one lookup instead of a stemmer run and a
  // stopword-list lookup.
  struct KnownWord {
    std::string stem;
    uint64_t stem_hash = 0;
    bool stopword = false;
  };
  static constexpr size_t kKnownWords = 1 << 18;

  Tokenizer tokenizer_;
  Stemmer stemmer_;
  absl::flat_hash_map<std::string, KnownWord> known_;
};

}  // namespace storyline::text
