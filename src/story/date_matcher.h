// The token matcher behind FindDates (dates.h), shared by the files that
// implement absolute (dates.cc) and relative (dates_relative.cc) forms.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "story/date_words.h"
#include "story/dates.h"

namespace storyline::story::internal {

using absl::CivilDay;
using text::Token;

// One pass over a sentence's tokens. Each Match* looks at position `i` and,
// when it recognizes an expression, appends a mention and returns the
// number of tokens consumed (0 = no match).
class Matcher {
 public:
  Matcher(std::string_view text, std::span<const Token> words,
          DateContext& context)
      : text_(text), w_(words), context_(context) {}

  std::vector<DateMention> Run() {
    for (size_t i = 0; i < w_.size();) {
      const size_t used = MayStartDate(w_[i].norm) ? MatchAt(i) : 0;
      i += used > 0 ? used : 1;
    }
    return std::move(out_);
  }

 private:
  std::string_view Norm(size_t i) const {
    return i < w_.size() ? std::string_view(w_[i].norm) : std::string_view();
  }
  // The bytes between tokens i and i + 1 (e.g. "-" in "13-го").
  std::string_view Gap(size_t i) const {
    if (i + 1 >= w_.size()) return {};
    return text_.substr(w_[i].span.end, w_[i + 1].span.begin - w_[i].span.end);
  }
  std::optional<int> Day(size_t i) const {
    const auto n = IntegerOf(Norm(i));
    if (!n || *n < 1 || *n > 31 || Norm(i).size() > 4) return std::nullopt;
    return n;
  }
  std::optional<int> Year(size_t i) const {
    const auto n = IntegerOf(Norm(i));
    if (!n || Norm(i).size() != 4 || *n < 1800 || *n > 2200) {
      return std::nullopt;
    }
    return n;
  }
  // A month name, but "may"/"march" only next to a number or a date word.
  int Month(size_t i) const {
    const int m = MonthOfWord(Norm(i));
    if (m == 0) return 0;
    const std::string_view w = Norm(i);
    if (w != "may" && w != "march") return m;
    const bool number_near = Day(i + 1) || Year(i + 1) || (i > 0 && Day(i - 1));
    const bool cue =
        i > 0 && (Norm(i - 1) == "in" || PartOfWord(Norm(i - 1)) >= 0);
    return number_near || cue ? m : 0;
  }

  void Add(size_t first, size_t last, std::optional<CivilDay> date,
           DatePrecision precision, bool relative) {
    // CivilDay rolls "February 30" over into March; such a date is a typo.
    out_.push_back(
        {{w_[first].span.begin, w_[last].span.end}, date, precision, relative});
    if (date && precision == DatePrecision::kDay) context_.previous = date;
  }

  // The year of a month (and day) given without one: the one that puts the
  // date closest to the anchor ("December 17" read in January is last year).
  std::optional<CivilDay> NearAnchor(int month, int day) const {
    if (!context_.anchor) return std::nullopt;
    const int y = static_cast<int>(context_.anchor->year());
    std::optional<CivilDay> best;
    for (int year = y - 1; year <= y + 1; ++year) {
      const CivilDay d(year, month, day);
      if (!best ||
          std::abs(d - *context_.anchor) < std::abs(*best - *context_.anchor)) {
        best = d;
      }
    }
    return best;
  }

  static std::optional<CivilDay> Valid(int y, int m, int d) {
    const CivilDay day(y, m, d);
    if (day.month() != m || day.day() != d) return std::nullopt;
    return day;
  }

  size_t MatchAt(size_t i);
  size_t MatchNumeric(size_t i);
  size_t MatchDayMonth(size_t i);
  size_t MatchMonthFirst(size_t i);
  size_t MatchPart(size_t i);
  size_t MatchYear(size_t i);
  size_t MatchDeictic(size_t i);
  size_t MatchFollowing(size_t i);
  size_t MatchWeekday(size_t i);
  size_t MatchPeriod(size_t i);
  size_t MatchOrdinal(size_t i);

  std::string_view text_;
  std::span<const Token> w_;
  DateContext& context_;
  // Tense words of the sentence: (token index, is future). Found when a
  // weekday first needs them: most sentences name no weekday.
  std::vector<std::pair<size_t, bool>> tense_;
  bool tense_found_ = false;
  // A weekday is in the future when the tense word nearest to it is a
  // future one ("On Thursday, members ... will discuss"; "spoke ... on
  // Monday to discuss proposals Moscow says would ease" is past).
  bool Future(size_t i) {
    if (!tense_found_) {
      tense_found_ = true;
      for (size_t k = 0; k < w_.size(); ++k) {
        if (IsFutureCue(w_[k].norm)) {
          tense_.push_back({k, true});
        } else if (IsPastCue(w_[k].norm)) {
          tense_.push_back({k, false});
        }
      }
    }
    size_t best = SIZE_MAX;
    bool future = false;
    for (const auto& [at, is_future] : tense_) {
      const size_t distance = at > i ? at - i : i - at;
      if (distance < best) best = distance, future = is_future;
    }
    return future;
  }
  std::vector<DateMention> out_;
};

}  // namespace storyline::story::internal
