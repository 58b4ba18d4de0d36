// storyline eval --pairs: pair datasets.
#pragma once

#include <string>

#include "storyline/options.h"

namespace storyline::cli {

// Scores the engine's similarity measures on a pair dataset, per language:
// ROC AUC of each measure and P/R/F1 at the engine's own decision points
// (event and story thresholds for cosine; near-duplicate Jaccard and
// partial-reuse containment for shingles).
int EvalPairs(const std::string& path, bool json,
              const PipelineOptions& options);

}  // namespace storyline::cli
