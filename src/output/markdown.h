// Readable renderings for a terminal or a report.
#pragma once

#include <string>

#include "storyline/pipeline.h"

namespace storyline::output {

// Every story as a Markdown section: headline, dates, sources, summary,
// timeline, quotes, entities, reuse and disagreements.
std::string StoriesMarkdown(const PipelineResult& result);

// One line per copy pair, with its evidence passage.
std::string CopiesText(const PipelineResult& result);

}  // namespace storyline::output
