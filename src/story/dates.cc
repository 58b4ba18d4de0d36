#include "story/dates.h"

#include "story/date_matcher.h"

namespace storyline::story::internal {

size_t Matcher::MatchAt(size_t i) {
  for (auto match : {&Matcher::MatchNumeric, &Matcher::MatchDayMonth,
                     &Matcher::MatchMonthFirst, &Matcher::MatchPart,
                     &Matcher::MatchYear, &Matcher::MatchDeictic,
                     &Matcher::MatchFollowing, &Matcher::MatchWeekday,
                     &Matcher::MatchPeriod, &Matcher::MatchOrdinal}) {
    if (const size_t used = (this->*match)(i)) return used;
  }
  return 0;
}

// "13.01.2022" (one token: digits joined by '.') and "2022-01-13".
size_t Matcher::MatchNumeric(size_t i) {
  const std::string_view w = Norm(i);
  int parts[3] = {0, 0, 0};
  int n = 0;
  size_t start = 0;
  for (size_t k = 0; k <= w.size() && n < 3; ++k) {
    if (k < w.size() && w[k] != '.') continue;
    const auto v = IntegerOf(w.substr(start, k - start));
    if (!v || k == start) return 0;
    parts[n++] = *v;
    start = k + 1;
    if (k == w.size()) break;
  }
  if (n == 3 && start > w.size()) {
    int year = parts[2];
    if (year < 100) year += 2000;
    if (parts[1] < 1 || parts[1] > 12) return 0;
    if (const auto d = Valid(year, parts[1], parts[0])) {
      Add(i, i, d, DatePrecision::kDay, false);
      return 1;
    }
    return 0;
  }
  if (Year(i) && Gap(i) == "-" && Gap(i + 1) == "-" &&
      Norm(i + 1).size() == 2 && Norm(i + 2).size() == 2) {
    const auto m = IntegerOf(Norm(i + 1));
    const auto d = IntegerOf(Norm(i + 2));
    if (m && d && *m >= 1 && *m <= 12) {
      if (const auto day = Valid(*Year(i), *m, *d)) {
        Add(i, i + 2, day, DatePrecision::kDay, false);
        return 3;
      }
    }
  }
  return 0;
}

// "13 января 2022 года", "10 January", "the 10th of January".
size_t Matcher::MatchDayMonth(size_t i) {
  const auto day = Day(i);
  if (!day) return 0;
  size_t m = i + 1;
  if (Norm(m) == "of") ++m;
  const int month = Month(m);
  if (month == 0) return 0;
  if (const auto year = Year(m + 1)) {
    size_t last = m + 1;
    if (Norm(last + 1) == "года" || Norm(last + 1) == "г") ++last;
    Add(i, last, Valid(*year, month, *day), DatePrecision::kDay, false);
    return last - i + 1;
  }
  Add(i, m, NearAnchor(month, *day), DatePrecision::kDay, true);
  return m - i + 1;
}

// "January 10, 2022", "January 10", "December 2021", "in December".
size_t Matcher::MatchMonthFirst(size_t i) {
  const int month = Month(i);
  if (month == 0) return 0;
  if (const auto day = Day(i + 1)) {
    if (const auto year = Year(i + 2)) {
      Add(i, i + 2, Valid(*year, month, *day), DatePrecision::kDay, false);
      return 3;
    }
    Add(i, i + 1, NearAnchor(month, *day), DatePrecision::kDay, true);
    return 2;
  }
  if (const auto year = Year(i + 1)) {
    Add(i, i + 1, CivilDay(*year, month, 1), DatePrecision::kMonth, false);
    return 2;
  }
  Add(i, i, NearAnchor(month, 1), DatePrecision::kMonth, true);
  return 1;
}

// "mid-December", "in late 2021", "в середине декабря", "в конце 2021 года".
size_t Matcher::MatchPart(size_t i) {
  const int part = PartOfWord(Norm(i));
  if (part < 0) return 0;
  size_t next = i + 1;
  if (Norm(next) == "of") ++next;
  if (const int month = Month(next)) {
    static constexpr int kDays[] = {5, 15, 25};
    if (const auto year = Year(next + 1)) {
      Add(i, next + 1, CivilDay(*year, month, kDays[part]),
          DatePrecision::kMonthPart, false);
      return next - i + 2;
    }
    Add(i, next, NearAnchor(month, kDays[part]), DatePrecision::kMonthPart,
        true);
    return next - i + 1;
  }
  if (const auto year = Year(next)) {
    static constexpr int kMonths[] = {2, 7, 11};
    size_t last = next;
    if (Norm(last + 1) == "года" || Norm(last + 1) == "г") ++last;
    Add(i, last, CivilDay(*year, kMonths[part], 1), DatePrecision::kYearPart,
        false);
    return last - i + 1;
  }
  return 0;
}

// "in 2021", "в 2021 году": a bare number is only a year after "in"/"в"
// or before "году"/"года".
size_t Matcher::MatchYear(size_t i) {
  const auto year = Year(i);
  if (!year) return 0;
  const std::string_view before = i > 0 ? Norm(i - 1) : "";
  const std::string_view after = Norm(i + 1);
  const bool marked = after == "году" || after == "года" || after == "г";
  if (before != "in" && before != "в" && !marked) return 0;
  Add(i, marked ? i + 1 : i, CivilDay(*year, 1, 1), DatePrecision::kYear,
      false);
  return marked ? 2 : 1;
}

}  // namespace storyline::story::internal

namespace storyline::story {

std::string_view DatePrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kWeek:
      return "week";
    case DatePrecision::kMonthPart:
      return "part of month";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYearPart:
      return "part of year";
    case DatePrecision::kYear:
      return "year";
  }
  return "day";
}

}  // namespace storyline::story
