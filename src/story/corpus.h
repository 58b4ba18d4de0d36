// Analysed text shared by every part of the story stage: each document is
// tokenized and split into sentences once, and the document frequency of
// each stem across all input documents tells common words from the story's
// own.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "storyline/types.h"
#include "text/analyzer.h"
#include "text/kept_words.h"
#include "text/tokenizer.h"

namespace storyline::story {

struct DocAnalysis {
  std::vector<text::Token> words;  // stems and stopword flags set
  std::vector<Span> sentences;
  // Index of the first word of each sentence; one extra entry at the end.
  std::vector<size_t> sentence_words;
  std::vector<text::Token> title_words;
  bool analysed = false;
};

// Documents containing each content stem, keyed by its hash
// (text::HashStem, which Token::stem_hash holds): 64-bit keys instead of
// strings make the table a third of the size and let a server keep each
// article's stems as a short list of integers.
using StemDf = absl::flat_hash_map<uint64_t, int>;

// Read-only once built; shared by the threads telling stories.
struct StoryCorpus {
  std::span<const Document> docs;     // owned by the caller
  std::vector<DocAnalysis> analyses;  // parallel to `docs`
  StemDf df;                          // stem -> documents with it
  int analysed_docs = 0;

  // log(1 + N / df) of the stem hashed to `key`: rare stems weigh more.
  // With no background (a single story told alone) every stem weighs 1.
  double IdfOfKey(uint64_t key) const;
};

// Analyses the documents listed in `which` (all when empty) with `threads`
// workers and counts stem document frequencies over them.
StoryCorpus BuildCorpus(std::span<const Document> docs,
                        std::span<const int> which, int threads);

// One document's analysis, as BuildCorpus makes it.
DocAnalysis Analyse(text::Analyzer& analyzer, const Document& doc);

// The same analysis from the words of document `d` kept by an earlier pass
// (`kept.Has(d)`): only the sentences are found again.
DocAnalysis Analyse(text::Analyzer& analyzer, const Document& doc,
                    const text::KeptTexts& kept, int d);

// A content word: not a stopword, not a number, at least two bytes.
bool IsContent(const text::Token& token);

// The distinct content stems of a document's words, as sorted stem hashes:
// what the document adds to the frequencies behind StoryCorpus::IdfOfKey.
std::vector<uint64_t> ContentStemKeys(std::span<const text::Token> words);

// Adds one to `df` for each distinct content stem of a document's words.
void CountContentStems(std::span<const text::Token> words, StemDf& df);

}  // namespace storyline::story
