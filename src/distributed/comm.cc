#include "distributed/comm.h"

#include <mpi.h>

#include <cstdio>
#include <limits>

#include "fmt/core.h"

namespace storyline::distributed {
namespace {

constexpr size_t kBlock = 4096;

// MPI counts messages in blocks of kBlock bytes.
MPI_Datatype BlockType() {
  static MPI_Datatype type = [] {
    MPI_Datatype t;
    MPI_Type_contiguous(static_cast<int>(kBlock), MPI_BYTE, &t);
    MPI_Type_commit(&t);
    return t;
  }();
  return type;
}

int Blocks(uint64_t bytes) {
  return static_cast<int>((bytes + kBlock - 1) / kBlock);
}

// Concatenates parts, each padded to whole blocks, with their block counts
// and displacements.
std::string Pack(const std::vector<std::string>& parts,
                 std::vector<int>& counts, std::vector<int>& displs) {
  std::string out;
  counts.assign(parts.size(), 0);
  displs.assign(parts.size(), 0);
  int at = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    counts[i] = Blocks(parts[i].size());
    displs[i] = at;
    at += counts[i];
  }
  out.resize(static_cast<size_t>(at) * kBlock);
  for (size_t i = 0; i < parts.size(); ++i) {
    std::copy(parts[i].begin(), parts[i].end(),
              out.begin() + static_cast<ptrdiff_t>(displs[i]) * kBlock);
  }
  return out;
}

// Receive layout for messages of the given byte sizes.
int Layout(const std::vector<uint64_t>& sizes, std::vector<int>& counts,
           std::vector<int>& displs) {
  counts.assign(sizes.size(), 0);
  displs.assign(sizes.size(), 0);
  int64_t at = 0;
  for (size_t i = 0; i < sizes.size(); ++i) {
    counts[i] = Blocks(sizes[i]);
    displs[i] = static_cast<int>(at);
    at += counts[i];
  }
  return static_cast<int>(at);
}

std::vector<std::string> Unpack(const std::string& buffer,
                                const std::vector<uint64_t>& sizes,
                                const std::vector<int>& displs) {
  std::vector<std::string> out(sizes.size());
  for (size_t i = 0; i < sizes.size(); ++i) {
    out[i] = buffer.substr(static_cast<size_t>(displs[i]) * kBlock, sizes[i]);
  }
  return out;
}

}  // namespace

