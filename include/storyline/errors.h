// Bad input is normal in a news stream: readers and stages report what they
// skipped to an ErrorSink and go on.
#pragma once

#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace storyline {

struct InputError {
  std::string where;  // "path:line", "path" or an article id
  std::string message;
};

class ErrorSink {
 public:
  virtual ~ErrorSink() = default;
  // Must be safe to call from several threads at once.
  virtual void Report(InputError error) = 0;
};

// Keeps every report; thread-safe.
class CollectingErrorSink : public ErrorSink {
 public:
  void Report(InputError error) override {
    absl::MutexLock lock(&mu_);
    errors_.push_back(std::move(error));
  }
  std::vector<InputError> errors() const {
    absl::MutexLock lock(&mu_);
    return errors_;
  }

 private:
  mutable absl::Mutex mu_;
  std::vector<InputError> errors_ ABSL_GUARDED_BY(mu_);
};

}  // namespace storyline
