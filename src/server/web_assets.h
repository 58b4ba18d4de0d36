// The web UI's files, compiled into the binary from web/ (see
// embed_web.cmake): the server reads nothing from disk to serve them.
#pragma once

#include <cstddef>

namespace storyline::server {

struct WebAsset {
  const char* path;  // "/index.html"
  const char* type;  // Content-Type
  const unsigned char* data;
  size_t size;
};

extern const WebAsset kWebAssets[];  // kWebAssetCount entries
extern const size_t kWebAssetCount;

}  // namespace storyline::server
