#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "base/parallel.h"
#include "dedup/copies.h"

namespace storyline::dedup {
namespace {

struct Run {
  size_t a = 0, b = 0, length = 0;  // in shingles
};

// The longest run of equal consecutive shingles. O(|a| + |b| + run lengths).
Run LongestRun(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  absl::flat_hash_map<uint32_t, size_t> first_in_a;
  first_in_a.reserve(a.size());
  for (size_t i = 0; i < a.size(); ++i) first_in_a.try_emplace(a[i], i);
  Run best;
  for (size_t j = 0; j < b.size(); ++j) {
    const auto it = first_in_a.find(b[j]);
    if (it == first_in_a.end()) continue;
    const size_t i = it->second;
    // Only start at the beginning of a run.
    if (i > 0 && j > 0 && a[i - 1] == b[j - 1]) continue;
    size_t length = 0;
    while (i + length < a.size() && j + length < b.size() &&
           a[i + length] == b[j + length]) {
      ++length;
    }
    if (length > best.length) best = {i, j, length};
  }
  return best;
}

// Who copied whom: the earlier article is the source; on the same day (or
// without dates) the side more fully contained in the other is the copy.
void SetDirection(const Document& a, const Document& b, CopyPair& pair) {
  if (a.published && b.published && *a.published != *b.published) {
    pair.source = *a.published < *b.published ? pair.a : pair.b;
    pair.direction_basis = "date";
    return;
  }
  constexpr double kMargin = 0.1;  // smaller differences are noise
  if (pair.containment_a > pair.containment_b + kMargin) {
    pair.source = pair.b;
    pair.direction_basis = "containment";
  } else if (pair.containment_b > pair.containment_a + kMargin) {
    pair.source = pair.a;
    pair.direction_basis = "containment";
  }
}

Span PassageSpan(const ShingledText& text, size_t first_shingle,
                 size_t shingles, int k) {
  if (text.words() == 0 || shingles == 0) return {};
  const size_t last =
      std::min(text.words() - 1, first_shingle + shingles + k - 2);
  return {text.WordSpan(first_shingle).begin, text.WordSpan(last).end};
}

std::optional<CopyPair> VerifyShingled(Candidate ids, const Document& doc_a,
                                       const ShingledText& a,
                                       const Document& doc_b,
                                       const ShingledText& b, bool exact_equal,
                                       const DedupOptions& options) {
  const ShingleOverlap overlap = OverlapOfSorted(a.sorted, b.sorted);
  if (overlap.unique_a == 0 || overlap.unique_b == 0) return std::nullopt;
  CopyPair pair;
  pair.a = ids.a;
  pair.b = ids.b;
  pair.jaccard = overlap.Jaccard();
  pair.containment_a = overlap.ContainmentA();
  pair.containment_b = overlap.ContainmentB();
  const bool exact = exact_equal && pair.jaccard == 1.0;
  const bool near = !exact && pair.jaccard >= options.near_duplicate_jaccard;
  if (!exact && !near &&
      std::max(pair.containment_a, pair.containment_b) <
          options.min_containment) {
    return std::nullopt;  // cannot be partial reuse: skip the passage search
  }
  const int k = options.shingle_tokens;
  const Run run = LongestRun(a.ordered, b.ordered);
  const size_t passage_tokens = run.length == 0 ? 0 : run.length + k - 1;
  if (exact) {
    pair.kind = CopyKind::kExact;
  } else if (near) {
    pair.kind = CopyKind::kNearDuplicate;
  } else if (passage_tokens >=
             static_cast<size_t>(options.min_passage_tokens)) {
    pair.kind = CopyKind::kPartial;
  } else {
    return std::nullopt;
  }
  pair.passage_a = PassageSpan(a, run.a, run.length, k);
  pair.passage_b = PassageSpan(b, run.b, run.length, k);
  SetDirection(doc_a, doc_b, pair);
  return pair;
}

}  // namespace

std::optional<CopyPair> VerifyPair(Candidate ids, const Document& doc_a,
                                   std::span<const text::Token> tokens_a,
                                   const Document& doc_b,
                                   std::span<const text::Token> tokens_b,
                                   bool exact_equal,
                                   const DedupOptions& options) {
  return VerifyShingled(
      ids, doc_a, Fingerprinter(options).Of(tokens_a).shingled, doc_b,
      Fingerprinter(options).Of(tokens_b).shingled, exact_equal, options);
}

namespace {

// Verifies every candidate on both cores; `shingled_of(doc)` gives a
// document's shingles.
template <typename ShingledOf>
std::vector<CopyPair> VerifyAll(std::span<const Document> docs,
                                std::span<const Signature> signatures,
                                std::span<const Candidate> candidates,
                                const DedupOptions& options, int workers,
                                const ShingledOf& shingled_of) {
  std::vector<std::optional<CopyPair>> verified(candidates.size());
  ParallelFor(
      static_cast<int>(candidates.size()), workers, 64, [&](int, int i) {
        const auto [a, b] = candidates[i];
        verified[i] = VerifyShingled(
            candidates[i], docs[a], shingled_of(a), docs[b], shingled_of(b),
            signatures[a].exact == signatures[b].exact, options);
      });
  std::vector<CopyPair> out;
  for (auto& pair : verified) {
    if (pair) out.push_back(*std::move(pair));
  }
  return out;
}

}  // namespace

std::vector<CopyPair> VerifyCandidates(std::span<const Document> docs,
                                       std::span<const Signature> signatures,
                                       std::span<const Candidate> candidates,
                                       const DedupOptions& options, int threads,
                                       const text::KeptTexts* kept) {
  // Words of every document a candidate names, computed once each.
  std::vector<int> needed;
  for (const auto& c : candidates) {
    needed.push_back(c.a);
    needed.push_back(c.b);
  }
  std::sort(needed.begin(), needed.end());
  needed.erase(std::unique(needed.begin(), needed.end()), needed.end());
  std::vector<ShingledText> shingled(needed.size());
  const int workers = ResolveThreads(threads);
  PerWorker<Fingerprinter> fingerprinters(workers, options);
  ParallelFor(static_cast<int>(needed.size()), workers, 16,
              [&](int worker, int i) {
                const int d = needed[i];
                Fingerprinter& fingerprinter = fingerprinters[worker];
                shingled[i] = kept && kept->Has(d)
                                  ? fingerprinter.ShinglesOf(
                                        docs[d].text, kept->docs[d].body,
                                        kept->lexicons[kept->docs[d].lexicon])
                                  : fingerprinter.ShinglesOf(docs[d].text);
              });
  return VerifyAll(
      docs, signatures, candidates, options, workers,
      [&](int doc) -> const ShingledText& {
        return shingled[std::lower_bound(needed.begin(), needed.end(), doc) -
                        needed.begin()];
      });
}

std::vector<CopyPair> VerifyCandidates(std::span<const Document> docs,
                                       std::span<const Signature> signatures,
                                       std::span<const ShingledText> shingled,
                                       std::span<const Candidate> candidates,
                                       const DedupOptions& options,
                                       int threads) {
  return VerifyAll(
      docs, signatures, candidates, options, ResolveThreads(threads),
      [&](int doc) -> const ShingledText& { return shingled[doc]; });
}

std::vector<CopyPair> FindCopies(std::span<const Document> docs,
                                 const DedupOptions& options, int threads) {
  const int workers = ResolveThreads(threads);
  std::vector<Signature> signatures(docs.size());
  std::vector<ShingledText> shingled(docs.size());
  PerWorker<Fingerprinter> fingerprinters(workers, options);
  ParallelFor(
      static_cast<int>(docs.size()), workers, 32, [&](int worker, int i) {
        auto [signature, shingles] = fingerprinters[worker].Of(docs[i].text);
        signatures[i] = std::move(signature);
        shingled[i] = std::move(shingles);
      });
  const auto candidates = FindCandidates(signatures, options, threads);
  return VerifyCandidates(docs, signatures, shingled, candidates, options,
                          threads);
}

}  // namespace storyline::dedup
