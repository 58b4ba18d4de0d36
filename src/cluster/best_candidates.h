// Choosing which candidates of an item get an exact cosine: those whose
// partial scores from the shared indexed terms are highest.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace storyline::cluster {

// Leaves in `touched` (items, each once) the `keep` with the highest
// `score[item]`, ties to the smaller item, in no particular order, and sets
// `score` back to 0 for every item that was touched.
//
// In a large corpus an item touches thousands of candidates. Selecting by
// comparisons (nth_element) reads the scoreboard at random for every
// comparison and mispredicts half of the branches; here each score is read
// once into a contiguous list and a histogram of the scores finds the
// cut, so only the few candidates in the bucket at the cut are compared.
void KeepBestCandidates(std::vector<int>& touched, std::span<float> score,
                        size_t keep);

}  // namespace storyline::cluster
