// Runs work on a fixed number of threads. Work is split into contiguous
// index ranges, so any per-range result can be merged in index order and the
// output never depends on the thread count.
#pragma once

#include <algorithm>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace storyline {

// 0 means "all cores".
inline int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

// Calls fn(worker, begin, end) on `threads` workers over [0, n), each worker
// taking one contiguous range. Worker ids are 0..threads-1, so callers can
// keep one non-thread-safe object (stemmer, break iterator) per worker.
inline void ParallelRanges(
    int n, int threads,
    const std::function<void(int worker, int begin, int end)>& fn) {
  threads = std::max(1, std::min(ResolveThreads(threads), n));
  if (threads == 1) {
    if (n > 0) fn(0, 0, n);
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (int t = 0; t < threads; ++t) {
    const int begin = static_cast<int>(int64_t{n} * t / threads);
    const int end = static_cast<int>(int64_t{n} * (t + 1) / threads);
    pool.emplace_back(fn, t, begin, end);
  }
  for (auto& thread : pool) thread.join();
}

// One T per worker, made on a worker's first use: for objects that are not
// thread-safe or that keep buffers from item to item (tokenizers,
// analyzers). `args` are copied into every T's constructor.
template <typename T>
class PerWorker {
 public:
  template <typename... Args>
  explicit PerWorker(int workers, const Args&... args)
      : objects_(ResolveThreads(workers)),
        make_([=] { return std::make_unique<T>(args...); }) {}

  T& operator[](int worker) {
    auto& object = objects_[worker];
    if (!object) object = make_();
    return *object;
  }

 private:
  std::vector<std::unique_ptr<T>> objects_;
  std::function<std::unique_ptr<T>()> make_;
};

// Calls fn(worker, i) for every i in [0, n) with dynamic load balancing in
// chunks of `chunk`; use when items differ a lot in cost. Results must be
// written to slot i so that order is kept.
void ParallelFor(int n, int threads, int chunk,
                 const std::function<void(int worker, int i)>& fn);

// Appends per-range or per-item results to `out` in index order, with
// room reserved once for them and `spare` more, and frees each part once
// copied: the joined output and all the parts are never held twice over.
template <typename T>
void AppendInOrder(std::vector<T>& out, std::vector<std::vector<T>>& parts,
                   size_t spare = 0) {
  size_t total = out.size() + spare;
  for (const auto& part : parts) total += part.size();
  out.reserve(total);
  for (auto& part : parts) {
    out.insert(out.end(), part.begin(), part.end());
    part = {};
  }
}

}  // namespace storyline
