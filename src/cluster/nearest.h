// The stored articles a new one is most like, under the corpus statistics
// of the last full clustering plus the articles added since: what a write
// can report at once, and what tells a local update which stories an
// article may join. A full recluster may then place an article elsewhere:
// every weight moves a little with the corpus.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "cluster/vectors.h"
#include "storyline/options.h"

namespace storyline::cluster {

// Thread-safe: lookups may run while articles are added.
class NearestArticles {
 public:
  NearestArticles() = default;
  // `vectors` are the stored articles' weighted vectors under `idf`,
  // `dates` their days; article k is index k.
  NearestArticles(IdfTable idf, std::vector<SparseVector> vectors,
                  std::span<const std::optional<absl::CivilDay>> dates,
                  const ClusterOptions& options);
  NearestArticles(const NearestArticles&) = delete;
  NearestArticles& operator=(const NearestArticles&) = delete;

  // Counts the article into the IDF, weighs it under the result and
  // indexes it; returns its index (the next one).
  int Add(const SparseVector& counts, std::optional<absl::CivilDay> day);
  // Takes an article's counts back out of the IDF. Its vector stays, for
  // the caller to skip (see `usable` below).
  void Remove(const SparseVector& counts);

  struct Match {
    int doc = -1;  // index into the stored articles, -1 for none
    double cosine = 0;
  };
  // The stored articles with the highest cosine to `vector` of `day`,
  // best first (ties to the smaller index), at most `max`, among those
  // `usable` accepts that share one of its heaviest terms and are closest
  // to it in time (as in the batch search, a term's dated postings are
  // visited only in a window of 3 posting blocks around the article's day;
  // undated articles meet all, and all meet the undated).
  std::vector<Match> Neighbors(const SparseVector& vector,
                               std::optional<absl::CivilDay> day,
                               const std::function<bool(int)>& usable,
                               size_t max) const;
  // The best of Neighbors for an article with these term counts.
  Match Find(const SparseVector& counts, std::optional<absl::CivilDay> day,
             const std::function<bool(int)>& usable) const;

  // Counts weighted as the batch would under the IDF now.
  SparseVector Weigh(const SparseVector& counts) const;
  // Article `doc`'s vector, as indexed.
  SparseVector VectorOf(int doc) const;

 private:
  struct Posting {
    int day;  // days since 1970; undated first
    int doc;
    float weight;
  };
  // The order of a posting list: by day, then article.
  static bool Earlier(const Posting& x, const Posting& y) {
    return x.day != y.day ? x.day < y.day : x.doc < y.doc;
  }
  void Index(int doc, int day) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  IdfTable idf_ ABSL_GUARDED_BY(mu_);
  std::vector<SparseVector> vectors_ ABSL_GUARDED_BY(mu_);
  ClusterOptions options_;
  // Each article's heaviest terms, by day then article.
  absl::flat_hash_map<Term, std::vector<Posting>> postings_
      ABSL_GUARDED_BY(mu_);
  // Terms in too many articles to propose anything useful, at the build.
  absl::flat_hash_set<Term> common_ ABSL_GUARDED_BY(mu_);
};

}  // namespace storyline::cluster
