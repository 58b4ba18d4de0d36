#include "base/parallel.h"

#include <atomic>

namespace storyline {

void ParallelFor(int n, int threads, int chunk,
                 const std::function<void(int worker, int i)>& fn) {
  threads = std::max(1, std::min(ResolveThreads(threads), n));
  chunk = std::max(1, chunk);
  std::atomic<int> next{0};
  auto work = [&](int worker) {
    for (;;) {
      const int begin = next.fetch_add(chunk);
      if (begin >= n) return;
      const int end = std::min(n, begin + chunk);
      for (int i = begin; i < end; ++i) fn(worker, i);
    }
  };
  if (threads == 1) {
    work(0);
    return;
  }
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work, t);
  for (auto& thread : pool) thread.join();
}

}  // namespace storyline
