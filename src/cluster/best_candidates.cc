#include "cluster/best_candidates.h"

#include <algorithm>
#include <array>

namespace storyline::cluster {
namespace {

struct Scored {
  float score;
  int item;
};

constexpr int kBuckets = 1024;

}  // namespace

void KeepBestCandidates(std::vector<int>& touched, std::span<float> score,
                        size_t keep) {
  if (touched.size() <= keep) {
    for (const int item : touched) score[item] = 0;
    return;
  }
  thread_local std::vector<Scored> scored;
  scored.resize(touched.size());
  float top = 0;
  for (size_t k = 0; k < touched.size(); ++k) {
    const int item = touched[k];
    scored[k] = {score[item], item};
    top = std::max(top, score[item]);
    score[item] = 0;
  }
  // Buckets of equal width up to the top score: a higher bucket always
  // holds higher scores, so every bucket above the one where the count
  // reaches `keep` is kept whole.
  const float scale = top > 0 ? (kBuckets - 1) / top : 0;
  auto bucket = [scale](float s) {
    return std::clamp(static_cast<int>(s * scale), 0, kBuckets - 1);
  };
  std::array<int, kBuckets> count{};
  for (const Scored& s : scored) ++count[bucket(s.score)];
  int cut = kBuckets - 1;
  size_t above = 0;  // candidates in buckets above `cut`
  while (above + count[cut] < keep) above += count[cut--];
  thread_local std::vector<Scored> tied;  // the candidates at the cut
  tied.clear();
  touched.clear();
  for (const Scored& s : scored) {
    const int b = bucket(s.score);
    if (b > cut) {
      touched.push_back(s.item);
    } else if (b == cut) {
      tied.push_back(s);
    }
  }
  // Only those are ordered, by score and then item.
  const size_t rest = keep - above;
  std::nth_element(tied.begin(), tied.begin() + rest, tied.end(),
                   [](const Scored& x, const Scored& y) {
                     return x.score != y.score ? x.score > y.score
                                               : x.item < y.item;
                   });
  for (size_t k = 0; k < rest; ++k) touched.push_back(tied[k].item);
}

}  // namespace storyline::cluster
