// The words date expressions are made of, English and Russian. Small
// closed lists (months, weekdays, "yesterday"), not a gazetteer.
#pragma once

#include <optional>
#include <string_view>

namespace storyline::story {

// 1..12 for a month name or abbreviation in any case form, else 0.
// Russian: nominative, genitive and prepositional ("январь", "января",
// "январе"). "may" and "march" are returned too; callers check context.
int MonthOfWord(std::string_view folded);

// 0 (Monday) .. 6 (Sunday), else -1. Accepts "thursday's" and the Russian
// accusative ("в среду").
int WeekdayOfWord(std::string_view folded);

// Day offset of words like "yesterday" (-1), "завтра" (+1), "today" (0).
std::optional<int> DeicticDayOffset(std::string_view folded);

// Early / mid / late part of a month or year: 0, 1, 2; else -1.
int PartOfWord(std::string_view folded);

// Words that put a sentence in the future tense ("will", "будет"): a bare
// weekday then means the coming one rather than the past one.
bool IsFutureCue(std::string_view folded);

// Words that put a sentence in the past ("said", "was", "прошли").
bool IsPastCue(std::string_view folded);

// Whether a date expression can start at this word: a number, a month,
// weekday, "yesterday"-like or part-of-month word, or a word that opens a
// relative phrase ("the next day", "last week", "на следующий день"). Most
// words of a text are none of these, and the date matcher skips them
// without trying each pattern.
bool MayStartDate(std::string_view folded);

// Integer value of a token: "10", "10th", "1st"; nullopt otherwise.
std::optional<int> IntegerOf(std::string_view folded);

}  // namespace storyline::story
