// POST /articles, PUT|DELETE|GET /articles/{id}, GET /duplicates/{id}.
#include "base/strings.h"
#include "output/json.h"
#include "server/http_util.h"
#include "text/unicode.h"

namespace storyline::server {
namespace {

using nlohmann::json;

bool WantsWait(const httplib::Request& req) {
  const std::string w = req.get_param_value("wait");
  return w != "false" && w != "0";
}

std::optional<std::string> StoryOf(const Snapshot& snap,
                                   const std::string& id) {
  const auto it = snap.doc_index.find(id);
  if (it == snap.doc_index.end()) return std::nullopt;
  const int s = snap.story_of_doc[it->second];
  if (s < 0) return std::nullopt;
  return snap.result.stories[s].id;
}

json OutcomeJson(const PutOutcome& o) {
  return {{"id", o.id},
          {"status", o.created ? "created" : "replaced"},
          {"story", o.story ? json(*o.story) : json(nullptr)},
          {"provisional", o.provisional}};
}

// Stores `articles`; answers with what happened to each one.
void Store(Context& ctx, std::vector<Article> articles, json rejected,
           bool wait, httplib::Response& res) {
  auto put = ctx.service.Put(std::move(articles), wait);
  if (!put.ok()) {
    SendError(res, 500, StrCat("not stored: ", MessageOf(put.status())));
    return;
  }
  json stored = json::array();
  bool created = false;
  for (const PutOutcome& o : put->stored) {
    stored.push_back(OutcomeJson(o));
    created = created || o.created;
  }
  for (const ItemError& e : put->rejected) {
    rejected.push_back({{"id", e.id}, {"message", e.message}});
  }
  if (put->stored.empty()) {
    SendJson(res, 422,
             {{"error", {{"status", 422}, {"message", "no usable article"}}},
              {"rejected", rejected}});
    return;
  }
  SendJson(res, created ? 201 : 200,
           {{"articles", stored}, {"rejected", rejected}});
}

void PostArticles(Context& ctx, const httplib::Request& req,
                  httplib::Response& res) {
  if (!RequireReady(ctx, res)) return;
  JsonlParser parser;
  auto parsed = ParseArticleBody(req.body, parser, ctx.options.body);
  if (!parsed.ok()) {
    SendError(res, 400, MessageOf(parsed.status()));
    return;
  }
  json rejected = json::array();
  for (const ParsedItemError& e : parsed->errors) {
    rejected.push_back({{"index", e.index}, {"message", e.message}});
  }
  if (parsed->articles.empty()) {
    SendJson(res, 400,
             {{"error", {{"status", 400}, {"message", "no valid article"}}},
              {"rejected", rejected}});
    return;
  }
  Store(ctx, std::move(parsed->articles), std::move(rejected), WantsWait(req),
        res);
}

void PutArticle(Context& ctx, const httplib::Request& req,
                httplib::Response& res) {
  if (!RequireReady(ctx, res)) return;
  const std::string id = req.matches[1];
  if (!text::IsValidUtf8(req.body)) {
    SendError(res, 400, "request body is not valid UTF-8");
    return;
  }
  JsonlParser parser;
  auto article = parser.Parse(req.body, id);
  if (!article.ok()) {
    SendError(res, 400, MessageOf(article.status()));
    return;
  }
  if (article->id != id) {
    SendError(res, 400,
              StrCat("\"id\" in the body (", article->id,
                     ") differs from the path (", id, ")"));
    return;
  }
  std::vector<Article> one;
  one.push_back(*std::move(article));
  Store(ctx, std::move(one), json::array(), WantsWait(req), res);
}

void DeleteArticle(Context& ctx, const httplib::Request& req,
                   httplib::Response& res) {
  if (!RequireReady(ctx, res)) return;
  auto deleted = ctx.service.Delete(req.matches[1], WantsWait(req));
  if (!deleted.ok()) {
    SendError(res, 500, MessageOf(deleted.status()));
  } else if (!*deleted) {
    SendError(res, 404, StrCat("no article ", std::string(req.matches[1])));
  } else {
    res.status = 204;
  }
}

void GetArticle(Context& ctx, const httplib::Request& req,
                httplib::Response& res) {
  if (!RequireReady(ctx, res)) return;
  const std::string id = req.matches[1];
  auto article = ctx.service.store().Get(id);
  if (!article.ok()) {
    SendError(res, 500, MessageOf(article.status()));
    return;
  }
  if (!*article) {
    SendError(res, 404, StrCat("no article ", id));
    return;
  }
  const Article& a = **article;
  const auto story = StoryOf(*ctx.service.snapshot(), id);
  SendJson(res, 200,
           {{"id", a.id},
            {"title", a.title},
            {"source", a.source},
            {"url", a.url},
            {"date", output::DateJson(a.published)},
            {"lang", std::string(LangCode(a.lang))},
            {"format", a.format == Format::kHtml ? "html" : "text"},
            {"body", a.body},
            {"story", story ? json(*story) : json(nullptr)}});
}

void GetDuplicates(Context& ctx, const httplib::Request& req,
                   httplib::Response& res) {
  if (!RequireReady(ctx, res)) return;
  const std::string id = req.matches[1];
  const auto snap = ctx.service.snapshot();
  const auto it = snap->doc_index.find(id);
  if (it == snap->doc_index.end()) {
    SendError(res, 404, StrCat("no clustered article ", id));
    return;
  }
  json copies = json::array();
  for (const CopyPair& pair : snap->result.copies) {
    if (pair.a != it->second && pair.b != it->second) continue;
    copies.push_back(output::CopyJson(pair, snap->result.docs));
  }
  SendJson(res, 200, {{"id", id}, {"copies", copies}});
}

}  // namespace

void AddArticleRoutes(httplib::Server& http, Context& ctx) {
  const auto bind = [&ctx](auto fn) {
    return [&ctx, fn](const httplib::Request& req, httplib::Response& res) {
      fn(ctx, req, res);
    };
  };
  http.Post("/articles",
            Instrument(ctx, "POST", "/articles", bind(PostArticles)));
  const char* kId = R"(/articles/([^/]+))";
  http.Put(kId, Instrument(ctx, "PUT", "/articles/{id}", bind(PutArticle)));
  http.Delete(kId,
              Instrument(ctx, "DELETE", "/articles/{id}", bind(DeleteArticle)));
  http.Get(kId, Instrument(ctx, "GET", "/articles/{id}", bind(GetArticle)));
  http.Get(R"(/duplicates/([^/]+))",
           Instrument(ctx, "GET", "/duplicates/{id}", bind(GetDuplicates)));
}

}  // namespace storyline::server
