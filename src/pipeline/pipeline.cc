#include "storyline/pipeline.h"

#include <chrono>

#include "base/parallel.h"
#include "extract/boilerplate.h"
#include "pipeline/stages.h"
#include "story/teller.h"

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
  std::chrono::steady_clock::time_point last_ =
      std::chrono::steady_clock::now();
};

}  // namespace

PipelineResult RunPipeline(std::vector<Article> articles,
                           const PipelineOptions& options, ErrorSink& errors) {
  PipelineResult result;
  Stopwatch watch;
  const int threads = ResolveThreads(options.threads);
  pipeline::SortAndDropRepeatedIds(articles, errors, threads);
  result.docs =
      pipeline::CleanArticles(std::move(articles), options, threads, errors);
  // Furniture shows only across documents: lines a source repeats often.
  if (options.clean.remove_boilerplate) {
    extract::RemoveRepeatedLines(result.docs, options.clean, threads);
  }
  result.timings.clean_s = watch.Lap();

  // The story stage weighs words by their rarity in the whole input:
  // counted here, in the one pass over every document's words.
  const bool tell = options.synthesize && options.run_clustering;
  // Shingles kept from the analysis spare copy verification a second pass
  // over the words, at about 4 KB per document until it is done. Beside
  // clustering, which needs the memory more, that saves little (3% of the
  // time of a 100k-article run, for a sixth more peak memory). The words
  // themselves are kept for verification and the story stage, at about 4
  // bytes a word: that spares them tokenizing every document again (a
  // tenth of the story stage's time, a sixth of verification's).
  auto analysis =
      pipeline::AnalyzeDocuments(result.docs, options, threads,
                                 {.stem_df = tell,
                                  .shingles = !options.run_clustering,
                                  .kept_words = tell});
  result.timings.analyze_s = watch.Lap();

  // Copies before the vectors are weighed: their signatures are gone by
  // then.
  if (options.find_copies) {
    pipeline::FindCopies(result, analysis, options, threads);
  }
  analysis.signatures = {};
  analysis.shingled = {};
  result.timings.dedup_s = watch.Lap();

  const auto idf = pipeline::CountDocumentFrequencies(analysis.counts, threads);
  const auto vectors =
      pipeline::WeightVectors(analysis.counts, idf, options.cluster, threads);
  auto stem_df = std::move(analysis.stem_df);
  const text::KeptTexts kept = std::move(analysis.kept);
  analysis = {};
  result.timings.analyze_s += watch.Lap();
  if (!options.run_clustering) return result;

  pipeline::ClusterDocuments(result, vectors, options, threads);
  result.timings.cluster_s = watch.Lap();
  if (options.synthesize) {
    result.stories = story::TellStories(
        {.docs = result.docs, .copies = result.copies, .events = result.events},
        std::move(stem_df), static_cast<int>(result.docs.size()),
        result.clusters, options.story, threads, &kept);
  }
  result.timings.story_s = watch.Lap();
  return result;
}

}  // namespace storyline
