#include "cluster/posting_index.h"

#include <boost/sort/block_indirect_sort/block_indirect_sort.hpp>
#include <tuple>

#include "base/parallel.h"
#include "base/uninitialized.h"

namespace storyline::cluster {

PostingIndex::PostingIndex(std::span<const SparseVector> vectors,
                           std::span<const DateRange> dates,
                           const std::vector<std::vector<int>>& indexed,
                           int max_df, int threads) {
  const int n = static_cast<int>(vectors.size());
  // Every (term, item) pair, sorted into the lists' order on all threads;
  // the keys are distinct, so any sort gives this order.
  struct Key {
    Term term;
    uint32_t undated;
    int day, item, slot;
    auto Tie() const { return std::tie(term, undated, day, item); }
  };
  list_of_.resize(n);
  position_.resize(n);
  std::vector<size_t> offset(n + 1, 0);
  for (int i = 0; i < n; ++i) offset[i + 1] = offset[i] + indexed[i].size();
  // The arrays below run to hundreds of megabytes at a million items: each
  // is first written by the workers, not zeroed on one thread beforehand.
  UninitializedVector<Key> keys;
  keys.resize(offset[n]);
  ParallelFor(n, threads, 256, [&](int, int i) {
    const bool dated = dates[i].first.has_value();
    const int day = dated ? DayNumber(*dates[i].first) : 0;
    for (size_t slot = 0; slot < indexed[i].size(); ++slot) {
      keys[offset[i] + slot] = {vectors[i].terms[indexed[i][slot]],
                                dated ? 0u : 1u, day, i,
                                static_cast<int>(slot)};
    }
    list_of_[i].assign(indexed[i].size(), -1);
    position_[i].assign(indexed[i].size(), -1);
  });
  boost::sort::block_indirect_sort(
      keys.begin(), keys.end(),
      [](const Key& x, const Key& y) { return x.Tie() < y.Tie(); },
      static_cast<uint32_t>(ResolveThreads(threads)));
  // The lists: one pass over the sorted keys, then filled on all threads
  // (each key is one item's slot: no two lists write the same place).
  for (size_t b = 0; b < keys.size();) {
    size_t e = b + 1;
    while (e < keys.size() && keys[e].term == keys[b].term) ++e;
    const size_t df = e - b;
    if (df >= 2 && df <= static_cast<size_t>(max_df)) {
      size_t u = b;
      while (u < e && keys[u].undated == 0) ++u;
      lists_.push_back({b, u, e});
    }
    b = e;
  }
  postings_.resize(keys.size());
  ParallelFor(static_cast<int>(lists_.size()), threads, 64, [&](int, int list) {
    const List& l = lists_[list];
    for (size_t k = l.dated; k < l.end; ++k) {
      const Key& key = keys[k];
      list_of_[key.item][key.slot] = list;
      position_[key.item][key.slot] =
          static_cast<int>(k < l.undated ? k - l.dated : k - l.undated);
      postings_[k] = {key.day, key.item,
                      vectors[key.item].weights[indexed[key.item][key.slot]]};
    }
  });
}

}  // namespace storyline::cluster
