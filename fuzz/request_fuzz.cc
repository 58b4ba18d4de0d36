// libFuzzer target: request bodies of POST /articles (one object, an
// array, or JSONL) through ParseArticleBody. Must never crash, hang or
// leak on any bytes; inputs are capped so each run stays fast.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "server/request_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (size_t{1} << 20)) return 0;
  static storyline::JsonlParser* parser = new storyline::JsonlParser();
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  auto parsed = storyline::server::ParseArticleBody(body, *parser,
                                                    {.max_articles = 1000});
  if (parsed.ok()) {
    for (const auto& article : parsed->articles) {
      // Every accepted article has an id; errors name a position.
      if (article.id.empty()) __builtin_trap();
    }
  }
  return 0;
}
