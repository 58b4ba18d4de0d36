// Article -> Document: main text out of pages, Unicode normalized,
// language known.
#pragma once

#include "absl/status/statusor.h"
#include "storyline/options.h"
#include "storyline/types.h"

namespace storyline::pipeline {

// Thread-safe. Fails when nothing usable is left (empty page, no text).
absl::StatusOr<Document> CleanArticle(Article article,
                                      const CleanOptions& clean,
                                      const TextOptions& text);

}  // namespace storyline::pipeline
