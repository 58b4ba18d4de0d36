#include "distributed/copy_keys.h"

#include <algorithm>
#include <tuple>

#include "base/strings.h"
#include "distributed/wire.h"

namespace storyline::distributed {
namespace {

// Key kinds: the whole-text hash, then one per LSH band, then fingerprints.
constexpr uint32_t kExactKind = 0;
constexpr uint32_t kFingerprintKind = 0xffffffffu;

struct KeyEntry {
  uint32_t kind = 0;
  uint64_t key = 0;
  uint32_t doc = 0;           // global index
  uint32_t fingerprints = 0;  // the document's fingerprint count
  auto Order() const { return std::tie(kind, key, doc); }
};

struct PairCount {
  uint64_t pair = 0;  // a << 32 | b, a < b
  uint32_t shared = 0;
  uint32_t fingerprints_a = 0, fingerprints_b = 0;
};

int OwnerOf(uint64_t hash, int ranks) {
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdULL;
  hash ^= hash >> 33;
  return static_cast<int>(hash % static_cast<uint64_t>(ranks));
}

int OwnerOfKey(uint32_t kind, uint64_t key, int ranks) {
  return OwnerOf(key ^ (uint64_t{kind} * 0x9E3779B97F4A7C15ULL), ranks);
}

// Every key of this rank's documents, addressed to its owner.
std::vector<std::string> KeysByOwner(
    int ranks, std::span<const uint32_t> global_index,
    std::span<const dedup::Signature> signatures, const DedupOptions& options) {
  std::vector<WireWriter> out(ranks);
  auto send = [&](uint32_t kind, uint64_t key, uint32_t doc,
                  uint32_t fingerprints) {
    WireWriter& w = out[OwnerOfKey(kind, key, ranks)];
    w.Put(kind);
    w.Put(key);
    w.Put(doc);
    w.Put(fingerprints);
  };
  const int bands = std::max(1, options.bands);
  for (size_t i = 0; i < signatures.size(); ++i) {
    const dedup::Signature& sig = signatures[i];
    const uint32_t doc = global_index[i];
    const auto fingerprints = static_cast<uint32_t>(sig.fingerprints.size());
    for (const uint64_t fp : sig.fingerprints) {
      send(kFingerprintKind, fp, doc, fingerprints);
    }
    if (sig.shingles == 0) continue;
    send(kExactKind, sig.exact, doc, fingerprints);
    if (sig.minhash.size() < static_cast<size_t>(bands)) continue;
    for (int band = 0; band < bands; ++band) {
      send(1 + band, dedup::BandKey(sig, band, bands), doc, fingerprints);
    }
  }
  std::vector<std::string> parts;
  for (WireWriter& w : out) parts.push_back(w.Take());
  return parts;
}

// Every record of every part, read with `read_one`; a part cut short ends
// the job.
template <typename T, typename ReadOne>
std::vector<T> ReadRecords(const Comm& comm,
                           const std::vector<std::string>& parts,
                           const char* what, ReadOne read_one) {
  std::vector<T> records;
  for (const std::string& part : parts) {
    WireReader r(part);
    while (r.ok() && !r.done()) records.push_back(read_one(r));
    if (!r.ok()) comm.Abort(StrCat("corrupt ", what, " message"), 4);
  }
  return records;
}

std::vector<KeyEntry> ReadKeys(const Comm& comm,
                               const std::vector<std::string>& parts) {
  std::vector<KeyEntry> entries =
      ReadRecords<KeyEntry>(comm, parts, "copy-key", [](WireReader& r) {
        KeyEntry e;
        e.kind = r.Get<uint32_t>();
        e.key = r.Get<uint64_t>();
        e.doc = r.Get<uint32_t>();
        e.fingerprints = r.Get<uint32_t>();
        return e;
      });
  std::sort(entries.begin(), entries.end(),
            [](const KeyEntry& x, const KeyEntry& y) {
              return x.Order() < y.Order();
            });
  return entries;
}

// `counts` sorted by pair, each pair once with its counts summed.
std::vector<PairCount> SumByPair(std::vector<PairCount> counts) {
  std::sort(
      counts.begin(), counts.end(),
      [](const PairCount& x, const PairCount& y) { return x.pair < y.pair; });
  std::vector<PairCount> sums;
  for (const PairCount& c : counts) {
    if (!sums.empty() && sums.back().pair == c.pair) {
      sums.back().shared += c.shared;
    } else {
      sums.push_back(c);
    }
  }
  return sums;
}

}  // namespace

std::vector<dedup::Candidate> FindCandidatesByKey(
    const Comm& comm, std::span<const uint32_t> global_index,
    std::span<const dedup::Signature> signatures, const DedupOptions& options) {
  const int ranks = comm.size();
  const size_t cap = static_cast<size_t>(options.max_fingerprint_docs);
  const std::vector<KeyEntry> entries = ReadKeys(
      comm,
      comm.AllToAll(KeysByOwner(ranks, global_index, signatures, options)));

  // Buckets of the keys this rank owns.
  std::vector<dedup::Candidate> found;
  std::vector<PairCount> partial;
  std::vector<int> docs;
  for (size_t k = 0; k < entries.size();) {
    size_t end = k + 1;
    while (end < entries.size() && entries[end].kind == entries[k].kind &&
           entries[end].key == entries[k].key) {
      ++end;
    }
    if (entries[k].kind != kFingerprintKind) {
      docs.clear();
      for (size_t m = k; m < end; ++m) docs.push_back(entries[m].doc);
      dedup::AppendBucketPairs(docs, cap, found);
    } else if (end - k >= 2 && end - k <= cap) {
      for (size_t x = k; x < end; ++x) {
        for (size_t y = x + 1; y < end; ++y) {
          partial.push_back({(uint64_t{entries[x].doc} << 32) | entries[y].doc,
                             1, entries[x].fingerprints,
                             entries[y].fingerprints});
        }
      }
    }
    k = end;
  }

  // Shared-fingerprint counts, summed where each pair is owned.
  std::vector<WireWriter> to_owner(ranks);
  for (const PairCount& sum : SumByPair(std::move(partial))) {
    WireWriter& w = to_owner[OwnerOf(sum.pair, ranks)];
    w.Put(sum.pair);
    w.Put(sum.shared);
    w.Put(sum.fingerprints_a);
    w.Put(sum.fingerprints_b);
  }
  std::vector<std::string> parts;
  for (WireWriter& w : to_owner) parts.push_back(w.Take());
  const std::vector<PairCount> counts = ReadRecords<PairCount>(
      comm, comm.AllToAll(parts), "fingerprint-count", [](WireReader& r) {
        PairCount c;
        c.pair = r.Get<uint64_t>();
        c.shared = r.Get<uint32_t>();
        c.fingerprints_a = r.Get<uint32_t>();
        c.fingerprints_b = r.Get<uint32_t>();
        return c;
      });
  for (const PairCount& sum : SumByPair(counts)) {
    if (dedup::EnoughSharedFingerprints(static_cast<int>(sum.shared),
                                        sum.fingerprints_a, sum.fingerprints_b,
                                        options)) {
      found.push_back({static_cast<int>(sum.pair >> 32),
                       static_cast<int>(sum.pair & 0xffffffffu)});
    }
  }

  // Each candidate to the rank that owns its pair, once: a pair may meet in
  // the buckets of several owners.
  std::vector<WireWriter> to_pair_owner(ranks);
  for (const dedup::Candidate& c : found) {
    const uint64_t pair = (uint64_t{static_cast<uint32_t>(c.a)} << 32) |
                          static_cast<uint32_t>(c.b);
    to_pair_owner[OwnerOf(pair, ranks)].Put(pair);
  }
  found = {};
  parts.clear();
  for (WireWriter& w : to_pair_owner) parts.push_back(w.Take());
  std::vector<dedup::Candidate> out = ReadRecords<dedup::Candidate>(
      comm, comm.AllToAll(parts), "candidate", [](WireReader& r) {
        const uint64_t pair = r.Get<uint64_t>();
        return dedup::Candidate{static_cast<int>(pair >> 32),
                                static_cast<int>(pair & 0xffffffffu)};
      });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<CopyPair> VerifyCandidatesWhereOwned(
    const Comm& comm, const Holdings& holdings,
    std::span<const dedup::Signature> signatures,
    std::span<const dedup::Candidate> candidates, const DedupOptions& options,
    int threads) {
  std::vector<uint32_t> wanted;
  for (const dedup::Candidate& c : candidates) {
    wanted.push_back(static_cast<uint32_t>(c.a));
    wanted.push_back(static_cast<uint32_t>(c.b));
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  std::vector<uint64_t> exact(signatures.size());
  for (size_t i = 0; i < signatures.size(); ++i) exact[i] = signatures[i].exact;
  Fetched fetched = FetchDocuments(comm, holdings, wanted, exact);

  // Verified in the fetched documents' numbering (the same order), then
  // numbered globally again.
  std::vector<dedup::Signature> local_signatures(wanted.size());
  for (size_t i = 0; i < wanted.size(); ++i) {
    local_signatures[i].exact = fetched.tags[i];
  }
  const auto local = [&](int global) {
    return static_cast<int>(std::lower_bound(wanted.begin(), wanted.end(),
                                             static_cast<uint32_t>(global)) -
                            wanted.begin());
  };
  std::vector<dedup::Candidate> local_candidates;
  local_candidates.reserve(candidates.size());
  for (const dedup::Candidate& c : candidates) {
    local_candidates.push_back({local(c.a), local(c.b)});
  }
  std::vector<CopyPair> copies = dedup::VerifyCandidates(
      fetched.docs, local_signatures, local_candidates, options, threads);
  fetched = {};
  WireWriter w;
  for (CopyPair& pair : copies) {
    pair.a = static_cast<int>(wanted[pair.a]);
    pair.b = static_cast<int>(wanted[pair.b]);
    if (pair.source >= 0) pair.source = static_cast<int>(wanted[pair.source]);
    Put(w, pair);
  }
  copies.clear();
  const std::vector<std::string> gathered = comm.Gather(w.Take(), 0);
  if (comm.rank() != 0) return {};
  for (const std::string& part : gathered) {
    WireReader r(part);
    while (r.ok() && !r.done()) Get(r, copies.emplace_back());
    if (!r.ok()) comm.Abort("corrupt copy message", 4);
  }
  std::sort(copies.begin(), copies.end(),
            [](const CopyPair& x, const CopyPair& y) {
              return std::tie(x.a, x.b) < std::tie(y.a, y.b);
            });
  return copies;
}

}  // namespace storyline::distributed
