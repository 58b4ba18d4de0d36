#include "distributed/holdings.h"

#include <algorithm>

#include "distributed/wire.h"

namespace storyline::distributed {

size_t Holdings::Local(uint32_t global) const {
  return static_cast<size_t>(
      std::lower_bound(index.begin(), index.end(), global) - index.begin());
}

Fetched FetchDocuments(const Comm& comm, const Holdings& holdings,
                       std::span<const uint32_t> wanted,
                       std::span<const uint64_t> tags) {
  const int ranks = comm.size();
  std::vector<WireWriter> asks(ranks);
  for (const uint32_t global : wanted) {
    if (global >= holdings.rank_of.size()) {
      comm.Abort("document fetch out of range", 4);
    }
    asks[holdings.rank_of[global]].Put(global);
  }
  std::vector<std::string> parts;
  for (WireWriter& w : asks) parts.push_back(w.Take());
  const std::vector<std::string> asked = comm.AllToAll(parts);

  const bool tagged = !tags.empty();
  parts.clear();
  for (const std::string& part : asked) {
    WireReader r(part);
    WireWriter w;
    while (r.ok() && !r.done()) {
      const uint32_t global = r.Get<uint32_t>();
      const size_t local = holdings.Local(global);
      if (local >= holdings.index.size() || holdings.index[local] != global) {
        comm.Abort("asked for a document held elsewhere", 4);
      }
      Put(w, holdings.docs[local]);
      if (tagged) w.Put(tags[local]);
    }
    if (!r.ok()) comm.Abort("corrupt document request", 4);
    parts.push_back(w.Take());
  }
  const std::vector<std::string> replies = comm.AllToAll(parts);
  parts.clear();

  // Each holder answered in the order it was asked: walk `wanted` again.
  Fetched out;
  out.docs.resize(wanted.size());
  if (tagged) out.tags.resize(wanted.size());
  std::vector<WireReader> readers(replies.begin(), replies.end());
  for (size_t i = 0; i < wanted.size(); ++i) {
    WireReader& r = readers[holdings.rank_of[wanted[i]]];
    Get(r, out.docs[i]);
    if (tagged) out.tags[i] = r.Get<uint64_t>();
  }
  for (const WireReader& r : readers) {
    if (!r.ok() || !r.done()) comm.Abort("corrupt document reply", 4);
  }
  return out;
}

}  // namespace storyline::distributed
