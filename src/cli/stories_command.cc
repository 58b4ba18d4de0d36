// storyline stories: the main job.
#include "cli/common.h"
#include "cli/run.h"
#include "output/json.h"
#include "output/markdown.h"

namespace storyline::cli {

Command AddStoriesCommand(CLI::App& root) {
  struct Flags {
    std::vector<std::string> inputs;
    int threads = 0;
    ClusterOptions cluster;
    std::string format, out;
    BoundedOptions bounded;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* app = root.add_subcommand(
      "stories", "Cluster articles into stories and tell each one");
  app->footer(
      "Examples:\n"
      "  storyline stories data/sample\n"
      "  storyline stories news.jsonl --format md --out stories.md\n"
      "  cat articles.jsonl | storyline stories - > stories.json\n"
      "  storyline stories archive/ --spill-dir /var/tmp --out stories.json\n"
      "JSON is the default when stdout is not a terminal.");
  AddInputOptions(*app, flags->inputs, flags->threads);
  AddClusterOptions(*app, flags->cluster);
  AddBoundedOptions(*app, flags->bounded);
  app->add_option("--format", flags->format, "json or md")
      ->check(CLI::IsMember({"json", "md"}));
  app->add_option("--out", flags->out, "Write here instead of stdout");
  return {app, [flags] {
            PipelineOptions options;
            options.threads = flags->threads;
            options.cluster = flags->cluster;
            std::string format = flags->format;
            if (format.empty()) {
              format = flags->out.empty() && StdoutIsTerminal() ? "md" : "json";
            }
            if (!flags->bounded.spill_dir.empty()) {
              return ReadAndRunBounded(flags->inputs, options, flags->bounded,
                                       format == "md"
                                           ? output::SpoolFormat::kMarkdown
                                           : output::SpoolFormat::kJson,
                                       flags->out);
            }
            const RunOutcome outcome = ReadAndRun(flags->inputs, options);
            const std::string text =
                format == "md"
                    ? output::StoriesMarkdown(outcome.result)
                    : output::StoriesJson(outcome.result).dump(2) + "\n";
            if (!WriteOutput(flags->out, text)) return kFailed;
            return outcome.skipped > 0 ? kSkippedInput : kOk;
          }};
}

}  // namespace storyline::cli
