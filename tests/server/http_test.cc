// The HTTP API on a loopback server: every endpoint, and bad requests
// answered with a JSON 4xx without losing what is stored.
#include "nlohmann/json.hpp"
#include "server_testing.h"

namespace storyline::server {
namespace {

using nlohmann::json;

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

class HttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ServerOptions options;
    options.token = "s3cret";
    options.max_body_bytes = 1 << 20;
    server_ = new TestServer(TempDb("http.db"), options);
    auto client = server_->Client();
    client.set_bearer_token_auth("s3cret");
    auto res =
        client.Post("/articles", Join(SampleLines()), "application/x-ndjson");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 201) << res->body;
  }
  static void TearDownTestSuite() { delete server_; }

  // A JSON error with a message, and the status expected.
  static void ExpectError(const httplib::Result& res, int status) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << res->body;
    const json body = json::parse(res->body, nullptr, false);
    ASSERT_TRUE(body.contains("error")) << res->body;
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
  }

  static httplib::Client Writer() {
    auto client = server_->Client();
    client.set_bearer_token_auth("s3cret");
    return client;
  }

  static TestServer* server_;
};
TestServer* HttpTest::server_ = nullptr;

TEST_F(HttpTest, ListsStoriesRankedAndPaginated) {
  auto client = server_->Client();
  auto res = client.Get("/stories?limit=5");
  ASSERT_TRUE(res && res->status == 200);
  const json page = json::parse(res->body);
  ASSERT_EQ(page["stories"].size(), 5u);
  EXPECT_GT(page["total"].get<int>(), 5);
  for (size_t i = 1; i < 5; ++i) {
    EXPECT_GE(page["stories"][i - 1]["importance"].get<double>(),
              page["stories"][i]["importance"].get<double>());
  }
  auto next = client.Get("/stories?limit=5&cursor=" +
                         page["next_cursor"].get<std::string>());
  ASSERT_TRUE(next && next->status == 200);
  EXPECT_NE(json::parse(next->body)["stories"][0]["id"],
            page["stories"][0]["id"]);
  // A headline word finds its story.
  const std::string headline = page["stories"][0]["headline"];
  const std::string word = headline.substr(0, headline.find(' '));
  auto found = client.Get("/stories?q=" + word);
  ASSERT_TRUE(found && found->status == 200);
  EXPECT_GE(json::parse(found->body)["total"].get<int>(), 1);
}

TEST_F(HttpTest, StoryArticleAndDuplicatesAgree) {
  auto client = server_->Client();
  const json page = json::parse(client.Get("/stories?limit=1")->body);
  const std::string id = page["stories"][0]["id"];
  auto res = client.Get("/stories/" + id);
  ASSERT_TRUE(res && res->status == 200);
  const json story = json::parse(res->body);
  for (const char* key :
       {"headline", "summary", "timeline", "entities", "quotes", "sources",
        "reuse", "disagreements", "events"}) {
    EXPECT_TRUE(story.contains(key)) << key;
  }
  const std::string article = story["articles"][0]["id"];
  const json got = json::parse(client.Get("/articles/" + article)->body);
  EXPECT_EQ(got["story"], id);
  EXPECT_FALSE(got["body"].get<std::string>().empty());
  auto dups = client.Get("/duplicates/" + article);
  ASSERT_TRUE(dups && dups->status == 200);
  EXPECT_TRUE(json::parse(dups->body)["copies"].is_array());
  ExpectError(client.Get("/stories/s000000000000"), 404);
  ExpectError(client.Get("/articles/no-such-article"), 404);
}

TEST_F(HttpTest, PutReplacesAndDeleteRemoves) {
  auto client = Writer();
  const std::string body =
      R"({"title":"Harbour crane collapses in storm","text":"A crane )"
      R"(collapsed at the harbour on Monday during a storm, officials said.",)"
      R"("date":"2020-02-03","source":"Test Wire"})";
  auto created = client.Put("/articles/test-crane", body, "application/json");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201) << created->body;
  auto replaced = client.Put("/articles/test-crane", body, "application/json");
  EXPECT_EQ(replaced->status, 200);
  EXPECT_EQ(json::parse(replaced->body)["articles"][0]["status"], "replaced");
  EXPECT_EQ(client.Delete("/articles/test-crane")->status, 204);
  ExpectError(client.Delete("/articles/test-crane"), 404);
  ExpectError(client.Get("/articles/test-crane"), 404);
}

TEST_F(HttpTest, WritesNeedTheToken) {
  auto anonymous = server_->Client();
  ExpectError(anonymous.Delete("/articles/1_10ecb"), 401);
  ExpectError(anonymous.Post("/articles", "{}", "application/json"), 401);
  EXPECT_EQ(anonymous.Get("/articles/1_10ecb")->status, 200);
}

