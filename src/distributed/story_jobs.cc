#include "distributed/story_jobs.h"

#include <algorithm>

#include "base/parallel.h"
#include "distributed/wire.h"
#include "story/teller.h"

namespace storyline::distributed {
namespace {

// One rank's share of the story stage, in its own index space: documents,
// events and copies are subsets of the whole in the same relative order,
// so every index keeps its meaning after renumbering.
struct StoryJob {
  std::vector<int> clusters;   // indices into the whole cluster list
  std::vector<uint32_t> docs;  // global indices of the documents, ascending
  PipelineResult part;  // copies, events, clusters (renumbered); docs fetched
};

std::string EncodeJob(const PipelineResult& whole,
                      const std::vector<int>& clusters) {
  std::vector<int> docs, events;
  for (const int c : clusters) {
    const Cluster& cluster = whole.clusters[c];
    docs.insert(docs.end(), cluster.docs.begin(), cluster.docs.end());
    events.insert(events.end(), cluster.events.begin(), cluster.events.end());
  }
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());
  const auto local_doc = [&](int d) {
    return static_cast<int>(std::lower_bound(docs.begin(), docs.end(), d) -
                            docs.begin());
  };
  const auto has_doc = [&](int d) {
    return std::binary_search(docs.begin(), docs.end(), d);
  };
  const auto renumber = [&](std::vector<int> ids, auto local) {
    for (int& id : ids) id = local(id);
    return ids;
  };
  WireWriter w;
  w.PutVector(clusters);
  w.PutVector(docs);
  w.Put<uint64_t>(events.size());
  for (const int e : events) {
    Event event = whole.events[e];
    event.docs = renumber(std::move(event.docs), local_doc);
    Put(w, event);
  }
  std::vector<CopyPair> copies;
  for (const CopyPair& pair : whole.copies) {
    if (!has_doc(pair.a) || !has_doc(pair.b)) continue;
    CopyPair local = pair;
    local.a = local_doc(pair.a);
    local.b = local_doc(pair.b);
    if (pair.source >= 0) local.source = local_doc(pair.source);
    copies.push_back(std::move(local));
  }
  w.Put<uint64_t>(copies.size());
  for (const CopyPair& pair : copies) Put(w, pair);
  const auto local_event = [&](int e) {
    return static_cast<int>(std::lower_bound(events.begin(), events.end(), e) -
                            events.begin());
  };
  for (const int c : clusters) {
    Cluster cluster = whole.clusters[c];
    cluster.docs = renumber(std::move(cluster.docs), local_doc);
    cluster.events = renumber(std::move(cluster.events), local_event);
    Put(w, cluster);
  }
  return w.Take();
}

template <typename T>
void GetList(WireReader& r, std::vector<T>& out) {
  out.resize(std::min<uint64_t>(r.Get<uint64_t>(), 1u << 31));
  for (T& item : out) Get(r, item);
}

bool DecodeJob(std::string_view bytes, StoryJob& job) {
  WireReader r(bytes);
  job.clusters = r.GetVector<int>();
  const std::vector<int> docs = r.GetVector<int>();
  job.docs.assign(docs.begin(), docs.end());
  GetList(r, job.part.events);
  GetList(r, job.part.copies);
  job.part.clusters.resize(job.clusters.size());
  for (Cluster& cluster : job.part.clusters) Get(r, cluster);
  return r.ok() && r.done();
}

}  // namespace

std::vector<int> DealClusters(const std::vector<Cluster>& clusters, int ranks) {
  std::vector<size_t> load(ranks, 0);
  std::vector<int> owner(clusters.size());
  for (size_t c = 0; c < clusters.size(); ++c) {
    const int r = static_cast<int>(std::min_element(load.begin(), load.end()) -
                                   load.begin());
    owner[c] = r;
    load[r] += clusters[c].docs.size() + 1;
  }
  return owner;
}

std::vector<std::string> TellStoriesAcrossRanks(
    const Comm& comm, const Holdings& holdings, const PipelineResult& whole,
    const StemFrequencies& background, const StoryOptions& options, int threads,
    const StoryRenderer& render) {
  std::vector<std::string> jobs;
  if (comm.rank() == 0) {
    const std::vector<int> owner = DealClusters(whole.clusters, comm.size());
    std::vector<std::vector<int>> dealt(comm.size());
    for (size_t c = 0; c < owner.size(); ++c) {
      dealt[owner[c]].push_back(static_cast<int>(c));
    }
    for (const auto& clusters : dealt) {
      jobs.push_back(EncodeJob(whole, clusters));
    }
  }
  StoryJob job;
  if (!DecodeJob(comm.Scatter(jobs, 0), job)) {
    comm.Abort("corrupt story job message", 4);
  }
  jobs.clear();
  job.part.docs = FetchDocuments(comm, holdings, job.docs).docs;

  // Word rarity from the whole corpus; each story's documents are analysed
  // as it is told.
  const story::StoryInput input{.docs = job.part.docs,
                                .copies = job.part.copies,
                                .events = job.part.events};
  const std::vector<Story> stories =
      story::TellStories(input, background.df, background.documents,
                         job.part.clusters, options, threads);
  const int n = static_cast<int>(stories.size());
  std::vector<std::string> rendered(n);
  ParallelFor(n, threads, 1,
              [&](int, int i) { rendered[i] = render(stories[i], job.part); });
  WireWriter w;
  w.PutVector(job.clusters);
  for (const std::string& text : rendered) w.PutString(text);
  const std::vector<std::string> parts = comm.Gather(w.Take(), 0);
  if (comm.rank() != 0) return {};

  std::vector<std::string> out(whole.clusters.size());
  for (const std::string& part : parts) {
    WireReader r(part);
    for (const int c : r.GetVector<int>()) {
      if (c < 0 || c >= static_cast<int>(out.size())) break;
      out[c] = r.GetString();
    }
    if (!r.ok()) comm.Abort("corrupt story message", 4);
  }
  return out;
}

}  // namespace storyline::distributed
