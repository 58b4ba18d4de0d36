#include "cluster/agglomerative.h"

#include <queue>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "base/parallel.h"
#include "cluster/mutual_best.h"

namespace storyline::cluster {
namespace {

// A queued merge. Its average may be stale (too high): a cluster that grew
// lowers its average to every neighbour it gained nothing from, and those
// entries are checked and requeued when they come up rather than updated
// at every merge (which made a growing cluster cost its whole
// neighbourhood per merge).
struct Candidate {
  double average;
  int first_x, first_y;  // smallest members, first_x < first_y: the tie-break
  int x, y;              // cluster roots when queued
  bool operator<(const Candidate& other) const {
    // Max-heap on average; ties to the smaller members.
    return std::tie(average, other.first_x, other.first_y) <
           std::tie(other.average, first_x, first_y);
  }
};

// Best pair first from a priority queue, each connected component of the
// above-threshold graph on its own.
std::vector<int> GreedyAverageLink(std::span<const int> initial,
                                   std::span<const Edge> edges,
                                   double threshold, int threads) {
  const int n = static_cast<int>(initial.size());
  // parent[i] == i for a cluster's root; first[root] is its smallest item.
  std::vector<int> parent = SmallestOfLabel(initial), size(n, 0);
  std::vector<int> first = parent;
  for (int i = 0; i < n; ++i) ++size[parent[i]];
  // Cluster c's total similarity to each neighbour cluster.
  std::vector<absl::flat_hash_map<int, double>> links(n);
  for (const Edge& e : edges) {
    const int a = parent[e.a], b = parent[e.b];
    if (a == b) continue;
    links[a][b] += e.similarity;
    links[b][a] += e.similarity;
  }
  auto average = [&](int a, int c, double total) {
    return total / (double{1} * size[a] * size[c]);
  };
  // A merge needs an edge of at least `threshold` between the two clusters
  // (an average is never above the largest term), so clusters never grow
  // across the components of the graph of such edges: each component is
  // clustered on its own, with its own small queue, on any thread. The
  // components touch disjoint clusters, so the result is the same as one
  // queue over all of them.
  std::vector<int> component(n);
  for (int i = 0; i < n; ++i) component[i] = i;
  auto find = [&](int i) {
    while (component[i] != i) i = component[i] = component[component[i]];
    return i;
  };
  for (const Edge& e : edges) {
    if (e.similarity < threshold) continue;
    const int a = find(parent[e.a]), b = find(parent[e.b]);
    if (a != b) component[std::max(a, b)] = std::min(a, b);
  }
  // Links across components never lead to a merge; dropping them keeps
  // every component's work to its own clusters (and threads apart).
  for (int a = 0; a < n; ++a) {
    if (links[a].empty()) continue;
    const int root = find(a);
    absl::erase_if(links[a],
                   [&](const auto& link) { return find(link.first) != root; });
  }
  // Initial candidates, grouped by component.
  std::vector<int> slot_of(n, -1);
  std::vector<std::vector<Candidate>> queued;
  for (int a = 0; a < n; ++a) {
    for (const auto& [c, total] : links[a]) {
      if (a > c) continue;
      const double avg = average(a, c, total);
      if (avg < threshold) continue;
      const int root = find(a);
      if (slot_of[root] < 0) {
        slot_of[root] = static_cast<int>(queued.size());
        queued.emplace_back();
      }
      const int x = first[a] < first[c] ? a : c, y = x == a ? c : a;
      queued[slot_of[root]].push_back({avg, first[x], first[y], x, y});
    }
  }
  ParallelFor(static_cast<int>(queued.size()), threads, 1, [&](int, int k) {
    std::priority_queue<Candidate> queue(std::less<Candidate>(),
                                         std::move(queued[k]));
    auto push = [&](int a, int c, double total) {
      const double avg = average(a, c, total);
      if (avg < threshold) return;
      if (first[a] > first[c]) std::swap(a, c);
      queue.push({avg, first[a], first[c], a, c});
    };
    while (!queue.empty()) {
      const Candidate top = queue.top();
      queue.pop();
      const int x = top.x, y = top.y;
      if (parent[x] != x || parent[y] != y) continue;  // merged away since
      const auto link = links[x].find(y);
      if (link == links[x].end()) continue;
      if (average(x, y, link->second) != top.average ||
          first[x] != top.first_x || first[y] != top.first_y) {
        push(x, y, link->second);  // stale: requeue at its current average
        continue;
      }
      // Merge the cluster with fewer neighbours into the other, whose root
      // survives: the work is the smaller neighbourhood.
      int keep = x, gone = y;
      if (links[keep].size() < links[gone].size()) std::swap(keep, gone);
      parent[gone] = keep;
      links[keep].erase(gone);
      links[gone].erase(keep);
      size[keep] += size[gone];
      size[gone] = 0;
      first[keep] = std::min(first[keep], first[gone]);
      for (const auto& [c, total] : links[gone]) {
        auto& back = links[c];
        back.erase(gone);
        back[keep] += total;
        links[keep][c] += total;
      }
      // Neighbours `gone` brought may now be closer; the rest only farther.
      for (const auto& [c, total] : links[gone]) {
        push(keep, c, links[keep][c]);
      }
      links[gone] = {};
    }
  });
  // Resolve roots and number clusters by smallest member.
  std::vector<int> label(n, -1), root_label(n, -1);
  int next = 0;
  for (int i = 0; i < n; ++i) {
    int root = i;
    while (parent[root] != root) root = parent[root];
    if (root_label[root] < 0) root_label[root] = next++;
    label[i] = root_label[root];
  }
  return label;
}

}  // namespace

std::vector<int> AverageLinkFrom(std::span<const int> initial,
                                 std::span<const Edge> edges, double threshold,
                                 int threads) {
  const MutualBestResult rounds =
      MergeMutualBest(initial, edges, threshold, threads);
  return GreedyAverageLink(rounds.labels, rounds.open_edges, threshold,
                           threads);
}

std::vector<int> AverageLink(int n, std::span<const Edge> edges,
                             double threshold, int threads) {
  std::vector<int> singletons(n);
  for (int i = 0; i < n; ++i) singletons[i] = i;
  return AverageLinkFrom(singletons, edges, threshold, threads);
}

}  // namespace storyline::cluster
