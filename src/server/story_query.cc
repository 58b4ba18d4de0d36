#include "server/story_query.h"

#include <charconv>

#include "base/strings.h"
#include "storyline/ingest.h"

namespace storyline::server {
namespace {

absl::StatusOr<long long> ParseInt(const std::string& name,
                                   const std::string& value, long long min,
                                   long long max) {
  long long v = 0;
  const auto [end, ec] =
      std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc() || end != value.data() + value.size() || v < min ||
      v > max) {
    return absl::InvalidArgumentError(
        StrCat("\"", name, "\" must be an integer from ", min, " to ", max));
  }
  return v;
}

absl::StatusOr<std::optional<absl::CivilDay>> ParseDayParam(
    const char* name, const std::optional<std::string>& value) {
  if (!value) return std::optional<absl::CivilDay>();
  auto day = ParseIsoDate(*value);
  if (!day) {
    return absl::InvalidArgumentError(
        StrCat("\"", name, "\" must be a date YYYY-MM-DD"));
  }
  return day;
}

bool Matches(const Snapshot& snap, int s, const StoryQuery& q) {
  const Story& story = snap.result.stories[s];
  if (q.since && (!story.last_date || *story.last_date < *q.since)) {
    return false;
  }
  if (q.until && (!story.first_date || *story.first_date > *q.until)) {
    return false;
  }
  if (q.lang && !(snap.languages[s] & (1u << static_cast<int>(*q.lang)))) {
    return false;
  }
  return q.q.empty() || snap.search_text[s].find(q.q) != std::string::npos;
}

}  // namespace

absl::StatusOr<StoryQuery> ParseStoryQuery(
    const std::function<std::optional<std::string>(const char*)>& get,
    int max_limit) {
  StoryQuery q;
  auto since = ParseDayParam("since", get("since"));
  if (!since.ok()) return since.status();
  q.since = *since;
  auto until = ParseDayParam("until", get("until"));
  if (!until.ok()) return until.status();
  q.until = *until;
  if (q.since && q.until && *q.since > *q.until) {
    return absl::InvalidArgumentError("\"since\" is after \"until\"");
  }
  if (const auto lang = get("lang"); lang && !lang->empty()) {
    if (lang->size() > 3 || AsciiLower(*lang) != *lang ||
        lang->find_first_not_of("abcdefghijklmnopqrstuvwxyz") !=
            std::string::npos) {
      return absl::InvalidArgumentError(
          "\"lang\" must be a language code such as \"en\"");
    }
    q.lang = LangFromCode(*lang);
  }
  if (const auto text = get("q")) q.q = AsciiLower(StripSpace(*text));
  if (const auto limit = get("limit")) {
    auto v = ParseInt("limit", *limit, 1, max_limit);
    if (!v.ok()) return v.status();
    q.limit = static_cast<int>(*v);
  }
  if (const auto cursor = get("cursor"); cursor && !cursor->empty()) {
    auto v = ParseInt("cursor", *cursor, 0, 1LL << 40);
    if (!v.ok()) return v.status();
    q.offset = static_cast<size_t>(*v);
  }
  return q;
}

StoryPage SelectStories(const Snapshot& snap, const StoryQuery& query) {
  StoryPage page;
  for (const int s : snap.ranked) {
    if (!Matches(snap, s, query)) continue;
    if (page.total >= query.offset &&
        page.stories.size() < static_cast<size_t>(query.limit)) {
      page.stories.push_back(s);
    }
    ++page.total;
  }
  const size_t next = query.offset + page.stories.size();
  if (next < page.total) page.next_cursor = std::to_string(next);
  return page;
}

}  // namespace storyline::server
