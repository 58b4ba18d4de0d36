// storyline eval: accuracy on labeled data.
#include <chrono>

#include "fmt/format.h"
#include "base/strings.h"
#include "cli/common.h"
#include "eval/clustering_metrics.h"
#include "eval/labeled_data.h"
#include "nlohmann/json.hpp"
#include "storyline/pipeline.h"

namespace storyline::cli {
namespace {

struct EvalFlags {
  ClusterOptions cluster;
  std::string dataset;
  std::string level = "event";
  std::string extract;  // extraction mode: DIR with html/ and gold.jsonl
  bool json = false;
  int threads = 0;
};

int EvalClustering(const EvalFlags& flags) {
  CollectingErrorSink errors;
  auto corpus = eval::ReadLabeledCorpus(flags.dataset, errors);
  if (!corpus.ok()) {
    fmt::print(stderr, "storyline: {}\n", MessageOf(corpus.status()));
    return kFailed;
  }
  const auto start = std::chrono::steady_clock::now();
  PipelineOptions options;
  options.threads = flags.threads;
  options.cluster = flags.cluster;
  options.synthesize = false;
  const PipelineResult result =
      RunPipeline(std::move(corpus->articles), options, errors);
  const double seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - start)
                             .count();
  const size_t skipped = PrintErrors(errors);

  std::vector<std::string> cluster_of(result.docs.size());
  if (flags.level == "event") {
    for (const Event& event : result.events) {
      for (const int d : event.docs) cluster_of[d] = event.id;
    }
  } else {
    for (const Cluster& story : result.clusters) {
      for (const int d : story.docs) cluster_of[d] = story.id;
    }
  }
  std::vector<std::string> gold, predicted;
  for (size_t i = 0; i < result.docs.size(); ++i) {
    gold.push_back(corpus->label.at(result.docs[i].id));
    predicted.push_back(cluster_of[i]);
  }
  const auto score = eval::ScoreClustering(gold, predicted);
  if (flags.json) {
    const nlohmann::json out = {
        {"dataset", flags.dataset},
        {"level", flags.level},
        {"articles", score.items},
        {"pairwise",
         {{"precision", score.pairwise.precision},
          {"recall", score.pairwise.recall},
          {"f1", score.pairwise.f1}}},
        {"bcubed",
         {{"precision", score.bcubed.precision},
          {"recall", score.bcubed.recall},
          {"f1", score.bcubed.f1}}},
        {"clusters", score.predicted_clusters},
        {"gold_clusters", score.gold_clusters},
        {"seconds", seconds},
        {"skipped", skipped}};
    fmt::print("{}\n", out.dump(2));
  } else {
    fmt::print(
        "{} ({} level, {} articles)\n"
        "  pairwise  P {:.3f}  R {:.3f}  F1 {:.3f}\n"
        "  B-cubed   P {:.3f}  R {:.3f}  F1 {:.3f}\n"
        "  clusters  {} (gold {})\n"
        "  time      {:.2f} s\n",
        flags.dataset, flags.level, score.items, score.pairwise.precision,
        score.pairwise.recall, score.pairwise.f1, score.bcubed.precision,
        score.bcubed.recall, score.bcubed.f1, score.predicted_clusters,
        score.gold_clusters, seconds);
  }
  return skipped > 0 ? kSkippedInput : kOk;
}

}  // namespace

Command AddEvalCommand(CLI::App& root) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* app = root.add_subcommand(
      "eval", "Measure accuracy on a labeled dataset");
  app->footer(
      "Clustering datasets are JSONL articles with a gold \"label\".\n"
      "Examples:\n"
      "  storyline eval ecbplus.jsonl\n"
      "  storyline eval duc2006-dev.jsonl --level story --json");
  app->add_option("dataset", flags->dataset, "Labeled JSONL file");
  app->add_option("--level", flags->level,
                  "Compare gold labels with events or with stories")
      ->check(CLI::IsMember({"event", "story"}));
  app->add_option("--extract", flags->extract,
                  "Score HTML extraction: DIR with html/<id>.html, gold.jsonl");
  app->add_flag("--json", flags->json, "Machine-readable output");
  app->add_option("--threads", flags->threads, "Worker threads (0 = all)");
  AddClusterOptions(*app, flags->cluster);
  return {app, [flags] {
            if (!flags->extract.empty()) {
              return EvalExtraction(flags->extract, flags->json);
            }
            if (flags->dataset.empty()) {
              fmt::print(stderr, "storyline eval: a dataset is required\n");
              return kFailed;
            }
            return EvalClustering(*flags);
          }};
}

}  // namespace storyline::cli
