#include "storyline/pipeline.h"

#include <algorithm>
#include <chrono>

#include "base/strings.h"
#include "base/parallel.h"
#include "cluster/clusterer.h"
#include "cluster/vectors.h"
#include "dedup/copies.h"
#include "extract/boilerplate.h"
#include "pipeline/clean.h"
#include "story/teller.h"
#include "text/analyzer.h"

namespace storyline {
namespace {

class Stopwatch {
 public:
  double Lap() {
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return seconds;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Sorts by id and drops repeated ids (reported), so that everything after
// depends only on the set of articles, not their order.
void SortAndDropRepeatedIds(std::vector<Article>& articles,
                            ErrorSink& errors) {
  std::sort(articles.begin(), articles.end(),
            [](const Article& x, const Article& y) {
              if (x.id != y.id) return x.id < y.id;
              return x.body < y.body;
            });
  std::vector<Article> kept;
  kept.reserve(articles.size());
  for (auto& article : articles) {
    if (!kept.empty() && kept.back().id == article.id) {
      errors.Report({article.id, "repeated article id, later copy skipped"});
      continue;
    }
    kept.push_back(std::move(article));
  }
  articles = std::move(kept);
}

// What the analysis pass yields per document.
struct Analysis {
  cluster::SparseVector counts;
  dedup::Signature signature;
};

}  // namespace

PipelineResult RunPipeline(std::vector<Article> articles,
                           const PipelineOptions& options, ErrorSink& errors) {
  PipelineResult result;
  Stopwatch watch;
  const int threads = ResolveThreads(options.threads);
  SortAndDropRepeatedIds(articles, errors);

  // Clean.
  const int n_articles = static_cast<int>(articles.size());
  std::vector<std::optional<Document>> cleaned(n_articles);
  ParallelFor(n_articles, threads, 16, [&](int, int i) {
    const std::string id = articles[i].id;
    auto doc = pipeline::CleanArticle(std::move(articles[i]), options.clean,
                                      options.text);
    if (!doc.ok()) {
      errors.Report({id, StrCat(MessageOf(doc.status()), ", skipped")});
      return;
    }
    cleaned[i] = *std::move(doc);
  });
  articles.clear();
  for (auto& doc : cleaned) {
    if (doc) result.docs.push_back(*std::move(doc));
  }
  cleaned.clear();
  // Furniture shows only across documents: lines a source repeats often.
  if (options.clean.remove_boilerplate) {
    extract::RemoveRepeatedLines(result.docs, options.clean);
  }
  result.timings.clean_s = watch.Lap();

  // Analyze: term counts and copy signatures, one pass over the words.
  const int n = static_cast<int>(result.docs.size());
  std::vector<Analysis> analysis(n);
  std::vector<std::unique_ptr<text::Analyzer>> analyzers(threads);
  ParallelFor(n, threads, 16, [&](int worker, int i) {
    auto& analyzer = analyzers[worker];
    if (!analyzer) analyzer = std::make_unique<text::Analyzer>();
    const Document& doc = result.docs[i];
    if (!options.run_clustering) {  // copies only: no stems needed
      analysis[i].signature = dedup::ComputeSignature(
          analyzer->PlainWords(doc.text), options.dedup);
      return;
    }
    const auto title = analyzer->Words(doc.title, doc.lang);
    const auto body = analyzer->Words(doc.text, doc.lang);
    analysis[i].counts = cluster::CountTerms(title, body, options.cluster);
    if (options.find_copies) {
      analysis[i].signature = dedup::ComputeSignature(body, options.dedup);
    }
  });
  cluster::IdfTable idf;
  for (const auto& a : analysis) idf.Add(a.counts);
  std::vector<cluster::SparseVector> vectors(n);
  ParallelFor(n, threads, 64, [&](int, int i) {
    vectors[i] = cluster::WeightTerms(analysis[i].counts, idf, options.cluster);
    analysis[i].counts = {};
  });
  result.timings.analyze_s = watch.Lap();

  // Copies.
  if (options.find_copies) {
    std::vector<dedup::Signature> signatures(n);
    for (int i = 0; i < n; ++i) {
      signatures[i] = std::move(analysis[i].signature);
    }
    const auto candidates = dedup::FindCandidates(signatures, options.dedup);
    result.copies = dedup::VerifyCandidates(result.docs, signatures,
                                            candidates, options.dedup, threads);
  }
  analysis.clear();
  result.timings.dedup_s = watch.Lap();

  if (!options.run_clustering) return result;

  // Events and stories.
  std::vector<std::string> ids(n);
  std::vector<std::optional<absl::CivilDay>> dates(n);
  for (int i = 0; i < n; ++i) {
    ids[i] = result.docs[i].id;
    dates[i] = result.docs[i].published;
  }
  auto clustering = cluster::ClusterArticles(
      {.ids = ids, .vectors = vectors, .dates = dates, .copies = result.copies},
      options.cluster, threads);
  result.events = std::move(clustering.events);
  result.clusters = std::move(clustering.stories);
  result.timings.cluster_s = watch.Lap();

  if (options.synthesize) {
    result.stories = story::TellStories(
        {.docs = result.docs, .copies = result.copies, .events = result.events},
        result.clusters, options.story, threads);
  }
  result.timings.story_s = watch.Lap();
  return result;
}

}  // namespace storyline
