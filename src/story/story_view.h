// One story's documents seen as sentences and term vectors: what the
// headline, summary, timeline and quote finders work on.
#pragma once

#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "story/corpus.h"

namespace storyline::story {

// Term id -> weight, sorted by id, L2-normalized.
using SparseVector = std::vector<std::pair<int, float>>;
double Cosine(const SparseVector& a, const SparseVector& b);

struct SentenceRef {
  int doc = 0;        // index into the document list
  int index = 0;      // sentence number in its document
  int paragraph = 0;  // paragraph number in its document
  Span span;
  std::span<const text::Token> words;  // owned by the StoryCorpus
};

class StoryView {
 public:
  // `corpus` must have analysed every document in `docs` and outlive this.
  // Not thread-safe: Vectorize and WordTerms keep scratch buffers.
  StoryView(const StoryCorpus& corpus, std::span<const int> docs);

  const StoryCorpus& corpus() const { return corpus_; }
  const Document& doc(int d) const { return corpus_.docs[d]; }
  const DocAnalysis& analysis(int d) const { return corpus_.analyses[d]; }
  // Story documents, oldest first (undated last), ties by index.
  const std::vector<int>& docs() const { return docs_; }
  // Every document's sentences, document by document in docs() order, each
  // document's in text order.
  const std::vector<SentenceRef>& sentences() const { return sentences_; }
  // The sentences of story document `doc`, in text order (a slice of
  // sentences()).
  std::span<const SentenceRef> SentencesOf(int doc) const;
  // Where SentencesOf(doc) starts in sentences().
  size_t FirstSentenceOf(int doc) const;
  // Cosine of `v` with the story's centroid: Cosine(v, centroid), bit for
  // bit, at the cost of v's terms alone (the centroid holds every term of
  // the story, and each sentence is compared with it).
  double CentroidCosine(const SparseVector& v) const;
  std::string_view Text(int doc, Span span) const;

  // tf-idf of the content stems of `words`; unknown stems are skipped.
  // Words of the story's analyses (a document's words or title words, or
  // a stretch of them) are looked up by where they sit, without hashing
  // their stems again.
  SparseVector Vectorize(std::span<const text::Token> words) const;
  // The term id of each of document `doc`'s words (-1: not a content word).
  std::span<const int> WordTerms(int doc) const;
  // The same for any words: read from the analysis when they are a stretch
  // of a story document's words or title words (a sentence's, say), else
  // looked up into a scratch buffer that the next call reuses.
  std::span<const int> WordTerms(std::span<const text::Token> words) const;
  // The stem of term `id`.
  std::string_view Stem(int id) const { return stems_[id]; }
  // Its rarity in the whole input (StoryCorpus::IdfOfKey).
  double Idf(int id) const { return idf_[id]; }
  int terms() const { return static_cast<int>(stems_.size()); }

 private:
  // Numbers the content stems of `words` not seen before; returns the term
  // id of every word.
  std::vector<int> AddTerms(std::span<const text::Token> words);
  // The ids AddTerms gave the words `words` starts with, or nullptr when
  // they are not a stretch of one analysed array.
  const int* TermsAt(std::span<const text::Token> words) const;

  const StoryCorpus& corpus_;
  std::vector<int> docs_;
  std::vector<SentenceRef> sentences_;
  absl::flat_hash_map<int, std::pair<size_t, size_t>> sentence_range_;
  absl::flat_hash_map<uint64_t, int> term_ids_;  // by stem hash
  std::vector<std::string_view> stems_;          // views into the corpus
  std::vector<uint64_t> stem_keys_;              // stem hash of each term
  std::vector<double> idf_;
  std::vector<float> centroid_;  // weight by term id, 0 where absent
  // Term ids of every analysed word array of the story (words and title
  // words of each document), with where the array sits, sorted by it.
  struct ArrayTerms {
    const text::Token* begin;
    const text::Token* end;
    std::vector<int> ids;
  };
  std::vector<ArrayTerms> array_terms_;
  absl::flat_hash_map<int, size_t> word_terms_of_;  // doc -> array_terms_
  // Vectorize's scratch, all zero between calls: a view serves one thread.
  mutable std::vector<int> term_counts_;  // by term id
  mutable std::vector<int> counted_ids_;
  mutable std::vector<int> looked_up_;  // WordTerms of foreign words
};

}  // namespace storyline::story
