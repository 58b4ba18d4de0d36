#include "eval/pair_metrics.h"

#include <algorithm>
#include <numeric>

#include "cluster/vectors.h"
#include "dedup/signature.h"
#include "text/analyzer.h"
#include "text/unicode.h"

namespace storyline::eval {
namespace {}  // namespace

bool IsPositive(const std::string& label) {
  return label != "0" && label != "non" && label != "false";
}

std::vector<PairSimilarity> MeasurePairs(const std::vector<TextPair>& pairs,
                                         const PipelineOptions& options) {
  text::Analyzer analyzer;
  std::vector<cluster::SparseVector> counts;
  std::vector<std::vector<uint64_t>> shingles;
  cluster::IdfTable idf;
  for (const TextPair& pair : pairs) {
    for (const std::string* side : {&pair.a, &pair.b}) {
      const std::string text = text::NormalizeNfc(text::RepairUtf8(*side));
      const auto words = analyzer.Words(text, pair.lang);
      counts.push_back(cluster::CountTerms({}, words, options.cluster));
      idf.Add(counts.back());
      shingles.push_back(dedup::ShingleHashes(
          dedup::HashWords(words, options.dedup.seed).hashes,
          options.dedup.shingle_tokens, options.dedup.seed));
    }
  }
  std::vector<PairSimilarity> out;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto a = cluster::WeightTerms(counts[2 * i], idf, options.cluster);
    const auto b =
        cluster::WeightTerms(counts[2 * i + 1], idf, options.cluster);
    const auto overlap = dedup::Overlap(shingles[2 * i], shingles[2 * i + 1]);
    out.push_back({cluster::Dot(a, b), overlap.Jaccard(),
                   std::max(overlap.ContainmentA(), overlap.ContainmentB())});
  }
  return out;
}

double RocAuc(const std::vector<double>& scores,
              const std::vector<bool>& positive) {
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t x, size_t y) { return scores[x] < scores[y]; });
  // Mann-Whitney U with average ranks for ties.
  double rank_sum = 0;
  size_t positives = 0;
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
    const double rank = (i + j + 1) / 2.0;  // 1-based average rank
    for (size_t k = i; k < j; ++k) {
      if (positive[order[k]]) {
        rank_sum += rank;
        ++positives;
      }
    }
    i = j;
  }
  const size_t negatives = scores.size() - positives;
  if (positives == 0 || negatives == 0) return 0.5;
  return (rank_sum - positives * (positives + 1) / 2.0) /
         (static_cast<double>(positives) * negatives);
}

PrecisionRecall AtThreshold(const std::vector<double>& scores,
                            const std::vector<bool>& positive,
                            double threshold) {
  double tp = 0, fp = 0, fn = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    const bool predicted = scores[i] >= threshold;
    tp += predicted && positive[i];
    fp += predicted && !positive[i];
    fn += !predicted && positive[i];
  }
  PrecisionRecall pr;
  pr.precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  pr.recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  pr.f1 = pr.precision + pr.recall > 0
              ? 2 * pr.precision * pr.recall / (pr.precision + pr.recall)
              : 0;
  return pr;
}

}  // namespace storyline::eval
