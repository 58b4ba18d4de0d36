// Figures (numbers with a unit: "approximately 7.5 hours", "nearly eight
// hours", "30 countries") and the disagreements between sources about them.
#pragma once

#include <cstddef>  // storyline/options.h uses size_t
#include <optional>
#include <string_view>

#include "story/story_view.h"
#include "story/timeline.h"
#include "storyline/options.h"
#include "storyline/story.h"

namespace storyline::story {

// Value of a number written as digits ("7.5", "1,000", "7,5") or as an
// English or Russian word ("eight", "две"); nullopt otherwise.
std::optional<double> NumberValue(std::string_view folded);

// Two articles disagree when they give different values in the same unit
// with overlapping context words and no conflicting dates: "They lasted
// approximately 7.5 hours" vs "spoke for nearly eight hours".
// `dates` are the story's sentence dates (timeline.h).
void FindDisagreements(const StoryView& view, const SentenceDates& dates,
                       Story& story);

}  // namespace storyline::story
