// Turns a cluster of articles into a story a reader can use: headline,
// summary, timeline, entities, quotes, sources, reuse and disagreements,
// each statement citing the article and byte span it came from.
#pragma once

#include <cstddef>  // storyline/options.h uses size_t
#include <span>
#include <vector>

#include "story/corpus.h"
#include "storyline/options.h"
#include "storyline/story.h"
#include "storyline/types.h"

namespace storyline::story {

struct StoryInput {
  std::span<const Document> docs;
  std::span<const CopyPair> copies;
  std::span<const Event> events;
};

// Tells one story for `cluster`, analysing only its documents (so word
// weights have no background). Thread-compatible; pure.
Story TellStory(const StoryInput& input, const Cluster& cluster,
                const StoryOptions& options);

// Same, with documents already analysed in `corpus` (which must cover the
// cluster's documents).
Story TellStory(const StoryInput& input, const StoryCorpus& corpus,
                const Cluster& cluster, const StoryOptions& options);

// Tells every story, in parallel; output order follows `clusters`. Each
// document is analysed once, and rare words across all input documents
// weigh more in headlines, summaries and top terms.
std::vector<Story> TellStories(const StoryInput& input,
                               std::span<const Cluster> clusters,
                               const StoryOptions& options, int threads);

// Same, with the stem document frequencies counted already (`stem_df` over
// `documents` documents, as BuildCorpus counts them; the whole input, which
// may be more than `input.docs`): each story's documents are analysed when
// it is told and dropped after, so memory holds the words of the stories in
// progress, not of the whole input. `clusters` must not share documents.
// Documents with words in `kept` are not tokenized again.
std::vector<Story> TellStories(const StoryInput& input, StemDf stem_df,
                               int documents, std::span<const Cluster> clusters,
                               const StoryOptions& options, int threads,
                               const text::KeptTexts* kept = nullptr);

}  // namespace storyline::story
