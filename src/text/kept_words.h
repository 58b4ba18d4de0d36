// Words of a text kept from one pass over it for a later one, at about 4
// bytes a word instead of a Token's 88: the pipeline reads every document's
// words once to count terms, and its story stage needs the same words again. A
// kept word is its span (the gap after the previous word, and a length),
// its flags, and its entry in the lexicon of the analyzer that read it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace storyline::text {

// One distinct word form as an analyzer stemmed it.
struct LexiconEntry {
  std::string norm, stem;
  uint64_t stem_hash = 0;
  bool stopword = false;
};
using Lexicon = std::vector<LexiconEntry>;

// Numbers are not in the lexicon: their stem is their own form.
inline constexpr uint32_t kNoEntry = UINT32_MAX;

// Sets what the analyzer gives a number, from its `norm`: its stem (its own
// form), the stem's hash, and its stopword flag.
void AnalyzeNumber(Token& token);

// A kept word is one 32-bit code: the gap after the previous word (3
// bits), its length (5 bits), its flags (3 bits) and its lexicon entry (21
// bits). Most words fit; a longer gap or word, or a later entry, takes an
// extra code holding the whole value.
using KeptWord = uint32_t;

// Appends `tokens` in kept form, given each token's lexicon entry.
void KeepWords(std::span<const Token> tokens, std::span<const uint32_t> entries,
               std::vector<KeptWord>& out);

// Reads kept words in order without building tokens.
class KeptWordReader {
 public:
  explicit KeptWordReader(std::span<const KeptWord> words) : words_(words) {}

  // Moves to the next word; false past the last.
  bool Next();

  Span span() const { return span_; }
  bool is_number() const;
  bool upper_initial() const;
  bool sentence_start() const;
  // The word's lexicon entry; kNoEntry for a number.
  uint32_t entry() const { return entry_; }
  // The word's case-folded form: its entry's, or for a number its text
  // (`text`, what the words were read from) folded into `scratch`.
  std::string_view Norm(const Lexicon& lexicon, std::string_view text,
                        std::string& scratch) const;

 private:
  std::span<const KeptWord> words_;
  size_t at_ = 0;
  Span span_;
  uint32_t flags_ = 0, entry_ = kNoEntry;
};

// Asks for the lexicon entries of the words a few places ahead of a
// reader: a run's lexicon is larger than a core's cache, and waiting for
// each word's entry in turn is most of the cost of reading words back.
// Call Next() once per word read.
class PrefetchEntries {
 public:
  PrefetchEntries(std::span<const KeptWord> words, const Lexicon& lexicon)
      : ahead_(words), lexicon_(lexicon) {
    for (int k = 0; k < kDistance; ++k) Next();
  }
  void Next();

 private:
  static constexpr int kDistance = 8;
  KeptWordReader ahead_;
  const Lexicon& lexicon_;
};

// The tokens again, exactly as the analyzer gave them; `text` is what they
// were read from and `lexicon` that of the analyzer that read them.
std::vector<Token> RestoreWords(std::span<const KeptWord> words,
                                const Lexicon& lexicon, std::string_view text);

// The kept title and body words of many documents, read by several
// analyzers (one lexicon each).
struct KeptTexts {
  struct Doc {
    std::vector<KeptWord> title, body;
    int lexicon = -1;  // -1: not kept
  };
  std::vector<Doc> docs;
  std::vector<Lexicon> lexicons;

  bool Has(size_t doc) const {
    return doc < docs.size() && docs[doc].lexicon >= 0;
  }
};

}  // namespace storyline::text
