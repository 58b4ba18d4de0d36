// Pair datasets (same story, paraphrase, text reuse): how well the
// engine's similarity measures separate positive from negative pairs.
#pragma once

#include <string>
#include <vector>

#include "eval/clustering_metrics.h"
#include "eval/labeled_data.h"
#include "storyline/options.h"

namespace storyline::eval {

// The engine's measures for one pair.
struct PairSimilarity {
  double cosine = 0;       // TF-IDF cosine, as clustering compares articles
  double jaccard = 0;      // word 5-shingle Jaccard, as dedup compares them
  double containment = 0;  // the larger of the two containments
};

// IDF is computed over all texts of `pairs`. Pure.
std::vector<PairSimilarity> MeasurePairs(const std::vector<TextPair>& pairs,
                                         const PipelineOptions& options);

// A pair is positive unless its label is "0", "non" or "false".
bool IsPositive(const std::string& label);

// Area under the ROC curve of `scores` for `positive` (ties count half).
double RocAuc(const std::vector<double>& scores,
              const std::vector<bool>& positive);

// Precision/recall/F1 of predicting positive when score >= threshold.
PrecisionRecall AtThreshold(const std::vector<double>& scores,
                            const std::vector<bool>& positive,
                            double threshold);

}  // namespace storyline::eval
