// Clustering quality against gold labels: pairwise and B-cubed
// precision/recall/F1, as used for news clustering (Priberam, tgcontest).
#pragma once

#include <string>
#include <vector>

namespace storyline::eval {

struct PrecisionRecall {
  double precision = 0, recall = 0, f1 = 0;
};

struct ClusteringScore {
  PrecisionRecall pairwise, bcubed;
  int predicted_clusters = 0, gold_clusters = 0, items = 0;
};

// `gold[i]` and `predicted[i]` are the cluster labels of item i. Pairwise
// counts item pairs placed together; B-cubed averages per item the share
// of its predicted cluster that shares its gold label (precision) and of
// its gold cluster that shares its predicted one (recall). O(n).
ClusteringScore ScoreClustering(const std::vector<std::string>& gold,
                                const std::vector<std::string>& predicted);

}  // namespace storyline::eval
