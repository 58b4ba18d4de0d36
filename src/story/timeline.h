// The story's dated events, oldest first, merged across articles.
#pragma once

#include <cstddef>  // storyline/options.h uses size_t
#include <optional>

#include "absl/time/civil_time.h"
#include "story/dates.h"
#include "story/story_view.h"
#include "storyline/options.h"
#include "storyline/story.h"

namespace storyline::story {

// The date "now" for an article: its own date, else (when
// `options.borrow_story_date`) the latest date of the story's dated
// articles, since reports of a developing story are written after the
// events they mention. nullopt when nothing is dated.
std::optional<absl::CivilDay> AnchorFor(const StoryView& view, int doc,
                                        const StoryOptions& options);

// The date expressions of every sentence (aligned with view.sentences()),
// resolved against the article's anchor; "the next day" against the last
// date of the few sentences before.
using SentenceDates = std::vector<std::vector<DateMention>>;
SentenceDates ResolveSentenceDates(const StoryView& view,
                                   const StoryOptions& options);

// Turns the dated sentences into timeline entries and merges entries about
// the same dated event.
void BuildTimeline(const StoryView& view, const SentenceDates& dates,
                   const StoryOptions& options, Story& story);

}  // namespace storyline::story