Comm::Comm(int* argc, char*** argv) {
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (!initialized) {
    int provided = 0;
    // Ranks use threads internally, but only the main thread calls MPI.
    MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

Comm::~Comm() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (!finalized) MPI_Finalize();
}

std::vector<std::string> Comm::AllGather(std::string_view mine) const {
  uint64_t my_size = mine.size();
  sent_ += my_size * (size_ - 1);
  std::vector<uint64_t> sizes(size_);
  MPI_Allgather(&my_size, 1, MPI_UINT64_T, sizes.data(), 1, MPI_UINT64_T,
                MPI_COMM_WORLD);
  std::vector<int> counts, displs;
  const int total = Layout(sizes, counts, displs);
  std::string send(mine);
  send.resize(static_cast<size_t>(Blocks(my_size)) * kBlock);
  std::string buffer(static_cast<size_t>(total) * kBlock, '\0');
  MPI_Allgatherv(send.data(), Blocks(my_size), BlockType(), buffer.data(),
                 counts.data(), displs.data(), BlockType(), MPI_COMM_WORLD);
  return Unpack(buffer, sizes, displs);
}

std::vector<std::string> Comm::Gather(std::string_view mine, int root) const {
  uint64_t my_size = mine.size();
  if (rank_ != root) sent_ += my_size;
  std::vector<uint64_t> sizes(size_);
  MPI_Gather(&my_size, 1, MPI_UINT64_T, sizes.data(), 1, MPI_UINT64_T, root,
             MPI_COMM_WORLD);
  std::vector<int> counts, displs;
  const int total = rank_ == root ? Layout(sizes, counts, displs) : 0;
  std::string send(mine);
  send.resize(static_cast<size_t>(Blocks(my_size)) * kBlock);
  std::string buffer(static_cast<size_t>(total) * kBlock, '\0');
  MPI_Gatherv(send.data(), Blocks(my_size), BlockType(), buffer.data(),
              counts.data(), displs.data(), BlockType(), root, MPI_COMM_WORLD);
  if (rank_ != root) return {};
  return Unpack(buffer, sizes, displs);
}

std::string Comm::Scatter(const std::vector<std::string>& parts,
                          int root) const {
  std::vector<uint64_t> sizes(size_);
  if (rank_ == root) {
    for (int r = 0; r < size_; ++r) {
      sizes[r] = parts[r].size();
      if (r != rank_) sent_ += sizes[r];
    }
  }
  uint64_t my_size = 0;
  MPI_Scatter(sizes.data(), 1, MPI_UINT64_T, &my_size, 1, MPI_UINT64_T, root,
              MPI_COMM_WORLD);
  std::vector<int> counts, displs;
  std::string send;
  if (rank_ == root) send = Pack(parts, counts, displs);
  std::string buffer(static_cast<size_t>(Blocks(my_size)) * kBlock, '\0');
  MPI_Scatterv(send.data(), counts.data(), displs.data(), BlockType(),
               buffer.data(), Blocks(my_size), BlockType(), root,
               MPI_COMM_WORLD);
  buffer.resize(my_size);
  return buffer;
}

std::vector<std::string> Comm::AllToAll(
    const std::vector<std::string>& parts) const {
  std::vector<uint64_t> send_sizes(size_), recv_sizes(size_);
  for (int r = 0; r < size_; ++r) {
    send_sizes[r] = parts[r].size();
    if (r != rank_) sent_ += send_sizes[r];
  }
  MPI_Alltoall(send_sizes.data(), 1, MPI_UINT64_T, recv_sizes.data(), 1,
               MPI_UINT64_T, MPI_COMM_WORLD);
  std::vector<int> send_counts, send_displs, recv_counts, recv_displs;
  std::string send = Pack(parts, send_counts, send_displs);
  const int total = Layout(recv_sizes, recv_counts, recv_displs);
  std::string buffer(static_cast<size_t>(total) * kBlock, '\0');
  MPI_Alltoallv(send.data(), send_counts.data(), send_displs.data(),
                BlockType(), buffer.data(), recv_counts.data(),
                recv_displs.data(), BlockType(), MPI_COMM_WORLD);
  return Unpack(buffer, recv_sizes, recv_displs);
}

std::string Comm::Broadcast(std::string data, int root) const {
  uint64_t size = data.size();
  if (rank_ == root) sent_ += size * (size_ - 1);
  MPI_Bcast(&size, 1, MPI_UINT64_T, root, MPI_COMM_WORLD);
  data.resize(static_cast<size_t>(Blocks(size)) * kBlock);
  MPI_Bcast(data.data(), Blocks(size), BlockType(), root, MPI_COMM_WORLD);
  data.resize(size);
  return data;
}

std::vector<uint64_t> Comm::SumAll(const std::vector<uint64_t>& mine) const {
  std::vector<uint64_t> out(mine.size());
  sent_ += mine.size() * sizeof(uint64_t) * (size_ - 1);
  MPI_Allreduce(mine.data(), out.data(), static_cast<int>(mine.size()),
                MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD);
  return out;
}

std::vector<uint64_t> Comm::SumBefore(const std::vector<uint64_t>& mine) const {
  std::vector<uint64_t> out(mine.size(), 0);
  if (rank_ + 1 < size_) sent_ += mine.size() * sizeof(uint64_t);
  MPI_Exscan(mine.data(), out.data(), static_cast<int>(mine.size()),
             MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD);
  if (rank_ == 0) std::fill(out.begin(), out.end(), 0);  // undefined there
  return out;
}

void Comm::Abort(std::string_view message, int code) const {
  std::fputs(
      fmt::format("storyline-mpi: rank {}: {}\n", rank_, message).c_str(),
      stderr);
  std::fflush(stderr);
  MPI_Abort(MPI_COMM_WORLD, code);
  std::abort();
}

}  // namespace storyline::distributed
