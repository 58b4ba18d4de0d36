#include "distributed/merge.h"

#include <xxhash.h>

#include "distributed/wire.h"

namespace storyline::distributed {
namespace {

void PutKey(WireWriter& w, const std::string& key) { w.PutString(key); }
void PutKey(WireWriter& w, uint64_t key) { w.Put<uint64_t>(key); }
void GetKey(WireReader& r, std::string& key) { key = r.GetString(); }
void GetKey(WireReader& r, uint64_t& key) { key = r.Get<uint64_t>(); }

template <typename Key>
void PutCounts(WireWriter& w, const absl::flat_hash_map<Key, int>& m) {
  w.Put<uint64_t>(m.size());
  for (const auto& [key, n] : m) {
    PutKey(w, key);
    w.Put<int32_t>(n);
  }
}

template <typename Key>
void AddCounts(WireReader& r, absl::flat_hash_map<Key, int>& m) {
  const uint64_t n = r.Get<uint64_t>();
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    Key key;
    GetKey(r, key);
    m[std::move(key)] += r.Get<int32_t>();
  }
}

// Gathers every rank's encoding of `mine` and folds each into a fresh value
// with `add`, in rank order (sums do not depend on the order).
template <typename T, typename Encode, typename Add>
void AllMerge(const Comm& comm, T& mine, Encode encode, Add add) {
  WireWriter w;
  encode(w, mine);
  const std::vector<std::string> parts = comm.AllGather(w.Take());
  T merged;
  for (const std::string& part : parts) {
    WireReader r(part);
    add(r, merged);
    if (!r.ok()) comm.Abort("corrupt statistics message", 4);
  }
  mine = std::move(merged);
}

void PutLineCounts(WireWriter& w, const extract::RepeatedLineCounts& c) {
  PutCounts(w, c.source_docs);
  w.Put<uint64_t>(c.lines.size());
  for (const auto& [source, lines] : c.lines) {
    w.PutString(source);
    PutCounts(w, lines);
  }
}

void AddLineCounts(WireReader& r, extract::RepeatedLineCounts& c) {
  AddCounts(r, c.source_docs);
  const uint64_t n = r.Get<uint64_t>();
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    const std::string source = r.GetString();
    AddCounts(r, c.lines[source]);
  }
}

}  // namespace

void MergeAcrossRanks(const Comm& comm, extract::RepeatedLineCounts& mine,
                      const CleanOptions& options) {
  // Each source's counts go to the rank that owns the source, which sums
  // them and keeps the lines that are repeated enough; only those are
  // shared with every rank. Every line of the corpus crosses the network
  // once, and no rank holds them all.
  const int ranks = comm.size();
  std::vector<extract::RepeatedLineCounts> by_owner(ranks);
  for (auto& [source, docs] : mine.source_docs) {
    const int owner =
        static_cast<int>(XXH3_64bits(source.data(), source.size()) % ranks);
    by_owner[owner].source_docs[source] = docs;
    const auto lines = mine.lines.find(source);
    if (lines != mine.lines.end()) {
      by_owner[owner].lines[source] = std::move(lines->second);
    }
  }
  mine = {};
  std::vector<std::string> parts(ranks);
  for (int r = 0; r < ranks; ++r) {
    WireWriter w;
    PutLineCounts(w, by_owner[r]);
    by_owner[r] = {};
    parts[r] = w.Take();
  }
  extract::RepeatedLineCounts owned;
  for (std::string& part : comm.AllToAll(parts)) {
    WireReader r(part);
    AddLineCounts(r, owned);
    if (!r.ok()) comm.Abort("corrupt statistics message", 4);
    part = {};
  }
  owned.Prune(options);
  AllMerge(comm, owned, PutLineCounts, AddLineCounts);
  mine = std::move(owned);
}

void MergeAcrossRanks(const Comm& comm, cluster::IdfTable& mine) {
  AllMerge(
      comm, mine,
      [](WireWriter& w, const cluster::IdfTable& t) {
        w.Put<int32_t>(t.documents());
        w.Put<uint64_t>(t.frequencies().size());
        for (const auto& [term, df] : t.frequencies()) {
          w.Put(term);
          w.Put<int32_t>(df);
        }
      },
      [](WireReader& r, cluster::IdfTable& t) {
        t.AddDocuments(r.Get<int32_t>());
        const uint64_t n = r.Get<uint64_t>();
        for (uint64_t i = 0; i < n && r.ok(); ++i) {
          const uint64_t term = r.Get<uint64_t>();
          t.AddTermDocuments(term, r.Get<int32_t>());
        }
      });
}

void MergeAcrossRanks(const Comm& comm, StemFrequencies& mine) {
  AllMerge(
      comm, mine,
      [](WireWriter& w, const StemFrequencies& f) {
        w.Put<int32_t>(f.documents);
        PutCounts(w, f.df);
      },
      [](WireReader& r, StemFrequencies& f) {
        f.documents += r.Get<int32_t>();
        AddCounts(r, f.df);
      });
}

}  // namespace storyline::distributed
