// The stored article a new one is most like, under the corpus statistics
// of the last full clustering: what a write can report at once, before the
// next recluster places the article exactly (it may then land elsewhere:
// every weight moves a little with the corpus).
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/civil_time.h"
#include "cluster/vectors.h"
#include "storyline/options.h"

namespace storyline::cluster {

class NearestArticles {
 public:
  NearestArticles() = default;
  // `vectors` are the stored articles' weighted vectors under `idf`,
  // `dates` their days.
  NearestArticles(IdfTable idf, std::vector<SparseVector> vectors,
                  std::span<const std::optional<absl::CivilDay>> dates,
                  const ClusterOptions& options);

  struct Match {
    int doc = -1;  // index into the stored articles, -1 for none
    double cosine = 0;
  };
  // The stored article with the highest cosine to an article of `day` with
  // these term counts, among those sharing one of its heaviest terms and
  // closest to it in time (as in the batch search, a term's postings in
  // date order are visited only in a window of 3 posting blocks around the
  // article's day; undated articles look at the newest); ties go to the
  // smaller index.
  Match Find(const SparseVector& counts,
             std::optional<absl::CivilDay> day) const;

 private:
  IdfTable idf_;
  std::vector<SparseVector> vectors_;
  ClusterOptions options_;
  struct Posting {
    int day;  // days since 1970; undated first
    int doc;
    float weight;
  };
  // Each article's heaviest terms, by day then article.
  absl::flat_hash_map<Term, std::vector<Posting>> postings_;
};

}  // namespace storyline::cluster
