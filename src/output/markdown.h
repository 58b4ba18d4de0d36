// Readable renderings for a terminal or a report.
#pragma once

#include <string>

#include "storyline/pipeline.h"

namespace storyline::output {

// Every story as a Markdown section: headline, dates, sources, summary,
// timeline, quotes, entities, reuse and disagreements.
std::string StoriesMarkdown(const PipelineResult& result);

// The parts of StoriesMarkdown: its first line, and one story's section.
std::string StoriesMarkdownTitle(size_t stories, size_t articles);
std::string StoryMarkdown(const Story& story, const PipelineResult& result);

// article_id<TAB>event_id<TAB>story_id, a header line, then one line per
// article (grouped by event).
std::string AssignmentsTsv(const PipelineResult& result);

// One line per copy pair, with its evidence passage.
std::string CopiesText(const PipelineResult& result);

}  // namespace storyline::output
