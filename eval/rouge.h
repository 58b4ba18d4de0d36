// ROUGE-1 and ROUGE-2 (Lin 2004) for summaries, our own implementation.
//
// Text is lower-cased and split on anything that is not an ASCII letter or
// digit, as ROUGE-1.5.5 does, and words are stemmed (Snowball English,
// close to ROUGE's Porter "-m"); stopwords are kept ("-s" off). Counts are
// clipped: an n-gram matches at most as often as it occurs in the
// reference. With several references, hits and totals are pooled over
// them: recall = sum of hits / sum of reference n-grams, precision = sum
// of hits / (references * candidate n-grams). Official DUC runs also
// jackknife over references and bootstrap a confidence interval; the
// point estimate differs from ours by little.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/stemmer.h"

namespace storyline::eval {

struct RougeScore {
  double recall = 0, precision = 0, f1 = 0;
};

struct RougeResult {
  RougeScore rouge1, rouge2;
};

// Not thread-safe: owns a stemmer.
class RougeScorer {
 public:
  // Scores `candidate` against `references`.
  RougeResult Score(std::string_view candidate,
                    const std::vector<std::string>& references);

  // Lower-cased, stemmed words as ROUGE sees them.
  std::vector<std::string> Words(std::string_view text);

 private:
  text::Stemmer stemmer_;
};

// The first `max_words` whitespace-separated words of `text` (DUC cuts
// summaries at 250 words).
std::string FirstWords(std::string_view text, int max_words);

// Mean of per-set scores.
RougeResult Average(const std::vector<RougeResult>& results);

}  // namespace storyline::eval
