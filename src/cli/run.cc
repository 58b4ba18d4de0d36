#include "cli/run.h"

#include "fmt/core.h"
#include "storyline/ingest.h"

namespace storyline::cli {

RunOutcome ReadAndRun(const std::vector<std::string>& inputs,
                      const PipelineOptions& options) {
  Progress progress;
  CollectingErrorSink errors;
  std::vector<Article> articles = ReadArticles(inputs, IngestOptions{}, errors);
  progress.Stage(fmt::format("read {} articles", articles.size()));
  RunOutcome outcome;
  outcome.result = RunPipeline(std::move(articles), options, errors);
  const auto& t = outcome.result.timings;
  progress.Stage(fmt::format(
      "clean {:.1f}s, analyze {:.1f}s, copies {:.1f}s, cluster {:.1f}s, "
      "stories {:.1f}s",
      t.clean_s, t.analyze_s, t.dedup_s, t.cluster_s, t.story_s));
  outcome.skipped = PrintErrors(errors);
  return outcome;
}

}  // namespace storyline::cli
