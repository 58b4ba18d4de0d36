// Text analysis for one thread: words with stems and stopword flags, and
// sentences. Everything a later stage needs from a text comes from here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "storyline/types.h"
#include "text/kept_words.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"

namespace storyline::text {

// Not thread-safe: one per thread (owns ICU iterators and stemmers).
class Analyzer {
 public:
  Analyzer() = default;

  // Words of `text` with norm, stem and stopword flag. O(bytes).
  std::vector<Token> Words(std::string_view text, Lang lang) {
    return Analyze(text, lang, nullptr);
  }

  // The same, and each word's entry in this analyzer's lexicon (kNoEntry
  // for numbers), so that the words can be kept (text/kept_words.h). Once
  // entries are asked for, the lexicon grows with every new word form until
  // TakeLexicon().
  std::vector<Token> Words(std::string_view text, Lang lang,
                           std::vector<uint32_t>& entries);

  // The lexicon the entries so far refer to; the analyzer starts afresh.
  Lexicon TakeLexicon();

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
    uint32_t entry = kNoEntry;  // in lexicon_, once entries are asked for
  };
  static constexpr size_t kKnownWords = 1 << 18;

  std::vector<Token> Analyze(std::string_view text, Lang lang,
                             std::vector<uint32_t>* entries);

  Tokenizer tokenizer_;
  Stemmer stemmer_;
  absl::flat_hash_map<std::string, KnownWord> known_;
  Lexicon lexicon_;
  bool keep_lexicon_ = false;  // entries were asked for: never forget words
};

}  // namespace storyline::text
