#include "cluster/clusterer.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdint>

#include "absl/container/flat_hash_map.h"
#include "base/parallel.h"
#include "cluster/agglomerative.h"
#include "cluster/similarity.h"
#include "fmt/format.h"

namespace storyline::cluster {
namespace {

// Edges weaker than this share of a level's threshold are dropped. They can
// only tip averages that sit at the threshold already, yet they are most of
// the graph: at this cut the event graph halves and the dev sets cluster
// exactly as with a cut at a tenth.
constexpr double kWeakEdgeShare = 0.25;

// Groups items by label; groups ordered by smallest member, members sorted.
std::vector<std::vector<int>> Groups(const std::vector<int>& labels) {
  int count = 0;
  for (const int label : labels) count = std::max(count, label + 1);
  std::vector<std::vector<int>> groups(count);
  for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
    groups[labels[i]].push_back(i);
  }
  return groups;  // AverageLink numbers labels by smallest member
}

// Adds `similarity` on the edge (a, b), keeping the larger value.
void Raise(EdgeList& edges, int a, int b, float similarity) {
  if (a == b) return;
  if (a > b) std::swap(a, b);
  edges.push_back({a, b, similarity, similarity});
}

bool PairLess(const Edge& x, const Edge& y) {
  return x.a != y.a ? x.a < y.a : x.b < y.b;
}

bool SamePair(const Edge& x, const Edge& y) { return x.a == y.a && x.b == y.b; }

// The first edge in [from, end) (sorted by pair) not before `key`, looked
// for near `from`: steps doubling from there, then a binary search.
EdgeList::iterator Gallop(EdgeList::iterator from, EdgeList::iterator end,
                          const Edge& key) {
  for (ptrdiff_t step = 1; from < end; step *= 2) {
    const auto probe = from + std::min(step, end - from) - 1;
    if (!PairLess(*probe, key)) {
      return std::lower_bound(from, probe + 1, key, PairLess);
    }
    from = probe + 1;
  }
  return end;
}

// Collapses parallel edges to their maximum; sorted by (a, b). The
// similarity pass gives distinct pairs in that order, and most of the few
// edges raised after it repeat one of its pairs: those are raised in place,
// found by a walk through the list, and only the others are merged in. At
// a million articles that is one pass over the list instead of three.
void Dedupe(EdgeList& edges) {
  const auto head_end = std::is_sorted_until(
      edges.begin(), edges.end(), [](const Edge& x, const Edge& previous) {
        return !PairLess(previous, x);
      });
  // The rest: by pair, the largest similarity first, one edge per pair.
  std::sort(head_end, edges.end(), [](const Edge& x, const Edge& y) {
    return SamePair(x, y) ? x.similarity > y.similarity : PairLess(x, y);
  });
  const auto tail_end = std::unique(head_end, edges.end(), SamePair);
  auto added = head_end;  // pairs the head lacks, kept in order
  auto at = edges.begin();
  for (auto it = head_end; it != tail_end; ++it) {
    at = Gallop(at, head_end, *it);
    if (at != head_end && SamePair(*at, *it)) {
      if (it->similarity > at->similarity) *at = *it;  // a tie keeps the head's
    } else {
      *added++ = *it;
    }
  }
  const auto head = head_end - edges.begin();
  edges.erase(added, edges.end());
  std::inplace_merge(edges.begin(), edges.begin() + head, edges.end(),
                     PairLess);
}

}  // namespace

std::string ClusterId(char prefix, std::string_view smallest_member_id) {
  return fmt::format(
      "{}{:012x}", prefix,
      XXH3_64bits(smallest_member_id.data(), smallest_member_id.size()) &
          0xffffffffffffULL);
}

SimilarityParams StoryPassParams(const ClusterOptions& options,
                                 size_t corpus_size) {
  SimilarityParams story_time;
  story_time.min_similarity =
      std::min(options.event_threshold, options.story_threshold) *
      kWeakEdgeShare;
  story_time.window_days = options.story_window_days;
  story_time.decay_days = options.story_decay_days;
  story_time.floor = options.story_time_floor;
  story_time.candidate_terms = options.candidate_terms;
  story_time.max_df_ratio = options.max_df_ratio;
  story_time.max_term_docs = options.max_term_docs;
  story_time.posting_block = options.posting_block;
  story_time.corpus_size = corpus_size;
  return story_time;
}

std::vector<DateRange> DayRanges(
    std::span<const std::optional<absl::CivilDay>> dates) {
  std::vector<DateRange> ranges(dates.size());
  for (size_t i = 0; i < dates.size(); ++i) ranges[i] = {dates[i], dates[i]};
  return ranges;
}

