// Large arrays filled on many threads. A std::vector zeroes what it grows
// by, on the thread that grows it; for arrays of gigabytes that means the
// kernel handing out (and clearing) every page on that one thread first,
// which costs more than the work that fills them. With the allocator
// below, a vector of trivial elements grows without touching its memory,
// and each page is first touched by the worker that fills it.
#pragma once

#include <algorithm>
#include <memory>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace storyline {

// Default-initializes (leaves trivial types as they are) where
// std::allocator would value-initialize (zero).
template <typename T, typename Base = std::allocator<T>>
class DefaultInitAllocator : public Base {
  using Traits = std::allocator_traits<Base>;

 public:
  template <typename U>
  struct rebind {
    using other =
        DefaultInitAllocator<U, typename Traits::template rebind_alloc<U>>;
  };
  using Base::Base;

  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    Traits::construct(static_cast<Base&>(*this), p,
                      std::forward<Args>(args)...);
  }
};

// resize() leaves new trivial elements unwritten: fill them before reading.
template <typename T>
using UninitializedVector = std::vector<T, DefaultInitAllocator<T>>;

// Parts written side by side into one array, part p at starts[p] with
// counts[p] items (ascending starts, each part inside the room before the
// next), are closed up in order at the front of `items`; returns the number
// of items. Each part moves left only, so one pass in order never
// overwrites what is still to move.
template <typename T>
size_t CloseUp(std::span<T> items, std::span<const size_t> starts,
               std::span<const size_t> counts) {
  static_assert(std::is_trivially_copyable_v<T>);
  size_t end = 0;
  for (size_t p = 0; p < starts.size(); ++p) {
    if (starts[p] != end) {
      std::copy(items.begin() + starts[p],
                items.begin() + starts[p] + counts[p], items.begin() + end);
    }
    end += counts[p];
  }
  return end;
}

}  // namespace storyline
