// GET /stories/{id} bodies, rendered once per snapshot. The full document
// of a large story (hundreds of articles, copies and citations) takes tens
// of milliseconds to build, and readers ask for the same few stories again
// and again: the top of the ranking is rendered with the snapshot, the
// rest on first request, and every later request sends the stored bytes.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"

namespace storyline::server {

class StoryBodies {
 public:
  using Body = std::shared_ptr<const std::string>;

  void Resize(size_t stories) {
    absl::MutexLock lock(&mu_);
    bodies_.assign(stories, nullptr);
  }

  // The stored body, null when not rendered yet.
  Body Cached(int story) const {
    absl::MutexLock lock(&mu_);
    return bodies_[story];
  }
  void Store(int story, Body body) {
    absl::MutexLock lock(&mu_);
    bodies_[story] = std::move(body);
  }

  // Story `story`'s body, made with `render` if not yet stored. Rendering
  // runs outside the lock; if two requests race, the first stored wins.
  Body Get(int story, const std::function<std::string()>& render) const {
    {
      absl::MutexLock lock(&mu_);
      if (bodies_[story]) return bodies_[story];
    }
    auto body = std::make_shared<const std::string>(render());
    absl::MutexLock lock(&mu_);
    if (!bodies_[story]) bodies_[story] = std::move(body);
    return bodies_[story];
  }

 private:
  mutable absl::Mutex mu_;
  mutable std::vector<Body> bodies_ ABSL_GUARDED_BY(mu_);
};

}  // namespace storyline::server
