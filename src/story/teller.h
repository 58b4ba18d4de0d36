// Turns a cluster of articles into a story a reader can use.
#pragma once

#include <span>
#include <vector>

#include "storyline/options.h"
#include "storyline/story.h"
#include "storyline/types.h"

namespace storyline::story {

struct StoryInput {
  std::span<const Document> docs;
  std::span<const CopyPair> copies;
  std::span<const Event> events;
};

// Tells one story for `cluster`. Thread-compatible; pure.
Story TellStory(const StoryInput& input, const Cluster& cluster,
                const StoryOptions& options);

// Tells every story, in parallel; output order follows `clusters`.
std::vector<Story> TellStories(const StoryInput& input,
                               std::span<const Cluster> clusters,
                               const StoryOptions& options, int threads);

}  // namespace storyline::story
