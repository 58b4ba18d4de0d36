#include "distributed/similar_pairs.h"

#include "distributed/wire.h"

namespace storyline::distributed {

cluster::EdgeList SimilarPairsAcrossRanks(
    const Comm& comm, std::span<const cluster::SparseVector> vectors,
    std::span<const cluster::DateRange> dates,
    const cluster::SimilarityParams& params, int threads) {
  const cluster::RowShare rows{.part = comm.rank(), .parts = comm.size()};
  cluster::EdgeList mine =
      cluster::SimilarPairs(vectors, dates, params, threads, rows);
  // Block by block, each with its count: rank 0 deals them back in turn.
  const int blocks =
      cluster::RowShare::Blocks(static_cast<int>(vectors.size()));
  WireWriter w;
  size_t k = 0;
  for (int block = 0; block < blocks; ++block) {
    if (!rows.HasBlock(block)) continue;
    const int end = (block + 1) * cluster::RowShare::kBlock;
    size_t count = 0;
    while (k + count < mine.size() && mine[k + count].a < end) ++count;
    w.Put<uint64_t>(count);
    for (; count > 0; --count, ++k) {
      w.Put<int32_t>(mine[k].a);
      w.Put<int32_t>(mine[k].b);
      w.Put(mine[k].similarity);
      w.Put(mine[k].cosine);
    }
  }
  mine = {};
  std::vector<std::string> parts = comm.Gather(w.Take(), 0);
  if (comm.rank() != 0) return {};

  size_t bytes = 0;
  for (const std::string& part : parts) bytes += part.size();
  cluster::EdgeList edges;
  edges.reserve(bytes / 16 + params.spare_edges);
  std::vector<WireReader> readers(parts.begin(), parts.end());
  for (int block = 0; block < blocks; ++block) {
    WireReader& r = readers[block % comm.size()];
    for (uint64_t count = r.Get<uint64_t>(); count > 0 && r.ok(); --count) {
      cluster::Edge& e = edges.emplace_back();
      e.a = r.Get<int32_t>();
      e.b = r.Get<int32_t>();
      e.similarity = r.Get<float>();
      e.cosine = r.Get<float>();
    }
  }
  for (const WireReader& r : readers) {
    if (!r.ok() || !r.done()) comm.Abort("corrupt similarity message", 4);
  }
  return edges;
}

}  // namespace storyline::distributed
