// Selecting stories for GET /stories and GET /threads: filters, ranking
// order, pagination. Pure functions over a Snapshot.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "server/service.h"

namespace storyline::server {

struct StoryQuery {
  std::optional<absl::CivilDay> since, until;  // story must overlap
  std::optional<Lang> lang;                    // some article in it
  std::string q;                               // in headline, lower-case
  int limit = 20;
  size_t offset = 0;  // from the cursor
};

// Validates the query parameters; `get` returns a parameter when present.
absl::StatusOr<StoryQuery> ParseStoryQuery(
    const std::function<std::optional<std::string>(const char*)>& get,
    int max_limit);

struct StoryPage {
  std::vector<int> stories;  // indices, by importance
  size_t total = 0;          // matching stories on all pages
  std::optional<std::string> next_cursor;
};

// Cursors are offsets into the ranked, filtered list of the snapshot at
// the time; when stories change between pages a story may move across a
// page boundary (seen twice or skipped), which a news list tolerates.
StoryPage SelectStories(const Snapshot& snap, const StoryQuery& query);

}  // namespace storyline::server
