#include "distributed/run.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>
#include <tuple>

#include "base/memory.h"
#include "base/parallel.h"
#include "base/strings.h"
#include "cluster/clusterer.h"
#include "distributed/copy_keys.h"
#include "distributed/holdings.h"
#include "distributed/merge.h"
#include "distributed/share.h"
#include "distributed/similar_pairs.h"
#include "distributed/story_jobs.h"
#include "distributed/wire.h"
#include "pipeline/clean.h"
#include "pipeline/stages.h"

namespace storyline::distributed {
namespace {

double Since(std::chrono::steady_clock::time_point& last) {
  const auto now = std::chrono::steady_clock::now();
  const double s = std::chrono::duration<double>(now - last).count();
  last = now;
  return s;
}

uint64_t PeakRssKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6));
  }
  return 0;
}

// Cleans the rank's articles, then settles repeated ids across ranks as
// RunPipeline does in one process: the copy with the smallest body hash
// wins (then the lower rank, then the earlier article), and an id whose
// winner could not be cleaned is dropped. Every rank learns where each
// document is held. Collective.
Holdings CleanAndNumber(const Comm& comm, std::vector<Article> articles,
                        const PipelineOptions& options, int threads,
                        ErrorSink& errors) {
  const int n = static_cast<int>(articles.size());
  std::vector<uint64_t> hashes(n);
  std::vector<std::string> ids(n);
  for (int i = 0; i < n; ++i) {
    hashes[i] = pipeline::BodyHash(articles[i]);
    ids[i] = articles[i].id;
  }
  std::vector<std::optional<absl::StatusOr<Document>>> cleaned(n);
  ParallelFor(n, threads, 16, [&](int, int i) {
    cleaned[i] = pipeline::CleanArticle(std::move(articles[i]), options.clean,
                                        options.text);
  });
  articles.clear();

  WireWriter w;
  w.Put<uint64_t>(n);
  for (int i = 0; i < n; ++i) {
    w.PutString(ids[i]);
    w.Put(hashes[i]);
    w.Put<uint8_t>(cleaned[i]->ok());
  }
  const std::vector<std::string> parts = comm.AllGather(w.Take());
  // (id, hash, rank, position, cleaned) of every article of the job.
  using Entry = std::tuple<std::string, uint64_t, int, uint64_t, bool>;
  std::vector<Entry> all;
  for (int r = 0; r < comm.size(); ++r) {
    WireReader reader(parts[r]);
    const uint64_t count = reader.Get<uint64_t>();
    for (uint64_t i = 0; i < count && reader.ok(); ++i) {
      std::string id = reader.GetString();
      const uint64_t hash = reader.Get<uint64_t>();
      all.emplace_back(std::move(id), hash, r, i, reader.Get<uint8_t>() != 0);
    }
    if (!reader.ok()) comm.Abort("corrupt id message", 4);
  }
  std::sort(all.begin(), all.end());

  Holdings share;
  uint32_t next_index = 0;
  for (size_t k = 0; k < all.size(); ++k) {
    const auto& [id, hash, rank, i, ok] = all[k];
    const bool winner = k == 0 || std::get<0>(all[k - 1]) != id;
    if (winner && ok) {
      ++next_index;
      share.rank_of.push_back(rank);
    }
    if (rank != comm.rank()) continue;
    auto& doc = *cleaned[i];
    if (!winner) {
      errors.Report({id, "repeated article id, later copy skipped"});
    } else if (!ok) {
      errors.Report({id, StrCat(MessageOf(doc.status()), ", skipped")});
    } else {
      share.docs.push_back(*std::move(doc));
      share.index.push_back(next_index - 1);
    }
  }
  return share;
}

std::string EncodeErrors(const CollectingErrorSink& errors) {
  WireWriter w;
  const auto list = errors.errors();
  w.Put<uint64_t>(list.size());
  for (const InputError& e : list) {
    w.PutString(e.where);
    w.PutString(e.message);
  }
  return w.Take();
}

}  // namespace

