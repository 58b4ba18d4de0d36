// Reading inputs and running the pipeline, as the subcommands do it.
#pragma once

#include <string>
#include <vector>

#include "cli/common.h"
#include "storyline/pipeline.h"

namespace storyline::cli {

struct RunOutcome {
  PipelineResult result;
  size_t skipped = 0;  // input errors reported on stderr
};

// Reads `inputs`, runs the pipeline, prints input errors on stderr.
RunOutcome ReadAndRun(const std::vector<std::string>& inputs,
                      const PipelineOptions& options);

}  // namespace storyline::cli
