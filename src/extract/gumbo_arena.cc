#include "extract/gumbo_arena.h"

#include <algorithm>

namespace storyline::extract {
namespace {

constexpr size_t kAlign = alignof(std::max_align_t);
constexpr size_t kMaxChunk = size_t{4} << 20;

size_t RoundUp(size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

}  // namespace

void GumboArena::Install(GumboOptions& options) {
  options.allocator = &GumboArena::Allocate;
  options.deallocator = &GumboArena::Deallocate;
  options.userdata = this;
}

void* GumboArena::Allocate(void* self, size_t size) {
  return static_cast<GumboArena*>(self)->Take(size);
}

void* GumboArena::Take(size_t size) {
  size = RoundUp(std::max<size_t>(size, 1));
  if (size > left_) {
    // Big requests (long text nodes, grown buffers) get a chunk of their
    // own, so the current chunk's tail is not thrown away for them.
    if (size > chunk_size_ / 4) {
      chunks_.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
      reserved_ += size;
      return chunks_.back().get();
    }
    chunks_.push_back(std::make_unique_for_overwrite<std::byte[]>(chunk_size_));
    reserved_ += chunk_size_;
    next_ = chunks_.back().get();
    left_ = chunk_size_;
    chunk_size_ = std::min(kMaxChunk, chunk_size_ * 2);
  }
  void* out = next_;
  next_ += size;
  left_ -= size;
  return out;
}

}  // namespace storyline::extract
