#include "cluster/mutual_best.h"

#include <algorithm>
#include <boost/sort/pdqsort/pdqsort.hpp>
#include <cstdint>
#include <memory>

#include "base/parallel.h"

namespace storyline::cluster {
namespace {

// Packed: two links per edge are most of the linkage's memory, and 12
// bytes instead of 16 cost nothing measurable on x86.
struct __attribute__((packed)) Link {
  int to;        // neighbour cluster
  double total;  // summed similarity of the item pairs between the two
};
static_assert(sizeof(Link) == 12);

// Links of the open clusters, each list sorted by neighbour. Indexed by
// cluster id; entries of closed clusters are stale and never read.
struct Graph {
  std::vector<int> open;  // ascending
  std::vector<int64_t> begin;
  std::vector<int> length;
  // Not a vector: resizing one would zero every link on one thread before
  // the workers write them; these pages are first touched by the workers.
  std::unique_ptr<Link[]> links;
  int64_t capacity = 0;

  explicit Graph(int n) : begin(n, 0), length(n, 0) {}
  std::span<Link> Of(int c) {
    return {links.get() + begin[c], static_cast<size_t>(length[c])};
  }
};

// Sorts a list by neighbour and sums the totals of repeated neighbours;
// returns the new length.
int Combine(std::span<Link> list) {
  // Lists built from one item's edges come in order already, each
  // neighbour once: nothing to sort, nothing to sum.
  if (std::adjacent_find(list.begin(), list.end(),
                         [](const Link& x, const Link& y) {
                           return x.to >= y.to;
                         }) == list.end()) {
    return static_cast<int>(list.size());
  }
  boost::sort::pdqsort_branchless(
      list.begin(), list.end(),
      [](const Link& x, const Link& y) { return x.to < y.to; });
  int out = 0;
  for (const Link& l : list) {
    if (out > 0 && list[out - 1].to == l.to) {
      list[out - 1].total += l.total;
    } else {
      list[out++] = l;
    }
  }
  return out;
}

// Lays out lists of at most `capacity(c)` links for every cluster in
// `graph.open`, in order.
template <typename Capacity>
void Reserve(Graph& graph, Capacity capacity) {
  int64_t total = 0;
  for (const int c : graph.open) {
    graph.begin[c] = total;
    total += capacity(c);
  }
  if (total > graph.capacity) {
    graph.links.reset();  // before allocating: never both at once
    graph.links.reset(new Link[total]);
    graph.capacity = total;
  }
}

int Find(std::vector<int>& parent, int c) {
  while (parent[c] != c) c = parent[c] = parent[parent[c]];
  return c;
}

}  // namespace

std::vector<int> SmallestOfLabel(std::span<const int> labels) {
  const int n = static_cast<int>(labels.size());
  std::vector<int> smallest(n), first_of_label;
  for (int i = 0; i < n; ++i) {
    const int label = labels[i];
    if (label >= static_cast<int>(first_of_label.size())) {
      first_of_label.resize(label + 1, -1);
    }
    if (first_of_label[label] < 0) first_of_label[label] = i;
    smallest[i] = first_of_label[label];
  }
  return smallest;
}

MutualBestResult MergeMutualBest(std::span<const int> initial,
                                 std::span<const Edge> edges, double threshold,
                                 int threads, int unproductive_share) {
  const int n = static_cast<int>(initial.size());
  // A cluster's id is its smallest item, so that comparing ids breaks ties
  // as the priority-queue algorithm does.
  const std::vector<int> id = SmallestOfLabel(initial);
  std::vector<int> size(n, 0);
  for (int i = 0; i < n; ++i) ++size[id[i]];

  Graph graph(n), next(n);
  // Links per cluster, counted over a range of edges per worker: at a
  // million items, one thread's pass over every edge.
  const int parts = ResolveThreads(threads);
  auto edge_range = [&](int part) {
    return std::pair(edges.size() * part / parts,
                     edges.size() * (part + 1) / parts);
  };
  std::vector<std::vector<int>> counts(parts);
  ParallelFor(parts, parts, 1, [&](int, int part) {
    std::vector<int>& count = counts[part];
    count.assign(n, 0);
    const auto [from, to] = edge_range(part);
    for (size_t k = from; k < to; ++k) {
      const int a = id[edges[k].a], b = id[edges[k].b];
      if (a == b) continue;
      ++count[a];
      ++count[b];
    }
  });
  for (const std::vector<int>& count : counts) {
    for (int c = 0; c < n; ++c) graph.length[c] += count[c];
  }
  for (int c = 0; c < n; ++c) {
    if (graph.length[c] > 0) graph.open.push_back(c);
  }
  Reserve(graph, [&](int c) { return graph.length[c]; });
  // Each worker writes the links of its own range of edges, each list's
  // from where the ranges before it end: the lists fill in edge order, as
  // on one thread, and no edge is read twice.
  for (int c = 0; c < n; ++c) {
    int64_t at = graph.begin[c];
    for (std::vector<int>& count : counts) {
      const int links = count[c];
      count[c] = static_cast<int>(at - graph.begin[c]);
      at += links;
    }
  }
  ParallelFor(parts, parts, 1, [&](int, int part) {
    std::vector<int>& cursor = counts[part];
    const auto [from, to] = edge_range(part);
    for (size_t k = from; k < to; ++k) {
      const Edge& e = edges[k];
      const int a = id[e.a], b = id[e.b];
      if (a == b) continue;
      graph.links[graph.begin[a] + cursor[a]++] = {b, e.similarity};
      graph.links[graph.begin[b] + cursor[b]++] = {a, e.similarity};
    }
  });
  counts = {};
  ParallelFor(static_cast<int>(graph.open.size()), threads, 256,
              [&](int, int k) {
                const int c = graph.open[k];
                graph.length[c] = Combine(graph.Of(c));
              });

  // target: final clusters -1, open ones their cluster after this round.
  std::vector<int> best(n, -1), parent(n), absorbed(n, -1), target(n, -1);
  for (int c = 0; c < n; ++c) parent[c] = c;
  while (!graph.open.empty()) {
    // Each open cluster's most similar neighbour, if at or above the
    // threshold; ties to the smaller id (lists are sorted by id).
    ParallelFor(
        static_cast<int>(graph.open.size()), threads, 256, [&](int, int k) {
          const int c = graph.open[k];
          int pick = -1;
          double pick_average = 0;
          for (const Link& l : graph.Of(c)) {
            const double average = l.total / (double{1} * size[c] * size[l.to]);
            if (pick < 0 || average > pick_average) {
              pick = l.to;
              pick_average = average;
            }
          }
          best[c] = pick_average >= threshold ? pick : -1;
        });
    int merges = 0;
    for (const int c : graph.open) {
      const int d = best[c];
      if (d > c && best[d] == c) {
        parent[d] = c;
        absorbed[c] = d;
        size[c] += size[d];
        ++merges;
      }
    }
    // Without a neighbour at the threshold a cluster is final (its
    // averages can only fall); absorbed ones live on in their partner.
    // Where each link now leads, in one table: at a million items the
    // gathering below reads it at random for every link. A cluster stays
    // open when it leads to itself.
    next.open.clear();
    for (const int c : graph.open) {
      target[c] = best[c] < 0 ? -1 : parent[c];
      if (target[c] == c) next.open.push_back(c);
    }
    Reserve(next, [&](int c) {
      return graph.length[c] +
             (absorbed[c] >= 0 ? graph.length[absorbed[c]] : 0);
    });
    ParallelFor(static_cast<int>(next.open.size()), threads, 256,
                [&](int, int k) {
                  const int c = next.open[k];
                  Link* out = next.links.get() + next.begin[c];
                  int m = 0;
                  auto gather = [&](int from) {
                    for (const Link& l : graph.Of(from)) {
                      const int to = target[l.to];
                      if (to >= 0 && to != c) out[m++] = {to, l.total};
                    }
                  };
                  gather(c);
                  if (absorbed[c] >= 0) gather(absorbed[c]);
                  next.length[c] = Combine({out, static_cast<size_t>(m)});
                });
    for (const int c : next.open) absorbed[c] = -1;
    const int was_open = static_cast<int>(graph.open.size());
    std::swap(graph, next);
    // Past that point, when chains of merges remain, the priority queue
    // finishes faster than more passes over the graph would.
    if (unproductive_share > 0 &&
        int64_t{merges} * unproductive_share < was_open) {
      break;
    }
  }

  MutualBestResult result;
  result.labels.resize(n);
  for (int i = 0; i < n; ++i) result.labels[i] = Find(parent, id[i]);
  if (!graph.open.empty()) {
    std::vector<char> open(n, 0);
    for (const int c : graph.open) open[c] = 1;
    for (const Edge& e : edges) {
      const int a = result.labels[e.a], b = result.labels[e.b];
      if (a != b && open[a] && open[b]) result.open_edges.push_back(e);
    }
  }
  return result;
}

}  // namespace storyline::cluster
