// Headline, extractive summary and characteristic terms of a story, chosen
// by centrality: similarity of a sentence to the story's centroid.
#pragma once

#include <cstddef>  // storyline/options.h uses size_t

#include "story/story_view.h"
#include "storyline/options.h"
#include "storyline/story.h"

namespace storyline::story {

// Picks the most central title or lead sentence; sets headline,
// headline_score (its cosine with the centroid), headline_doc and
// headline_basis.
void ChooseHeadline(const StoryView& view, Story& story);

// Up to `options.summary_sentences` sentences by maximal marginal
// relevance: central, and unlike those already chosen, so a reprinted
// sentence counts once. Ordered by article date, then position.
void Summarize(const StoryView& view, const StoryOptions& options,
               Story& story);

// The story's most characteristic words: frequent in its articles, rare in
// the rest of the input.
void ChooseTopTerms(const StoryView& view, const StoryOptions& options,
                    Story& story);

}  // namespace storyline::story
