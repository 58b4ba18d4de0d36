// Direct quotations with their speakers, the same statement in different
// wordings (reprints, translations) grouped as one Quote.
#pragma once

#include <cstddef>  // storyline/options.h uses size_t
#include <vector>

#include "story/entities.h"
#include "story/story_view.h"
#include "storyline/options.h"
#include "storyline/story.h"

namespace storyline::story {

// Quoted spans between “…”, «…», „…“ or straight quotes, within one
// paragraph; an opening mark without its closing one is ignored. Spans
// exclude the marks. Exposed for tests.
std::vector<Span> FindQuotedSpans(std::string_view text);

void FindQuotes(const StoryView& view, const EntityIndex& entities,
                const StoryOptions& options, Story& story);

}  // namespace storyline::story
