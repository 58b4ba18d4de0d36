// The few MPI collectives the distributed runner needs, on byte strings.
// Messages of any size: bytes travel in 4 KiB blocks, so MPI's int counts
// reach terabytes. Every call is collective: all ranks make it, in order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::distributed {

class Comm {
 public:
  // Initializes MPI (once per process) with MPI_COMM_WORLD.
  Comm(int* argc, char*** argv);
  ~Comm();  // MPI_Finalize
  Comm(const Comm&) = delete;
  Comm& operator=(const Comm&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  // Bytes of payload this rank has sent to other ranks so far (what the
  // network carries, apart from MPI's own framing and block padding).
  uint64_t bytes_sent() const { return sent_; }

  // Every rank's `mine`, on every rank, in rank order.
  std::vector<std::string> AllGather(std::string_view mine) const;
  // Every rank's `mine` on `root` (in rank order); empty elsewhere.
  std::vector<std::string> Gather(std::string_view mine, int root) const;
  // `root`'s parts[r] to rank r; `parts` is read on root only.
  std::string Scatter(const std::vector<std::string>& parts, int root) const;
  // parts[r] to rank r, from every rank: returns what each rank sent this
  // one, in rank order. `parts` has one entry per rank.
  std::vector<std::string> AllToAll(
      const std::vector<std::string>& parts) const;
  // `data` from root, on every rank.
  std::string Broadcast(std::string data, int root) const;

  // Element-wise sums over ranks.
  std::vector<uint64_t> SumAll(const std::vector<uint64_t>& mine) const;
  // Element-wise sums over the ranks before this one (zeros on rank 0).
  std::vector<uint64_t> SumBefore(const std::vector<uint64_t>& mine) const;

  // Ends the whole job from any rank: prints "rank R: message" on stderr
  // and aborts every process, so no rank waits for ever on a lost peer.
  [[noreturn]] void Abort(std::string_view message, int code) const;

 private:
  int rank_ = 0, size_ = 1;
  mutable uint64_t sent_ = 0;
};

}  // namespace storyline::distributed
