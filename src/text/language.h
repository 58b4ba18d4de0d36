// Language identification with CLD2, with a script-based fallback for
// texts too short for CLD2 to be reliable.
#pragma once

#include <string_view>

#include "storyline/options.h"
#include "storyline/types.h"

namespace storyline::text {

// Thread-safe (CLD2 keeps no state). `text` must be valid UTF-8.
Lang DetectLanguage(std::string_view text, const TextOptions& options = {});

}  // namespace storyline::text
