// Date expressions in English and Russian news text, resolved to calendar
// days against the article's own date ("the anchor").
//
// A date that needs an anchor ("yesterday", "on Monday", "January 10"
// without a year) and has none stays unresolved: a wrong date on a timeline
// is worse than a missing one.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "storyline/types.h"
#include "text/tokenizer.h"

namespace storyline::story {

// How much of `DateMention::date` is meant. For a coarser precision `date`
// is a representative day: the first day of the week or month, the 5th /
// 15th / 25th for early / mid / late month, Feb 1 / Jul 1 / Nov 1 for early /
// mid / late year, Jan 1 for a year.
enum class DatePrecision { kDay, kWeek, kMonthPart, kMonth, kYearPart, kYear };
std::string_view DatePrecisionName(DatePrecision precision);

struct DateMention {
  Span span;                           // the date words, bytes in the text
  std::optional<absl::CivilDay> date;  // nullopt: could not be resolved
  DatePrecision precision = DatePrecision::kDay;
  bool relative = false;  // needed the anchor or a previous date
};

struct DateContext {
  std::optional<absl::CivilDay> anchor;  // the article's date
  // The last date mentioned before this text (e.g. earlier in the
  // paragraph): what "the next day" and "the 13th" refer to.
  std::optional<absl::CivilDay> previous;
};

// Finds and resolves date expressions in one sentence. `words` are the
// sentence's tokens (Tokenizer::Words over `text`); `context.previous` is
// updated with every resolved day-precision mention, so calling this on
// consecutive sentences chains "On January 10 ... The next day".
std::vector<DateMention> FindDates(std::string_view text,
                                   std::span<const text::Token> words,
                                   Lang lang, DateContext& context);

// Convenience for tests and callers without tokens: tokenizes `text` itself.
std::vector<DateMention> FindDatesInText(std::string_view text, Lang lang,
                                         DateContext& context);

}  // namespace storyline::story
