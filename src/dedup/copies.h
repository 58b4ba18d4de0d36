// Finding copies: exact duplicates, near-duplicates and reused passages,
// with who copied whom.
#pragma once

#include <span>
#include <vector>

#include "dedup/signature.h"
#include "storyline/options.h"
#include "storyline/types.h"
#include "text/kept_words.h"
#include "text/tokenizer.h"

namespace storyline::dedup {

// A pair of documents that may share text, before verification.
struct Candidate {
  int a = 0, b = 0;  // a < b
  bool operator==(const Candidate&) const = default;
  auto operator<=>(const Candidate&) const = default;
};

// Candidate pairs from LSH banding of MinHash signatures (near-duplicates)
// and from shared passage fingerprints (partial reuse). Never all pairs:
// buckets and fingerprints shared by too many documents are skipped.
// Sorted, unique. Deterministic, whatever the thread count.
std::vector<Candidate> FindCandidates(std::span<const Signature> signatures,
                                      const DedupOptions& options,
                                      int threads = 1);

// The rules FindCandidates applies, for callers that gather buckets their
// own way (the distributed runner):
// the key of `signature`'s LSH band `band` of `bands`;
uint64_t BandKey(const Signature& signature, int band, int bands);
// the pairs among one bucket's documents, sorted ascending: all of them, or
// only neighbours in a bucket of more than `cap` (a stock text);
void AppendBucketPairs(const std::vector<int>& docs, size_t cap,
                       std::vector<Candidate>& out);
// whether two documents with `fingerprints_a` and `fingerprints_b` passage
// fingerprints that share `shared` of them are a partial-reuse candidate.
bool EnoughSharedFingerprints(int shared, size_t fingerprints_a,
                              size_t fingerprints_b,
                              const DedupOptions& options);

// Verifies one candidate pair on the real shingle sets of both texts and
// finds their longest shared passage. Returns a pair with kind set, or
// nullopt when the texts do not share enough. `ids` become the pair's a and
// b; `tokens_*` are the words of `doc_*.text`.
std::optional<CopyPair> VerifyPair(Candidate ids, const Document& doc_a,
                                   std::span<const text::Token> tokens_a,
                                   const Document& doc_b,
                                   std::span<const text::Token> tokens_b,
                                   bool exact_equal,
                                   const DedupOptions& options);

// Verifies candidates, tokenizing again only the documents they name
// (those with words in `kept` are not tokenized). `signatures` are those of
// `docs`. Sorted by (a, b).
std::vector<CopyPair> VerifyCandidates(std::span<const Document> docs,
                                       std::span<const Signature> signatures,
                                       std::span<const Candidate> candidates,
                                       const DedupOptions& options, int threads,
                                       const text::KeptTexts* kept = nullptr);

// The same with every document's shingles at hand (`shingled[i]` from
// `docs[i]`, as Fingerprint gives them): no tokenizing at all.
std::vector<CopyPair> VerifyCandidates(std::span<const Document> docs,
                                       std::span<const Signature> signatures,
                                       std::span<const ShingledText> shingled,
                                       std::span<const Candidate> candidates,
                                       const DedupOptions& options,
                                       int threads);

// The whole stage: signatures, candidates, verification. Indices in the
// result refer to `docs`; sorted by (a, b). Uses `threads` workers; the
// result does not depend on their number.
std::vector<CopyPair> FindCopies(std::span<const Document> docs,
                                 const DedupOptions& options, int threads);

}  // namespace storyline::dedup
