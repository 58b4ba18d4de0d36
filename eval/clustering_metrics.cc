#include "eval/clustering_metrics.h"

#include <cassert>

#include "absl/container/flat_hash_map.h"

namespace storyline::eval {
namespace {

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

double Pairs(double n) { return n * (n - 1) / 2; }

}  // namespace

ClusteringScore ScoreClustering(const std::vector<std::string>& gold,
                                const std::vector<std::string>& predicted) {
  assert(gold.size() == predicted.size());
  ClusteringScore score;
  const size_t n = gold.size();
  score.items = static_cast<int>(n);
  if (n == 0) return score;
  absl::flat_hash_map<std::string, double> gold_size, pred_size;
  absl::flat_hash_map<std::pair<std::string, std::string>, double> joint;
  for (size_t i = 0; i < n; ++i) {
    ++gold_size[gold[i]];
    ++pred_size[predicted[i]];
    ++joint[{gold[i], predicted[i]}];
  }
  score.gold_clusters = static_cast<int>(gold_size.size());
  score.predicted_clusters = static_cast<int>(pred_size.size());

  double together_both = 0, together_pred = 0, together_gold = 0;
  for (const auto& [key, count] : joint) together_both += Pairs(count);
  for (const auto& [key, count] : pred_size) together_pred += Pairs(count);
  for (const auto& [key, count] : gold_size) together_gold += Pairs(count);
  // With no pairs on a side, that side makes no mistakes of its kind.
  score.pairwise.precision =
      together_pred > 0 ? together_both / together_pred : 1.0;
  score.pairwise.recall = together_gold > 0 ? together_both / together_gold : 1.0;
  score.pairwise.f1 = F1(score.pairwise.precision, score.pairwise.recall);

  double precision = 0, recall = 0;
  for (const auto& [key, count] : joint) {
    // Each of the `count` items in this cell scores count/|cluster|.
    precision += count * count / pred_size[key.second];
    recall += count * count / gold_size[key.first];
  }
  score.bcubed.precision = precision / n;
  score.bcubed.recall = recall / n;
  score.bcubed.f1 = F1(score.bcubed.precision, score.bcubed.recall);
  return score;
}

}  // namespace storyline::eval
