// Relative date expressions: "yesterday", "the next day", "on Monday",
// "last week", "the 13th". All need an anchor or a previous date.
#include <array>
#include <cctype>

#include "absl/time/civil_time.h"
#include "story/date_matcher.h"

namespace storyline::story::internal {
namespace {

// Small counts in "two days later"; digits are read by IntegerOf.
std::optional<int> CountOf(std::string_view w) {
  static constexpr std::array<std::string_view, 8> kWords = {
      "a", "one", "two", "three", "four", "five", "six", "seven"};
  for (size_t k = 0; k < kWords.size(); ++k) {
    if (w == kWords[k]) return k == 0 ? 1 : static_cast<int>(k);
  }
  return IntegerOf(w);
}

int WeekdayIndex(CivilDay day) {
  return static_cast<int>(absl::GetWeekday(day));  // monday = 0
}

}  // namespace

// "yesterday", "вчера", "the day before yesterday".
size_t Matcher::MatchDeictic(size_t i) {
  int offset = 0;
  size_t last = i;
  if (Norm(i) == "the" && Norm(i + 1) == "day" &&
      ((Norm(i + 2) == "before" && Norm(i + 3) == "yesterday") ||
       (Norm(i + 2) == "after" && Norm(i + 3) == "tomorrow"))) {
    offset = Norm(i + 2) == "before" ? -2 : 2;
    last = i + 3;
  } else if (const auto o = DeicticDayOffset(Norm(i))) {
    offset = *o;
  } else {
    return 0;
  }
  std::optional<CivilDay> date;
  if (context_.anchor) date = *context_.anchor + offset;
  Add(i, last, date, DatePrecision::kDay, true);
  return last - i + 1;
}

// "the next day", "a day later", "two days later", "на следующий день":
// relative to the previously mentioned date, never to the anchor.
size_t Matcher::MatchFollowing(size_t i) {
  size_t first = i, last = 0;
  int offset = 0;
  size_t k = i;
  if (Norm(k) == "the" || Norm(k) == "на") ++k;
  const std::string_view w = Norm(k);
  if ((w == "next" || w == "following" || w == "следующий" || w == "другой") &&
      (Norm(k + 1) == "day" || Norm(k + 1) == "день")) {
    offset = 1, last = k + 1;
  } else if ((w == "previous" || w == "preceding") && Norm(k + 1) == "day") {
    offset = -1, last = k + 1;
  } else if (w == "day" && Norm(i) == "the" &&
             (Norm(k + 1) == "before" || Norm(k + 1) == "after") &&
             (k + 2 >= w_.size() || !Day(k + 2))) {
    offset = Norm(k + 1) == "before" ? -1 : 1, last = k + 1;
  } else if (const auto n = CountOf(Norm(i));
             n && (Norm(i + 1) == "day" || Norm(i + 1) == "days") &&
             (Norm(i + 2) == "later" || Norm(i + 2) == "earlier")) {
    offset = Norm(i + 2) == "later" ? *n : -*n, last = i + 2;
  } else if (Norm(i) == "накануне") {
    offset = -1, last = i;
  } else {
    return 0;
  }
  std::optional<CivilDay> date;
  if (context_.previous) date = *context_.previous + offset;
  Add(first, last, date, DatePrecision::kDay, true);
  return last - first + 1;
}

// "on Monday", "Thursday's meeting", "last Friday", "в понедельник". A
// bare weekday is the past one unless the sentence speaks of the future.
size_t Matcher::MatchWeekday(size_t i) {
  int direction = 0;     // 0: from the tense, once a weekday is found
  bool strict = false;  // "last Monday" on a Monday is a week ago
  size_t k = i;
  const std::string_view w = Norm(i);
  if (w == "last" || w == "прошлый" || w == "прошлую" || w == "прошлой") {
    direction = -1, strict = true, ++k;
  } else if (w == "next" || w == "следующий" || w == "следующую" ||
             w == "coming") {
    direction = 1, strict = true, ++k;
  } else if (w == "this" || w == "этот" || w == "эту") {
    ++k;
  }
  const int weekday = WeekdayOfWord(Norm(k));
  if (weekday < 0) return 0;
  if (direction == 0) direction = Future(i) ? 1 : -1;
  std::optional<CivilDay> date;
  if (context_.anchor) {
    const int now = WeekdayIndex(*context_.anchor);
    int steps =
        direction < 0 ? (now - weekday + 7) % 7 : (weekday - now + 7) % 7;
    if (strict && steps == 0) steps = 7;
    date = *context_.anchor + direction * steps;
  }
  Add(i, k, date, DatePrecision::kDay, true);
  return k - i + 1;
}

// "last week", "this month", "next year", "на прошлой неделе".
size_t Matcher::MatchPeriod(size_t i) {
  const std::string_view w = Norm(i);
  int shift = 0;
  if (w == "last" || w == "прошлой" || w == "прошлом") {
    shift = -1;
  } else if (w == "next" || w == "следующей" || w == "следующем") {
    shift = 1;
  } else if (w != "this" && w != "этой" && w != "этом") {
    return 0;
  }
  const std::string_view unit = Norm(i + 1);
  DatePrecision precision;
  if (unit == "week" || unit == "неделе") {
    precision = DatePrecision::kWeek;
  } else if (unit == "month" || unit == "месяце") {
    precision = DatePrecision::kMonth;
  } else if (unit == "year" || unit == "году") {
    precision = DatePrecision::kYear;
  } else {
    return 0;
  }
  std::optional<CivilDay> date;
  if (context_.anchor) {
    const CivilDay a = *context_.anchor;
    if (precision == DatePrecision::kWeek) {
      date = a - WeekdayIndex(a) + 7 * shift;
    } else if (precision == DatePrecision::kMonth) {
      date = CivilDay(absl::CivilMonth(a) + shift);
    } else {
      date = CivilDay(absl::CivilYear(a) + shift);
    }
  }
  Add(i, i + 1, date, precision, true);
  return 2;
}

// "on the 13th", "for the 10th", "13-го", "13 числа": a day in the month of
// the previously mentioned date.
size_t Matcher::MatchOrdinal(size_t i) {
  size_t day_at = i, last = i;
  const std::string_view w = Norm(i);
  if (w == "the" && Day(i + 1) && Norm(i + 1).size() > 2 &&
      !std::isdigit(static_cast<unsigned char>(Norm(i + 1).back()))) {
    // An ordinal ends its phrase ("on the 13th."), unlike "the 4th Division".
    const std::string_view gap = Gap(i + 1);
    if (i + 2 < w_.size() && gap.find_first_not_of(" \t") == gap.npos) {
      return 0;
    }
    day_at = last = i + 1;
  } else if (Day(i) &&
             ((Gap(i) == "-" && (Norm(i + 1) == "го" || Norm(i + 1) == "е")) ||
              Norm(i + 1) == "числа")) {
    last = i + 1;
  } else {
    return 0;
  }
  std::optional<CivilDay> date;
  if (context_.previous) {
    date = Valid(static_cast<int>(context_.previous->year()),
                 context_.previous->month(), *Day(day_at));
  }
  Add(i, last, date, DatePrecision::kDay, true);
  return last - i + 1;
}

}  // namespace storyline::story::internal

namespace storyline::story {

std::vector<DateMention> FindDates(std::string_view text,
                                   std::span<const text::Token> words, Lang,
                                   DateContext& context) {
  return internal::Matcher(text, words, context).Run();
}

std::vector<DateMention> FindDatesInText(std::string_view text, Lang lang,
                                         DateContext& context) {
  text::Tokenizer tokenizer;
  const std::vector<text::Token> words = tokenizer.Words(text);
  return FindDates(text, words, lang, context);
}

}  // namespace storyline::story