TEST_F(HttpTest, BadBodiesGetJsonErrorsAndLoseNothing) {
  auto client = Writer();
  const std::string count_before =
      json::parse(client.Get("/stories?limit=1")->body)["total"].dump();
  ExpectError(client.Post("/articles", "{\"id\": \"x\", ", "application/json"),
              400);
  ExpectError(client.Post("/articles", R"({"title":"no id","text":"t"})",
                          "application/json"),
              400);
  ExpectError(
      client.Post("/articles", R"({"id":"x","text":42})", "application/json"),
      400);
  ExpectError(client.Post("/articles", "[1, 2]", "application/json"), 400);
  ExpectError(client.Post("/articles", "\"just a string\"", "application/json"),
              400);
  ExpectError(client.Post("/articles", "{\"id\":\"x\",\"text\":\"\xff\xfe\"}",
                          "application/json"),
              400);
  ExpectError(
      client.Post("/articles", std::string(2 << 20, ' '), "application/json"),
      413);
  // One bad line in a batch: the good ones are stored, the bad one listed.
  auto mixed = client.Post(
      "/articles",
      "{\"id\":\"ok-1\",\"text\":\"A ferry ran aground near the port.\"}\n"
      "{\"id\":\"bad\",\"text\":[]}\n",
      "application/x-ndjson");
  ASSERT_TRUE(mixed);
  EXPECT_EQ(mixed->status, 201) << mixed->body;
  EXPECT_EQ(json::parse(mixed->body)["rejected"].size(), 1u);
  EXPECT_EQ(client.Delete("/articles/ok-1")->status, 204);
  EXPECT_EQ(json::parse(client.Get("/stories?limit=1")->body)["total"].dump(),
            count_before);
}

TEST_F(HttpTest, BadQueriesAndRoutesGetJsonErrors) {
  auto client = server_->Client();
  ExpectError(client.Get("/stories?limit=0"), 400);
  ExpectError(client.Get("/stories?limit=abc"), 400);
  ExpectError(client.Get("/stories?since=yesterday"), 400);
  ExpectError(client.Get("/stories?since=2020-02-02&until=2020-01-01"), 400);
  ExpectError(client.Get("/stories?cursor=-4"), 400);
  ExpectError(client.Get("/stories?lang=%3Cscript%3E"), 400);
  ExpectError(client.Get("/threads?period=soon"), 400);
  ExpectError(client.Get("/no/such/route"), 404);
  ExpectError(Writer().Patch("/stories", "{}", "application/json"), 404);
}

TEST_F(HttpTest, TgnewsInterface) {
  auto client = Writer();
  const std::string page =
      "<html><head><meta property=\"og:title\" content=\"Dam bursts after "
      "rain\"><title>Dam bursts after rain</title></head><body><article>"
      "<h1>Dam bursts after rain</h1><p>A dam burst after days of heavy "
      "rain, flooding three villages downstream, the authorities said on "
      "Sunday.</p></article></body></html>";
  httplib::Headers headers = {{"Cache-Control", "max-age=3600"}};
  auto created = client.Put("/dam.html", headers, page, "text/html");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(client.Put("/dam.html", headers, page, "text/html")->status, 204);
  ExpectError(client.Put("/dam.html", headers, page, "application/json"), 415);
  // Wait for the write-behind recluster through a waiting write.
  ASSERT_EQ(client.Delete("/articles/1_10ecb?wait=true")->status, 204);
  auto threads = client.Get("/threads?period=864000&lang_code=en&category=any");
  ASSERT_TRUE(threads && threads->status == 200);
  bool seen = false;
  const json reply = json::parse(threads->body);
  for (const json& t : reply["threads"]) {
    EXPECT_EQ(t["category"], "any");
    for (const json& a : t["articles"]) seen = seen || a == "dam.html";
  }
  EXPECT_TRUE(seen);
  EXPECT_EQ(client.Delete("/dam.html")->status, 204);
  EXPECT_EQ(client.Delete("/dam.html")->status, 404);
}

TEST_F(HttpTest, HealthMetricsAndOpenApi) {
  auto client = server_->Client();
  EXPECT_EQ(json::parse(client.Get("/healthz")->body)["ready"], true);
  const std::string metrics = client.Get("/metrics")->body;
  EXPECT_NE(metrics.find("storyline_requests_total{method=\"POST\""),
            std::string::npos);
  EXPECT_NE(metrics.find("storyline_request_seconds_bucket"),
            std::string::npos);
  EXPECT_NE(metrics.find("storyline_cluster_seconds"), std::string::npos);
  EXPECT_NE(metrics.find("\nstoryline_stories_exact "), std::string::npos);
  EXPECT_NE(metrics.find("\nstoryline_changed_since_full "), std::string::npos);
  const json api = json::parse(client.Get("/openapi.json")->body);
  EXPECT_EQ(api["openapi"].get<std::string>().substr(0, 2), "3.");
  for (const char* path : {"/articles", "/articles/{id}", "/stories",
                           "/stories/{id}", "/duplicates/{id}", "/{name}.html",
                           "/threads", "/healthz", "/metrics"}) {
    EXPECT_TRUE(api["paths"].contains(path)) << path;
  }
  auto ui = client.Get("/");
  ASSERT_TRUE(ui && ui->status == 200);
  EXPECT_NE(ui->body.find("/app.js"), std::string::npos);
  EXPECT_EQ(client.Get("/app.js")->status, 200);
}

}  // namespace
}  // namespace storyline::server
