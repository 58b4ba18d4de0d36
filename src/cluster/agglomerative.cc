#include "cluster/agglomerative.h"

#include <queue>
#include <tuple>

#include "absl/container/flat_hash_map.h"

namespace storyline::cluster {
namespace {

struct Candidate {
  double average;
  int a, b;                  // cluster ids, a < b
  int version_a, version_b;  // stale when a cluster changed since
  bool operator<(const Candidate& other) const {
    // Max-heap on average; ties to the smaller ids.
    return std::tie(average, other.a, other.b) < std::tie(other.average, a, b);
  }
};

}  // namespace

std::vector<int> AverageLinkFrom(std::span<const int> initial,
                                 std::span<const Edge> edges,
                                 double threshold) {
  const int n = static_cast<int>(initial.size());
  // Clusters are named by their smallest item.
  std::vector<int> parent(n), size(n, 0), version(n, 0);
  std::vector<int> root_of_label;
  for (int i = 0; i < n; ++i) {
    const int label = initial[i];
    if (label >= static_cast<int>(root_of_label.size())) {
      root_of_label.resize(label + 1, -1);
    }
    if (root_of_label[label] < 0) root_of_label[label] = i;
    parent[i] = root_of_label[label];
    ++size[parent[i]];
  }
  // Cluster c's total similarity to each neighbour cluster.
  std::vector<absl::flat_hash_map<int, double>> links(n);
  for (const Edge& e : edges) {
    const int a = parent[e.a], b = parent[e.b];
    if (a == b) continue;
    links[a][b] += e.similarity;
    links[b][a] += e.similarity;
  }
  std::priority_queue<Candidate> queue;
  auto push = [&](int a, int c, double total) {
    const double average = total / (double{1} * size[a] * size[c]);
    if (average < threshold) return;
    const int x = std::min(a, c), y = std::max(a, c);
    queue.push({average, x, y, version[x], version[y]});
  };
  for (int a = 0; a < n; ++a) {
    for (const auto& [c, total] : links[a]) {
      if (a < c) push(a, c, total);
    }
  }
  while (!queue.empty()) {
    const Candidate top = queue.top();
    queue.pop();
    if (version[top.a] != top.version_a || version[top.b] != top.version_b) {
      continue;
    }
    // Merge b into a (a keeps the smaller id, so labels stay stable).
    const int a = top.a, b = top.b;
    parent[b] = a;
    links[a].erase(b);
    links[b].erase(a);
    for (const auto& [c, total] : links[b]) {
      links[a][c] += total;
      auto& back = links[c];
      back.erase(b);
      back[a] += total;
    }
    links[b].clear();
    size[a] += size[b];
    size[b] = 0;
    ++version[a];
    ++version[b];
    for (const auto& [c, total] : links[a]) push(a, c, total);
  }
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

std::vector<int> AverageLink(int n, std::span<const Edge> edges,
                             double threshold) {
  std::vector<int> singletons(n);
  for (int i = 0; i < n; ++i) singletons[i] = i;
  return AverageLinkFrom(singletons, edges, threshold);
}

}  // namespace storyline::cluster
