// The Telegram News Contest interface: PUT|DELETE /{name}.html and
// GET /threads, so tools written for it can drive the server.
#include <charconv>

#include "base/strings.h"
#include "server/http_util.h"

namespace storyline::server {
namespace {

using nlohmann::json;

void PutHtml(Context& ctx, const httplib::Request& req,
             httplib::Response& res) {
  if (!RequireReady(ctx, res)) return;
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind("text/html", 0) != 0) {
    SendError(res, 415, "Content-Type must be text/html");
    return;
  }
  // Cache-Control: max-age is accepted but articles are kept until
  // deleted: expiry is the client's call (it sends DELETE).
  Article article;
  article.id = StrCat(std::string(req.matches[1]), ".html");
  article.body = req.body;
  article.format = Format::kHtml;
  std::vector<Article> one;
  one.push_back(std::move(article));
  auto put = ctx.service.Put(std::move(one), /*wait=*/false);
  if (!put.ok()) {
    SendError(res, 500, StrCat("not stored: ", MessageOf(put.status())));
  } else if (put->stored.empty()) {
    SendError(res, 422, put->rejected.front().message);
  } else {
    res.status = put->stored.front().created ? 201 : 204;
  }
}

void DeleteHtml(Context& ctx, const httplib::Request& req,
                httplib::Response& res) {
  if (!RequireReady(ctx, res)) return;
  auto deleted = ctx.service.Delete(
      StrCat(std::string(req.matches[1]), ".html"), /*wait=*/false);
  if (!deleted.ok()) {
    SendError(res, 500, MessageOf(deleted.status()));
  } else {
    res.status = *deleted ? 204 : 404;
  }
}

// Articles of story `s` dated on or after `from` (undated ones count as
// current) in `lang` (any when nullopt).
json ThreadArticles(const Snapshot& snap, int s, absl::CivilDay from,
                    std::optional<Lang> lang) {
  json ids = json::array();
  for (const int d : snap.result.stories[s].docs) {
    const Document& doc = snap.result.docs[d];
    if (doc.published && *doc.published < from) continue;
    if (lang && doc.lang != *lang) continue;
    ids.push_back(doc.id);
  }
  return ids;
}

void GetThreads(Context& ctx, const httplib::Request& req,
                httplib::Response& res) {
  if (!RequireReady(ctx, res)) return;
  const std::string period_text = req.get_param_value("period");
  long long period = -1;
  const auto [end, ec] = std::from_chars(
      period_text.data(), period_text.data() + period_text.size(), period);
  if (ec != std::errc() || end != period_text.data() + period_text.size() ||
      period < 0) {
    SendError(res, 400, "\"period\" must be a number of seconds");
    return;
  }
  std::optional<Lang> lang;
  if (req.has_param("lang_code")) {
    lang = LangFromCode(req.get_param_value("lang_code"));
  }
  const std::string category = req.get_param_value("category");
  json threads = json::array();
  const auto snap = ctx.service.snapshot();
  // Stories carry no topic category: only "any" (or none) matches.
  if (category.empty() || category == "any") {
    const std::optional<absl::CivilDay>& newest = snap->newest;
    const absl::CivilDay from =
        newest ? *newest - period / 86400 : absl::CivilDay(1970, 1, 1);
    for (const int s : snap->ranked) {
      json ids = ThreadArticles(*snap, s, from, lang);
      if (ids.empty()) continue;
      threads.push_back({{"title", snap->result.stories[s].headline},
                         {"category", "any"},
                         {"articles", std::move(ids)}});
    }
  }
  SendJson(res, 200, {{"threads", threads}});
}

}  // namespace

void AddTgnewsRoutes(httplib::Server& http, Context& ctx) {
  const char* kHtml = R"(/([^/]+)\.html)";
  http.Put(kHtml, Instrument(ctx, "PUT", "/{name}.html",
                             [&ctx](const auto& req, auto& res) {
                               PutHtml(ctx, req, res);
                             }));
  http.Delete(kHtml, Instrument(ctx, "DELETE", "/{name}.html",
                                [&ctx](const auto& req, auto& res) {
                                  DeleteHtml(ctx, req, res);
                                }));
  http.Get("/threads", Instrument(ctx, "GET", "/threads",
                                  [&ctx](const auto& req, auto& res) {
                                    GetThreads(ctx, req, res);
                                  }));
}

}  // namespace storyline::server