Clustering ClusterArticles(const ClusterInput& input,
                           const ClusterOptions& options, int threads) {
  // One similarity pass under the story level's wider time window; the
  // event level re-discounts the same edges with its own narrower one.
  SimilarityParams params = StoryPassParams(options, input.corpus_size);
  params.spare_edges = input.copies.size();  // raised to 1 by ClusterFromEdges
  return ClusterFromEdges(
      input,
      SimilarPairs(input.vectors, DayRanges(input.dates), params, threads),
      options, threads);
}

Clustering ClusterFromEdges(const ClusterInput& input, EdgeList story_edges,
                            const ClusterOptions& options, int threads) {
  const int n = static_cast<int>(input.ids.size());
  Clustering result;
  const std::vector<DateRange> doc_dates = DayRanges(input.dates);
  const SimilarityParams story_time =
      StoryPassParams(options, input.corpus_size);

  // Level 1: events. Exact and near-duplicate copies always join.
  SimilarityParams event_time = story_time;
  event_time.window_days = options.event_window_days;
  event_time.decay_days = options.event_decay_days;
  event_time.floor = options.event_time_floor;
  // Filtered in blocks on all threads: counted first, so that each block
  // writes its share of one list of the exact size, in block order (the
  // edges stay sorted, as Dedupe expects).
  const TimeDiscount event_discount(doc_dates, event_time);
  const double event_floor = options.event_threshold * kWeakEdgeShare;
  auto event_similarity = [&](const Edge& e) {
    return e.cosine * event_discount.Between(e.a, e.b);
  };
  const size_t total = story_edges.size();
  const int blocks = static_cast<int>(std::min<size_t>(64, total));
  auto block_begin = [&](int b) { return total * b / blocks; };
  std::vector<size_t> at(blocks + 1, 0);
  ParallelFor(blocks, threads, 1, [&](int, int b) {
    for (size_t k = block_begin(b); k < block_begin(b + 1); ++k) {
      at[b + 1] += event_similarity(story_edges[k]) >= event_floor;
    }
  });
  for (int b = 0; b < blocks; ++b) at[b + 1] += at[b];
  EdgeList event_edges;
  event_edges.reserve(at[blocks] + input.copies.size());
  event_edges.resize(at[blocks]);
  ParallelFor(blocks, threads, 1, [&](int, int b) {
    size_t out = at[b];
    for (size_t k = block_begin(b); k < block_begin(b + 1); ++k) {
      const Edge& e = story_edges[k];
      const double similarity = event_similarity(e);
      if (similarity >= event_floor) {
        event_edges[out++] = {e.a, e.b, static_cast<float>(similarity),
                              e.cosine};
      }
    }
  });
  for (const CopyPair& copy : input.copies) {
    if (copy.kind != CopyKind::kPartial)
      Raise(event_edges, copy.a, copy.b, 1.0f);
  }
  Dedupe(event_edges);
  const std::vector<int> event_labels =
      AverageLink(n, event_edges, options.event_threshold, threads);
  for (const auto& members : Groups(event_labels)) {
    Event event;
    event.id = ClusterId('e', input.ids[members.front()]);
    event.docs = members;
    result.events.push_back(std::move(event));
  }

  // Level 2: group-average linkage over articles continued from the events,
  // at the story threshold. A reused passage counts as full similarity.
  story_edges.reserve(story_edges.size() + input.copies.size());
  for (const CopyPair& copy : input.copies) {
    Raise(story_edges, copy.a, copy.b, 1.0f);
  }
  Dedupe(story_edges);
  const std::vector<int> story_labels = AverageLinkFrom(
      event_labels, story_edges, options.story_threshold, threads);
  std::vector<Cluster> stories(Groups(story_labels).size());
  for (int e = 0; e < static_cast<int>(result.events.size()); ++e) {
    Cluster& story = stories[story_labels[result.events[e].docs.front()]];
    story.events.push_back(e);
    const auto& docs = result.events[e].docs;
    story.docs.insert(story.docs.end(), docs.begin(), docs.end());
  }
  for (Cluster& story : stories) {
    std::sort(story.docs.begin(), story.docs.end());
    story.id = ClusterId('s', input.ids[story.docs.front()]);
  }
  result.stories = std::move(stories);
  std::stable_sort(result.stories.begin(), result.stories.end(),
                   [](const Cluster& x, const Cluster& y) {
                     return x.docs.size() > y.docs.size();
                   });
  return result;
}

}  // namespace storyline::cluster
