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

// Read-only once built; shared by the threads telling stories.
struct StoryCorpus {
  std::span<const Document> docs;            // owned by the caller
  std::vector<DocAnalysis> analyses;         // parallel to `docs`
  absl::flat_hash_map<std::string, int> df;  // stem -> documents with it
  int analysed_docs = 0;

  // log(1 + N / df): rare stems weigh more. With no background (a single
  // story told alone) every stem weighs 1.
  double Idf(std::string_view stem) const;
};

// Analyses the documents listed in `which` (all when empty) with `threads`
// workers and counts stem document frequencies over them.
StoryCorpus BuildCorpus(std::span<const Document> docs,
                        std::span<const int> which, int threads);

// One document's analysis, as BuildCorpus makes it.
DocAnalysis Analyse(text::Analyzer& analyzer, const Document& doc);

// A content word: not a stopword, not a number, at least two bytes.
bool IsContent(const text::Token& token);

// Adds one to `df` for each distinct content stem of a document's words:
// the document frequencies behind StoryCorpus::Idf.
void CountContentStems(std::span<const text::Token> words,
                       absl::flat_hash_map<std::string, int>& df);

}  // namespace storyline::story
