#include "extract/line_rules.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <span>
#include <string>

#include "base/strings.h"
#include "text/unicode.h"

namespace storyline::extract {
namespace {

// Labels that open a caption or credit line, lower-case, before ':'.
constexpr std::array<std::string_view, 12> kCaptionLabels = {
    "photo",   "file photo", "image", "picture",      "caption", "credit",
    "credits", "photograph", "фото",  "illustration", "video",   "иллюстрация"};

// Phrases of site UI. Only matched in short lines that do not end like a
// sentence, so an article sentence that mentions registering stays.
constexpr std::array<std::string_view, 30> kUiPhrases = {
    "log in",        "login",          "sign in",
    "sign up",       "register",       "subscribe",
    "subscription",  "newsletter",     "discussion",
    "comments",      "share this",     "share on",
    "follow us",     "read more",      "read also",
    "see also",      "related",        "recommended",
    "click here",    "advertisement",  "войти",
    "войдите",       "зарегистр",      "подпис",
    "читайте также", "комментар",      "поделиться",
    "реклама",       "смотрите также", "материалы по теме"};

// Words a date stamp is made of, besides numbers and punctuation.
constexpr std::array<std::string_view, 27> kDateWords = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul",     "aug",       "sep",
    "oct", "nov", "dec", "mon", "tue", "wed", "thu",     "fri",       "sat",
    "sun", "gmt", "utc", "msk", "am",  "pm",  "updated", "published", "posted"};
constexpr std::array<std::string_view, 14> kRuDateWords = {
    "янв", "фев", "мар", "апр", "мая", "май", "июн",
    "июл", "авг", "сен", "окт", "ноя", "дек", "обновлено"};

bool StartsWithAny(std::string_view word,
                   std::span<const std::string_view> set) {
  for (const auto w : set) {
    if (word.starts_with(w)) return true;
  }
  return false;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "11.01.2022" at the end of `s` (after trailing spaces).
bool EndsWithDottedDate(std::string_view s) {
  s = StripSpace(s);
  if (s.size() < 10) return false;
  const std::string_view d = s.substr(s.size() - 10);
  for (size_t i = 0; i < 10; ++i) {
    if ((i == 2 || i == 5) ? d[i] != '.' : !IsDigit(d[i])) return false;
  }
  return true;
}

// An agency credit token such as "REUTERS/Yves" or "AFP/Getty".
bool HasAgencyCredit(std::string_view line) {
  for (size_t slash = line.find('/'); slash != std::string_view::npos;
       slash = line.find('/', slash + 1)) {
    size_t caps = 0;
    while (caps < slash && line[slash - caps - 1] >= 'A' &&
           line[slash - caps - 1] <= 'Z') {
      ++caps;
    }
    if (caps >= 2 && (slash == caps || line[slash - caps - 1] == ' ')) {
      return true;
    }
  }
  return false;
}

}  // namespace

Script ScriptCounts::Dominant() const {
  if (latin == 0 && cyrillic == 0 && other == 0) return Script::kNone;
  if (latin >= cyrillic && latin >= other) return Script::kLatin;
  return cyrillic >= other ? Script::kCyrillic : Script::kOther;
}

ScriptCounts CountScripts(std::string_view text) {
  ScriptCounts counts;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    if (s[i] < 0x80) {  // ASCII, most of most text: no lookup needed
      const uint8_t b = s[i++] | 0x20;
      counts.latin += b >= 'a' && b <= 'z';
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_LATIN) {
      ++counts.latin;
    } else if (script == USCRIPT_CYRILLIC) {
      ++counts.cyrillic;
    } else {
      ++counts.other;
    }
  }
  return counts;
}

int WordCount(std::string_view line, int limit) {
  int words = 0;
  bool in_word = false;
  for (const char c : line) {
    const bool space = IsAsciiSpace(c);
    if (!space && !in_word && ++words > limit) break;
    in_word = !space;
  }
  return words;
}

bool IsCaptionOrCredit(std::string_view line) {
  line = StripSpace(line);
  if (line.starts_with("©") || line.starts_with("(c) ") ||
      line.starts_with("(C) ")) {
    return true;
  }
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos && colon <= 24) {
    const std::string label = text::FoldCase(StripSpace(line.substr(0, colon)));
    for (const auto l : kCaptionLabels) {
      if (label == l) return true;
    }
  }
  // "<caption> - <Site>, <year>, dd.mm.yyyy": a short credit tail with a
  // date stamp closes the line.
  const size_t dash = line.rfind(" - ");
  if (EndsWithDottedDate(line) &&
      (line.starts_with("- ") ||
       (dash != std::string_view::npos && line.size() - dash < 64))) {
    return true;
  }
  return HasAgencyCredit(line) && !EndsLikeSentence(line);
}

bool IsUiPrompt(std::string_view line) {
  line = StripSpace(line);
  if (line.empty() || WordCount(line, 10) > 10 || EndsLikeSentence(line)) {
    return false;
  }
  const std::string lower = text::FoldCase(line);
  for (const auto phrase : kUiPhrases) {
    if (lower.find(phrase) != std::string::npos) return true;
  }
  return false;
}

bool IsBareDate(std::string_view line) {
  line = StripSpace(line);
  // A date stamp has a number in it: most lines are ruled out at once.
  if (line.find_first_of("0123456789") == std::string_view::npos) return false;
  if (WordCount(line, 10) > 10) return false;
  bool digit = false;
  std::string word;
  auto word_ok = [&] {
    if (word.empty()) return true;
    const std::string lower = AsciiLower(word);
    const bool ok = StartsWithAny(lower, kDateWords) ||
                    StartsWithAny(lower, kRuDateWords) ||
                    StartsWithAny(word, kRuDateWords);
    word.clear();
    return ok;
  };
  for (const char c : line) {
    if (IsDigit(c)) {
      digit = true;
      if (!word_ok()) return false;
    } else if (IsAsciiSpace(c) || std::string_view(".,:/-|()+").find(c) !=
                                      std::string_view::npos) {
      if (!word_ok()) return false;
    } else {
      word += c;
    }
  }
  return word_ok() && digit;
}

bool EndsLikeSentence(std::string_view line) {
  line = StripSpace(line);
  // Closing quotes and brackets after the final punctuation.
  for (const std::string_view close : {"\"", "'", ")", "»", "”", "’"}) {
    while (line.ends_with(close)) line.remove_suffix(close.size());
  }
  return line.ends_with(".") || line.ends_with("!") || line.ends_with("?") ||
         line.ends_with("…");
}

}  // namespace storyline::extract
