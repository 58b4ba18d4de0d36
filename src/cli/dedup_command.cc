// storyline dedup: copies with evidence.
#include "cli/common.h"
#include "cli/run.h"
#include "output/json.h"
#include "output/markdown.h"

namespace storyline::cli {

Command AddDedupCommand(CLI::App& root) {
  struct Flags {
    std::vector<std::string> inputs;
    int threads = 0;
    bool json = false;
    std::string out;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* app = root.add_subcommand(
      "dedup", "Find exact duplicates, near-duplicates and reused passages");
  app->footer(
      "Each pair: kind, both ids, Jaccard similarity, containment both ways,\n"
      "the earlier source where known, and the longest shared passage.\n"
      "Examples:\n"
      "  storyline dedup articles/\n"
      "  storyline dedup feed.jsonl --json --out pairs.json");
  AddInputOptions(*app, flags->inputs, flags->threads);
  app->add_flag("--json", flags->json, "JSON instead of tab-separated lines");
  app->add_option("--out", flags->out, "Write here instead of stdout");
  return {app, [flags] {
            PipelineOptions options;
            options.threads = flags->threads;
            options.synthesize = false;
            options.run_clustering = false;
            const RunOutcome outcome = ReadAndRun(flags->inputs, options);
            const std::string text =
                flags->json ? output::CopiesJson(outcome.result).dump(2) + "\n"
                            : output::CopiesText(outcome.result);
            if (!WriteOutput(flags->out, text)) return kFailed;
            return outcome.skipped > 0 ? kSkippedInput : kOk;
          }};
}

}  // namespace storyline::cli
