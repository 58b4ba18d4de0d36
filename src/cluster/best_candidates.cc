#include "cluster/best_candidates.h"

#include <algorithm>
#include <array>
#include <bit>

namespace storyline::cluster {
namespace {

struct Scored {
  float score;
  int item;
};

// Buckets by the bits of a score: for non-negative floats their order is
// the order of the values, so a score's bucket needs no scale and is known
// in the same pass that reads it. Sixteen buckets per power of two, from
// 2^-26 (all lower scores share the first) to 2^6.
constexpr int kBucketShift = 19;  // 8 exponent bits and 4 of the mantissa
constexpr int kBuckets = 512;
constexpr int kFirstBucket = (127 - 26) << 4;

int BucketOf(float score) {
  const int bits = std::bit_cast<int>(score);  // negative when score < 0
  return std::clamp((bits >> kBucketShift) - kFirstBucket, 0, kBuckets - 1);
}

}  // namespace

void KeepBestCandidates(std::vector<int>& touched, std::span<float> score,
                        size_t keep) {
  if (touched.size() <= keep) {
    for (const int item : touched) score[item] = 0;
    return;
  }
  thread_local std::vector<Scored> scored;
  scored.resize(touched.size());
  std::array<int, kBuckets> count{};
  int top = 0;
  for (size_t k = 0; k < touched.size(); ++k) {
    const int item = touched[k];
    const float s = score[item];
    score[item] = 0;
    scored[k] = {s, item};
    const int b = BucketOf(s);
    ++count[b];
    top = std::max(top, b);
  }
  // A higher bucket always holds higher scores, so every bucket above the
  // one where the count reaches `keep` is kept whole.
  int cut = top;
  size_t above = 0;  // candidates in buckets above `cut`
  while (above + count[cut] < keep) above += count[cut--];
  thread_local std::vector<Scored> tied;  // the candidates at the cut
  tied.clear();
  touched.clear();
  for (const Scored& s : scored) {
    const int b = BucketOf(s.score);
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
