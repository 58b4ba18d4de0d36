// JSON renderings of the pipeline's results, shared by the CLI and server.
#pragma once

#include <string_view>

#include "nlohmann/json.hpp"
#include "storyline/pipeline.h"

namespace storyline::output {

// "YYYY-MM-DD", or null.
nlohmann::json DateJson(const std::optional<absl::CivilDay>& day);

// {"id","title","source","url","date","lang"}.
nlohmann::json ArticleJson(const Document& doc);

// One copy pair with its evidence passages.
nlohmann::json CopyJson(const CopyPair& pair, std::span<const Document> docs);

// The full story: headline, summary, timeline, entities, quotes, sources,
// reuse, disagreements, events, articles.
nlohmann::json StoryJson(const Story& story, const PipelineResult& result);

// {"stories": [...], "articles": N, "events": N}
nlohmann::json StoriesJson(const PipelineResult& result);

// {"pairs": [...]}
nlohmann::json CopiesJson(const PipelineResult& result);

}  // namespace storyline::output
