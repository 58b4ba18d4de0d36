// Function words that carry no topic (Snowball's English and Russian lists,
// plus reporting verbs that every news article uses).
#pragma once

#include <string_view>

namespace storyline::text {

// `folded` must be case-folded. Checks both languages: articles mix them.
bool IsStopword(std::string_view folded);

}  // namespace storyline::text
