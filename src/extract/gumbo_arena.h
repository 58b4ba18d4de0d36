// Memory for one gumbo parse. gumbo makes many small allocations that all
// die together with the tree; from a bump arena each one is a pointer
// increment, and releasing the tree is a handful of frees instead of a walk
// over every node.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace storyline::extract {

class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;

  // Makes `options` allocate from this arena. The parse output lives as
  // long as the arena and must not be passed to gumbo_destroy_output.
  void Install(GumboOptions& options);

  size_t bytes_reserved() const { return reserved_; }

 private:
  static void* Allocate(void* self, size_t size);
  static void Deallocate(void*, void*) {}  // freed with the arena
  void* Take(size_t size);

  std::vector<std::unique_ptr<std::byte[]>> chunks_;
  std::byte* next_ = nullptr;
  size_t left_ = 0;
  size_t chunk_size_ = 64 << 10;
  size_t reserved_ = 0;
};

}  // namespace storyline::extract
