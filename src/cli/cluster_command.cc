// storyline cluster: event and story assignments as TSV.
#include "base/strings.h"
#include "cli/common.h"
#include "cli/run.h"
#include "output/markdown.h"

namespace storyline::cli {

Command AddClusterCommand(CLI::App& root) {
  struct Flags {
    std::vector<std::string> inputs;
    int threads = 0;
    ClusterOptions cluster;
    std::string assignments;
    BoundedOptions bounded;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* app = root.add_subcommand(
      "cluster", "Assign every article to an event and a story");
  app->footer(
      "Writes one line per article: article_id<TAB>event_id<TAB>story_id.\n"
      "Examples:\n"
      "  storyline cluster news.jsonl --assignments clusters.tsv\n"
      "  storyline cluster pages/ --assignments -\n"
      "  storyline cluster archive/ --spill-dir /var/tmp --assignments a.tsv");
  AddInputOptions(*app, flags->inputs, flags->threads);
  AddClusterOptions(*app, flags->cluster);
  AddBoundedOptions(*app, flags->bounded);
  app->add_option("--assignments", flags->assignments,
                  "TSV file to write (- for stdout)")
      ->required();
  return {app, [flags] {
            PipelineOptions options;
            options.threads = flags->threads;
            options.cluster = flags->cluster;
            options.synthesize = false;
            if (!flags->bounded.spill_dir.empty()) {
              return ReadAndRunBounded(flags->inputs, options, flags->bounded,
                                       output::SpoolFormat::kAssignments,
                                       flags->assignments);
            }
            const RunOutcome outcome = ReadAndRun(flags->inputs, options);
            const std::string tsv = output::AssignmentsTsv(outcome.result);
            if (!WriteOutput(flags->assignments, tsv)) return kFailed;
            return outcome.skipped > 0 ? kSkippedInput : kOk;
          }};
}

}  // namespace storyline::cli
