// Reading inputs and running the pipeline, as the subcommands do it.
#pragma once

#include <string>
#include <vector>

#include "cli/common.h"
#include "output/story_spool.h"
#include "storyline/pipeline.h"

namespace storyline::cli {

struct RunOutcome {
  PipelineResult result;
  size_t skipped = 0;  // input errors reported on stderr
};

// Reads `inputs`, runs the pipeline, prints input errors on stderr.
RunOutcome ReadAndRun(const std::vector<std::string>& inputs,
                      const PipelineOptions& options);

// The memory-bounded run (RunBoundedPipeline): writes `format` to `out`
// (stdout when empty or "-"), prints input errors and a summary line on
// stderr; returns the exit status.
int ReadAndRunBounded(const std::vector<std::string>& inputs,
                      const PipelineOptions& options,
                      const BoundedOptions& bounded,
                      output::SpoolFormat format, const std::string& out);

}  // namespace storyline::cli
