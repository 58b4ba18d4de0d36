// The web UI: embedded static files; "/" is index.html.
#include <string_view>

#include "server/http_util.h"
#include "server/web_assets.h"

namespace storyline::server {

void AddUiRoutes(httplib::Server& http, Context& ctx) {
  for (size_t i = 0; i < kWebAssetCount; ++i) {
    const WebAsset& asset = kWebAssets[i];
    Handler serve = [&asset](const httplib::Request&, httplib::Response& res) {
      res.set_content(reinterpret_cast<const char*>(asset.data), asset.size,
                      asset.type);
      // The UI builds pages from text with textContent only; this policy
      // blocks scripts from anywhere else should an escape ever be missed.
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data:; "
                     "object-src 'none'; base-uri 'none'");
      res.set_header("X-Content-Type-Options", "nosniff");
    };
    const std::string path = asset.path;
    if (path == "/index.html") {
      http.Get("/", Instrument(ctx, "GET", "/", serve));
    }
    http.Get(path, Instrument(ctx, "GET", "/{asset}", serve));
  }
}

}  // namespace storyline::server