DistributedResult RunDistributed(const Comm& comm,
                                 const std::vector<std::string>& inputs,
                                 const PipelineOptions& options,
                                 const StoryRenderer& render) {
  const auto start = std::chrono::steady_clock::now();
  auto last = start;
  const int threads = ResolveThreads(options.threads);
  DistributedResult out;
  PipelineTimings& timings = out.result.timings;
  CollectingErrorSink errors;
  // What this rank sent, by step: sent_for(step) gives `step` all it sent
  // that no earlier step was given.
  decltype(RankReport::bytes_sent) sent_by_step{};
  auto sent_for = [&](CommStep step) {
    uint64_t counted = 0;
    for (const uint64_t bytes : sent_by_step) counted += bytes;
    sent_by_step[static_cast<size_t>(step)] += comm.bytes_sent() - counted;
  };

  std::vector<Article> articles =
      ReadShare(comm, inputs, IngestOptions{}, errors);
  const size_t read = articles.size();
  Holdings share =
      CleanAndNumber(comm, std::move(articles), options, threads, errors);
  if (options.clean.remove_boilerplate) {
    extract::RepeatedLineCounts lines;
    for (const Document& doc : share.docs) lines.Add(doc);
    MergeAcrossRanks(comm, lines, options.clean);
    extract::DropRepeatedLines(share.docs, lines, options.clean, threads);
  }
  ReleaseFreedMemory();  // the articles as read
  timings.clean_s = Since(last);
  sent_for(CommStep::kClean);

  const bool tell = options.synthesize && render && options.run_clustering;
  auto analysis = pipeline::AnalyzeDocuments(share.docs, options, threads,
                                             {.stem_df = tell});
  auto idf = pipeline::CountDocumentFrequencies(analysis.counts, threads);
  MergeAcrossRanks(comm, idf);
  auto vectors =
      pipeline::WeightVectors(analysis.counts, idf, options.cluster, threads);
  idf = {};
  analysis.counts = {};
  StemFrequencies background{.df = std::move(analysis.stem_df),
                             .documents = static_cast<int>(share.docs.size())};
  if (tell) MergeAcrossRanks(comm, background);
  timings.analyze_s = Since(last);
  sent_for(CommStep::kAnalyze);

  // Copy candidates where their keys live (all-to-all), verified where
  // their pairs are owned; rank 0 collects the copies.
  if (options.find_copies) {
    const std::vector<dedup::Candidate> candidates = FindCandidatesByKey(
        comm, share.index, analysis.signatures, options.dedup);
    out.result.copies = VerifyCandidatesWhereOwned(
        comm, share, analysis.signatures, candidates, options.dedup, threads);
  }
  analysis = {};
  ReleaseFreedMemory();
  timings.dedup_s = Since(last);
  sent_for(CommStep::kCopies);

  // Every rank gets what clustering needs of each document: its id, date
  // and vector. The texts stay where they are. Each rank computes its
  // share of the similarity graph; rank 0 joins it and runs the linkage.
  {
    WireWriter w;
    w.Put<uint64_t>(share.docs.size());
    for (size_t i = 0; i < share.docs.size(); ++i) {
      w.Put(share.index[i]);
      w.PutString(share.docs[i].id);
      w.PutDay(share.docs[i].published);
      if (options.run_clustering) Put(w, vectors[i]);
    }
    vectors = {};
    ReleaseFreedMemory();
    std::vector<std::string> parts = comm.AllGather(w.Take());
    const size_t total = share.rank_of.size();
    std::vector<cluster::SparseVector> all_vectors;
    std::vector<std::optional<absl::CivilDay>> dates(total);
    out.result.docs.resize(total);
    if (options.run_clustering) all_vectors.resize(total);
    for (std::string& part : parts) {
      WireReader r(part);
      const uint64_t count = r.Get<uint64_t>();
      for (uint64_t i = 0; i < count && r.ok(); ++i) {
        const uint32_t at = r.Get<uint32_t>();
        if (at >= total) comm.Abort("corrupt document index", 4);
        out.result.docs[at].id = r.GetString();
        out.result.docs[at].published = dates[at] = r.GetDay();
        if (options.run_clustering) Get(r, all_vectors[at]);
      }
      if (!r.ok()) comm.Abort("corrupt document message", 4);
      part = {};  // each message gone as soon as it is read
    }
    if (comm.rank() != 0) out.result.docs = {};
    timings.analyze_s += Since(last);
    sent_for(CommStep::kVectors);
    if (options.run_clustering) {
      // Room for the copy pairs the linkage adds (rank 0 has them).
      cluster::SimilarityParams params =
          cluster::StoryPassParams(options.cluster, 0);
      params.spare_edges = out.result.copies.size();
      cluster::EdgeList edges = SimilarPairsAcrossRanks(
          comm, all_vectors, cluster::DayRanges(dates), params, threads);
      all_vectors = {};
      ReleaseFreedMemory();
      sent_for(CommStep::kEdges);
      if (comm.rank() == 0) {
        auto linkage_start = std::chrono::steady_clock::now();
        pipeline::ClusterDocumentsFromEdges(out.result, std::move(edges),
                                            options, threads);
        out.linkage_s = Since(linkage_start);
      }
    }
    timings.cluster_s = Since(last);
  }

  if (tell) {
    out.rendered = TellStoriesAcrossRanks(comm, share, out.result, background,
                                          options.story, threads, render);
  }
  timings.story_s = Since(last);
  sent_for(CommStep::kStories);

  // Reports and resource use, to rank 0.
  const std::vector<std::string> error_parts =
      comm.Gather(EncodeErrors(errors), 0);
  WireWriter w;
  w.Put<uint64_t>(read);
  w.Put(std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count());
  w.Put(PeakRssKb());
  for (const uint64_t bytes : sent_by_step) w.Put(bytes);
  const std::vector<std::string> rank_parts = comm.Gather(w.Take(), 0);
  for (const std::string& part : error_parts) {
    WireReader r(part);
    const uint64_t count = r.Get<uint64_t>();
    for (uint64_t i = 0; i < count && r.ok(); ++i) {
      std::string where = r.GetString();
      out.errors.push_back({std::move(where), r.GetString()});
    }
  }
  for (const std::string& part : rank_parts) {
    WireReader r(part);
    RankReport report;
    report.articles = r.Get<uint64_t>();
    report.seconds = r.Get<double>();
    report.peak_rss_kb = r.Get<uint64_t>();
    for (uint64_t& bytes : report.bytes_sent) bytes = r.Get<uint64_t>();
    if (!r.ok()) comm.Abort("corrupt report message", 4);
    out.ranks.push_back(report);
  }
  return out;
}

}  // namespace storyline::distributed
