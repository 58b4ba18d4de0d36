#include "server/local_update.h"

#include <algorithm>

#include "story/teller.h"

namespace storyline::server {
namespace {

// The nearest stored articles a new one is compared with. A story the
// article is not among the closest of is one it could join only by a
// chain of merges the next full recluster will find.
constexpr size_t kNeighbors = 16;

// Index of the smallest member by id: the batch orders stories by it.
const std::string& SmallestId(const PipelineResult& r,
                              const std::vector<int>& docs) {
  const std::string* best = &r.docs[docs.front()].id;
  for (const int d : docs) {
    if (r.docs[d].id < *best) best = &r.docs[d].id;
  }
  return *best;
}

std::vector<int> Mapped(const std::vector<int>& local,
                        const std::vector<int>& global) {
  std::vector<int> out;
  out.reserve(local.size());
  for (const int i : local) out.push_back(global[i]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::shared_ptr<Snapshot> UpdateLocally(
    const Snapshot& base, const Changes& changes, const story::StemDf& stem_df,
    int documents, const PipelineOptions& options, int threads) {
  const PipelineResult& old = base.result;
  auto next = std::make_shared<Snapshot>();
  next->exact = false;
  next->full_size = base.full_size;
  next->changed_since_full = base.changed_since_full + changes.size();
  next->nearest = base.nearest;
  next->analysed = base.analysed;
  cluster::NearestArticles& nearest = *next->nearest;
  PipelineResult& r = next->result;
  r.docs = old.docs;
  const int old_docs = static_cast<int>(r.docs.size());

  // 1. Free the slots of deleted and replaced articles, append new ones.
  std::vector<char> hit(old.stories.size(), 0);
  std::vector<int> added;
  for (const auto& [id, doc] : changes) {
    const auto it = base.doc_index.find(id);
    if (it != base.doc_index.end()) {
      const int d = it->second;
      nearest.Remove(next->analysed[d]->counts);
      next->analysed[d] = nullptr;
      r.docs[d].text.clear();  // no story cites it once its own is retold
      if (base.story_of_doc[d] >= 0) hit[base.story_of_doc[d]] = 1;
    }
    if (!doc) continue;
    const int d = nearest.Add(doc->counts, doc->doc.published);
    r.docs.push_back(doc->doc);
    next->analysed.push_back(doc);
    added.push_back(d);
  }

  // 2. The stories a new article may join: those of its nearest articles
  // that clear the story threshold. Stories below it on every close member
  // cannot reach it on average.
  const double threshold = std::min(options.cluster.event_threshold,
                                    options.cluster.story_threshold);
  auto usable = [&](int d) {
    return d < old_docs && next->analysed[d] != nullptr;
  };
  for (const int d : added) {
    const auto matches = nearest.Neighbors(
        nearest.VectorOf(d), r.docs[d].published, usable, kNeighbors);
    for (const auto& m : matches) {
      if (m.cosine < threshold) break;
      if (base.story_of_doc[m.doc] >= 0) hit[base.story_of_doc[m.doc]] = 1;
    }
  }

  // 3. Cluster the members of those stories and the new articles, as the
  // batch would on this subset, under the IDF of the corpus now.
  std::vector<int> subset = added;
  for (int s = 0; s < static_cast<int>(hit.size()); ++s) {
    if (!hit[s]) continue;
    for (const int d : old.stories[s].docs) {
      if (next->analysed[d]) subset.push_back(d);
    }
  }
  std::sort(subset.begin(), subset.end(),
            [&](int x, int y) { return r.docs[x].id < r.docs[y].id; });
  std::vector<const pipeline::AnalyzedDoc*> analysed;
  std::vector<Document> docs;
  std::vector<cluster::SparseVector> vectors;
  for (const int d : subset) {
    analysed.push_back(next->analysed[d].get());
    docs.push_back(r.docs[d]);
    vectors.push_back(nearest.Weigh(next->analysed[d]->counts));
  }
  PipelineResult local = pipeline::ClusterAnalysed(analysed, docs, vectors,
                                                   options, threads, documents);

  // 4. Carry over what the subset does not touch, renumbered; add the
  // subset's copies, events and stories.
  std::vector<char> in_subset(r.docs.size(), 0);
  for (const int d : subset) in_subset[d] = 1;
  std::vector<int> copy_of_old(old.copies.size(), -1);
  for (int i = 0; i < static_cast<int>(old.copies.size()); ++i) {
    const CopyPair& pair = old.copies[i];
    if (!next->analysed[pair.a] || !next->analysed[pair.b]) continue;
    if (in_subset[pair.a] && in_subset[pair.b]) continue;
    copy_of_old[i] = static_cast<int>(r.copies.size());
    r.copies.push_back(pair);
  }
  for (CopyPair pair : local.copies) {
    pair.a = subset[pair.a];
    pair.b = subset[pair.b];
    if (pair.source >= 0) pair.source = subset[pair.source];
    r.copies.push_back(std::move(pair));
  }
  struct Entry {
    Cluster cluster;
    Story story;
    int old_index = -1;  // -1 for a story told now
  };
  std::vector<Entry> entries;
  for (int s = 0; s < static_cast<int>(old.stories.size()); ++s) {
    if (hit[s]) continue;
    Entry e{old.clusters[s], old.stories[s], s};
    for (int& ev : e.cluster.events) {
      r.events.push_back(old.events[ev]);
      ev = static_cast<int>(r.events.size()) - 1;
    }
    e.story.events = e.cluster.events;
    for (int& c : e.story.reuse) c = copy_of_old[c];
    entries.push_back(std::move(e));
  }
  const int first_new_event = static_cast<int>(r.events.size());
  for (const Event& ev : local.events) {
    r.events.push_back({ev.id, Mapped(ev.docs, subset)});
  }
  std::vector<Cluster> told;
  for (const Cluster& c : local.clusters) {
    Cluster g{c.id, c.events, Mapped(c.docs, subset)};
    for (int& ev : g.events) ev += first_new_event;
    told.push_back(std::move(g));
  }
  std::vector<Story> stories = story::TellStories(
      {.docs = r.docs, .copies = r.copies, .events = r.events}, stem_df,
      documents, told, options.story, threads);
  for (size_t k = 0; k < told.size(); ++k) {
    entries.push_back({std::move(told[k]), std::move(stories[k]), -1});
  }

  // 5. The batch's story order: largest first, then by smallest member.
  std::vector<std::pair<const std::string*, int>> keys;
  for (int k = 0; k < static_cast<int>(entries.size()); ++k) {
    keys.push_back({&SmallestId(r, entries[k].cluster.docs), k});
  }
  std::sort(keys.begin(), keys.end(), [&](const auto& x, const auto& y) {
    const size_t nx = entries[x.second].cluster.docs.size();
    const size_t ny = entries[y.second].cluster.docs.size();
    return nx != ny ? nx > ny : *x.first < *y.first;
  });
  next->carried_from.assign(entries.size(), -1);
  for (const auto& [id, k] : keys) {
    next->carried_from[r.stories.size()] = entries[k].old_index;
    r.clusters.push_back(std::move(entries[k].cluster));
    r.stories.push_back(std::move(entries[k].story));
  }
  return next;
}

}  // namespace storyline::server
