// Text blocks -> main text: which blocks belong to the article.
#pragma once

#include <string>
#include <vector>

#include "extract/blocks.h"

namespace storyline::extract {

struct ContentOptions {
  // Blocks shorter than this do not vote for their container.
  int min_scoring_chars = 25;
  // A sibling of the best container joins it when its score reaches this
  // share of the best score (readability uses 0.2).
  double sibling_share = 0.2;
  // Blocks more linked than this are navigation, not prose.
  double max_link_density = 0.5;
};

// Picks the page's main content by scoring containers (readability-style:
// paragraphs vote for their parent and grandparents, weighted by length and
// commas, discounted by link density, nudged by class/id hints) and returns
// its blocks' text, one paragraph per line. `headline` (may be empty) is
// dropped where it repeats.
std::string SelectMainText(const std::vector<Block>& blocks,
                           const std::string& headline,
                           const ContentOptions& options);

}  // namespace storyline::extract
