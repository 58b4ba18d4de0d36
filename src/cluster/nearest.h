// The stored article a new one is most like, under the corpus statistics
// of the last full clustering: what a write can report at once, before the
// next recluster places the article exactly (it may then land elsewhere:
// every weight moves a little with the corpus).
#pragma once

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "cluster/vectors.h"
#include "storyline/options.h"

namespace storyline::cluster {

class NearestArticles {
 public:
  NearestArticles() = default;
  // `vectors` are the stored articles' weighted vectors under `idf`.
  NearestArticles(IdfTable idf, std::vector<SparseVector> vectors,
                  const ClusterOptions& options);

  struct Match {
    int doc = -1;  // index into the stored articles, -1 for none
    double cosine = 0;
  };
  // The stored article with the highest cosine to an article with these
  // term counts, among those sharing one of its heaviest terms; ties go to
  // the smaller index.
  Match Find(const SparseVector& counts) const;

  bool empty() const { return vectors_.empty(); }

 private:
  IdfTable idf_;
  std::vector<SparseVector> vectors_;
  ClusterOptions options_;
  // Each article's heaviest terms: (article, weight) per term.
  absl::flat_hash_map<Term, std::vector<std::pair<int, float>>> postings_;
};

}  // namespace storyline::cluster
