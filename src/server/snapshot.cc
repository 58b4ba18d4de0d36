// Building a Snapshot: stories told, indexes for the read endpoints.
#include <algorithm>
#include <cmath>

#include "base/strings.h"
#include "nlohmann/json.hpp"
#include "output/json.h"
#include "server/service.h"

namespace storyline::server {

double Importance(const Story& story, std::optional<absl::CivilDay> newest) {
  // Sources count most (independent outlets confirm a story), articles
  // less (one outlet may post many updates); a week of age costs about as
  // much as doubling the sources.
  double score = 2.0 * std::log1p(static_cast<double>(story.sources.size())) +
                 std::log1p(static_cast<double>(story.docs.size()));
  if (newest && story.last_date) {
    score -= static_cast<double>(*newest - *story.last_date) / 5.0;
  }
  return score;
}

void IndexSnapshot(Snapshot& snap) {
  const PipelineResult& r = snap.result;
  std::optional<absl::CivilDay> newest;
  for (int d = 0; d < static_cast<int>(r.docs.size()); ++d) {
    if (!snap.analysed.empty() && !snap.analysed[d]) continue;  // freed slot
    snap.doc_index[r.docs[d].id] = d;
    const auto& day = r.docs[d].published;
    if (day && (!newest || *day > *newest)) newest = day;
  }
  const int n = static_cast<int>(r.stories.size());
  snap.story_of_doc.assign(r.docs.size(), -1);
  snap.importance.resize(n);
  snap.languages.resize(n);
  snap.search_text.resize(n);
  for (int s = 0; s < n; ++s) {
    const Story& story = r.stories[s];
    snap.story_index[story.id] = s;
    snap.importance[s] = Importance(story, newest);
    snap.search_text[s] = AsciiLower(story.headline);
    for (const int d : story.docs) {
      snap.story_of_doc[d] = s;
      snap.languages[s] |= 1u << static_cast<int>(r.docs[d].lang);
    }
  }
  snap.ranked.resize(n);
  for (int s = 0; s < n; ++s) snap.ranked[s] = s;
  std::sort(snap.ranked.begin(), snap.ranked.end(), [&](int x, int y) {
    if (snap.importance[x] != snap.importance[y]) {
      return snap.importance[x] > snap.importance[y];
    }
    return r.stories[x].id < r.stories[y].id;
  });
  snap.bodies.Resize(n);
  snap.newest = newest;
}

StoryBodies::Body StoryBody(const Snapshot& snap, int s) {
  return snap.bodies.Get(s, [&] {
    nlohmann::json body =
        output::StoryJson(snap.result.stories[s], snap.result);
    body["importance"] = snap.importance[s];
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  });
}

}  // namespace storyline::server
