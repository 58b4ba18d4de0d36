// Tests on single lines of text, used by the boilerplate remover.
#pragma once

#include <string_view>

namespace storyline::extract {

enum class Script { kNone, kLatin, kCyrillic, kOther };

// Letter counts by script.
struct ScriptCounts {
  int latin = 0, cyrillic = 0, other = 0;
  Script Dominant() const;
};
ScriptCounts CountScripts(std::string_view text);

// Words of `line` (runs between white space), counted up to `limit` + 1:
// the rules only ask whether a line is short, and paragraphs are long.
int WordCount(std::string_view line, int limit = 1 << 30);

// "© REUTERS / ...", "FILE PHOTO: ...", "... - Sputnik International, 1920,
// 11.01.2022": photo captions and credits.
bool IsCaptionOrCredit(std::string_view line);

// Short prompts to log in, register, subscribe, comment, share or follow,
// and headers of related-link lists ("Related materials:", "Read more").
bool IsUiPrompt(std::string_view line);

// A line that is only a date and/or time ("11.01.2022", "January 11, 2022
// 10:45 GMT", "Updated: 2022-01-11").
bool IsBareDate(std::string_view line);

// Ends like a sentence (. ! ? … or a closing quote after one).
bool EndsLikeSentence(std::string_view line);

}  // namespace storyline::extract
