#include "cli/run.h"

#include <fstream>
#include <iostream>

#include "base/strings.h"
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

namespace {

// Prints a line on stderr per segment, when RunPipeline's progress would.
class ProgressSpool : public StorySink {
 public:
  ProgressSpool(StorySink& inner, Progress& progress)
      : inner_(inner), progress_(progress) {}
  absl::Status Take(const PipelineResult& segment) override {
    ++segments_;
    progress_.Stage(fmt::format("segment {}: {} articles, {} stories closed",
                                segments_, segment.docs.size(),
                                segment.clusters.size()));
    return inner_.Take(segment);
  }

 private:
  StorySink& inner_;
  Progress& progress_;
  size_t segments_ = 0;
};

}  // namespace

int ReadAndRunBounded(const std::vector<std::string>& inputs,
                      const PipelineOptions& options,
                      const BoundedOptions& bounded,
                      output::SpoolFormat format, const std::string& out) {
  Progress progress;
  auto spool = output::StorySpool::Create(format, bounded.spill_dir);
  if (!spool.ok()) {
    fmt::print(stderr, "storyline: {}\n", MessageOf(spool.status()));
    return kFailed;
  }
  ProgressSpool sink(**spool, progress);
  CollectingErrorSink errors;
  auto summary = RunBoundedPipeline(inputs, IngestOptions{}, options, bounded,
                                    errors, sink);
  const size_t skipped = PrintErrors(errors);
  if (!summary.ok()) {
    fmt::print(stderr, "storyline: {}\n", MessageOf(summary.status()));
    return kFailed;
  }
  progress.Stage(fmt::format(
      "{} articles in {} segments, {:.1f} GB spilled", summary->articles,
      summary->segments, summary->spilled_bytes / 1e9));
  absl::Status written;
  if (out.empty() || out == "-") {
    written = (*spool)->WriteTo(std::cout, *summary);
  } else {
    std::ofstream file(out, std::ios::binary);
    written = (*spool)->WriteTo(file, *summary);
  }
  if (!written.ok()) {
    fmt::print(stderr, "storyline: cannot write {}\n",
               out.empty() ? "stdout" : out);
    return kFailed;
  }
  return skipped > 0 ? kSkippedInput : kOk;
}

}  // namespace storyline::cli
