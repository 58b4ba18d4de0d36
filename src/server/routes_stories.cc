// GET /stories (ranked, filtered, paginated) and GET /stories/{id}.
#include <charconv>

#include "base/strings.h"
#include "output/json.h"
#include "server/http_util.h"
#include "server/story_query.h"

namespace storyline::server {
namespace {

using nlohmann::json;

json SummaryJson(const Snapshot& snap, int s) {
  const Story& story = snap.result.stories[s];
  json languages = json::array();
  for (int l = 0; l < 32; ++l) {
    if (snap.languages[s] & (1u << l) &&
        l != static_cast<int>(Lang::kUnknown)) {
      languages.push_back(std::string(LangCode(static_cast<Lang>(l))));
    }
  }
  return {{"id", story.id},
          {"headline", story.headline},
          {"articles", story.docs.size()},
          {"sources", story.sources.size()},
          {"first_date", output::DateJson(story.first_date)},
          {"last_date", output::DateJson(story.last_date)},
          {"languages", languages},
          {"importance", snap.importance[s]},
          {"top_terms", story.top_terms}};
}

void ListStories(Context& ctx, const httplib::Request& req,
                 httplib::Response& res) {
  if (!RequireReady(ctx, res)) return;
  auto query = ParseStoryQuery(
      [&req](const char* key) -> std::optional<std::string> {
        if (!req.has_param(key)) return std::nullopt;
        return req.get_param_value(key);
      },
      ctx.options.max_limit);
  if (!query.ok()) {
    SendError(res, 400, MessageOf(query.status()));
    return;
  }
  const auto snap = ctx.service.snapshot();
  const StoryPage page = SelectStories(*snap, *query);
  json stories = json::array();
  for (const int s : page.stories) stories.push_back(SummaryJson(*snap, s));
  SendJson(res, 200,
           {{"stories", stories},
            {"total", page.total},
            {"next_cursor",
             page.next_cursor ? json(*page.next_cursor) : json(nullptr)}});
}

void GetStory(Context& ctx, const httplib::Request& req,
              httplib::Response& res) {
  if (!RequireReady(ctx, res)) return;
  const std::string id = req.matches[1];
  const auto snap = ctx.service.snapshot();
  const auto it = snap->story_index.find(id);
  if (it == snap->story_index.end()) {
    SendError(res, 404, StrCat("no story ", id));
    return;
  }
  const auto body = StoryBody(*snap, it->second);
  res.status = 200;
  res.set_content(*body, "application/json");
}

}  // namespace

void AddStoryRoutes(httplib::Server& http, Context& ctx) {
  http.Get("/stories", Instrument(ctx, "GET", "/stories",
                                  [&ctx](const auto& req, auto& res) {
                                    ListStories(ctx, req, res);
                                  }));
  http.Get(R"(/stories/([^/]+))",
           Instrument(ctx, "GET", "/stories/{id}",
                      [&ctx](const auto& req, auto& res) {
                        GetStory(ctx, req, res);
                      }));
}

}  // namespace storyline::server
