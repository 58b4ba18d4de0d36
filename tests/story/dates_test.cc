// Table-driven checks of date resolution, English and Russian, including
// expressions that must stay unresolved for want of an anchor.
#include "story/dates.h"

#include <optional>
#include <string>

#include "gtest/gtest.h"
#include "story/date_words.h"

namespace storyline::story {
namespace {

struct Case {
  const char* text;
  Lang lang;
  const char* anchor;      // "" = article without a date
  const char* previous;    // "" = no earlier date in the paragraph
  const char* expression;  // the last mention's words; "" = no mention
  const char* date;        // its resolved date; "" = unresolved
  DatePrecision precision = DatePrecision::kDay;
};

std::optional<absl::CivilDay> Parse(const char* s) {
  absl::CivilDay day;
  if (*s == 0 || !absl::ParseCivilTime(s, &day)) return std::nullopt;
  return day;
}

constexpr Lang kEn = Lang::kEn;
constexpr Lang kRu = Lang::kRu;
constexpr auto kWeek = DatePrecision::kWeek;
constexpr auto kMonth = DatePrecision::kMonth;
constexpr auto kMonthPart = DatePrecision::kMonthPart;
constexpr auto kYear = DatePrecision::kYear;
constexpr auto kYearPart = DatePrecision::kYearPart;
constexpr const char* A = "2022-01-12";  // a Wednesday

const Case kCases[] = {
    // Absolute and month-day dates.
    {"On January 10, talks were held.", kEn, A, "", "January 10", "2022-01-10"},
    {"Talks began January 10, 2022 in Geneva.", kEn, "", "", "January 10, 2022",
     "2022-01-10"},
    {"Talks began on 10 January 2022.", kEn, "", "", "10 January 2022",
     "2022-01-10"},
    {"The drafts appeared on December 17.", kEn, A, "", "December 17",
     "2021-12-17"},
    {"The parade is on May 9.", kEn, A, "", "May 9", "2022-05-09"},
    {"Photo taken Friday, Feb. 10, 2017.", kEn, "", "", "Feb. 10, 2017",
     "2017-02-10"},
    {"Dated February 30, 2022 by mistake.", kEn, "", "", "February 30, 2022",
     ""},
    {"The 10th of January was cold.", kEn, A, "", "10th of January",
     "2022-01-10"},
    {"Published 13.01.2022 at noon.", kEn, "", "", "13.01.2022", "2022-01-13"},
    {"Published 13.01.22 at noon.", kEn, "", "", "13.01.22", "2022-01-13"},
    {"Published 2022-01-13 at noon.", kEn, "", "", "2022-01-13", "2022-01-13"},
    {"Version 32.01.2022 is not a date.", kEn, "", "", "", ""},
    {"She may go there.", kEn, A, "", "", ""},
    {"They march on and on.", kEn, A, "", "", ""},
    {"The 4th Infantry Division arrived.", kEn, A, "2022-01-10", "", ""},
    // Months, parts and years.
    {"It happened in December.", kEn, A, "", "December", "2021-12-01", kMonth},
    {"It happened in December 2021.", kEn, "", "", "December 2021",
     "2021-12-01", kMonth},
    {"Drafts were sent in mid-December.", kEn, A, "", "mid-December",
     "2021-12-15", kMonthPart},
    {"Drafts were sent in mid-December 2021.", kEn, "", "", "mid-December 2021",
     "2021-12-15", kMonthPart},
    {"Russia proposed drafts in late 2021.", kEn, "", "", "late 2021",
     "2021-11-01", kYearPart},
    {"Talks resume in early February.", kEn, A, "", "early February",
     "2022-02-05", kMonthPart},
    {"The bloc grew in 2004.", kEn, "", "", "2004", "2004-01-01", kYear},
    {"The borders of 1997 matter.", kEn, "", "", "", ""},
    {"Prices rose last year.", kEn, A, "", "last year", "2021-01-01", kYear},
    {"Prices rose last year.", kEn, "", "", "last year", "", kYear},
    {"Talks resume next month.", kEn, A, "", "next month", "2022-02-01",
     kMonth},
    {"They met last week.", kEn, A, "", "last week", "2022-01-03", kWeek},
    {"They meet this week.", kEn, A, "", "this week", "2022-01-10", kWeek},
    {"They met last week.", kEn, "", "", "last week", "", kWeek},
    // Deictic days.
    {"He spoke yesterday.", kEn, A, "", "yesterday", "2022-01-11"},
    {"He speaks today.", kEn, A, "", "today", "2022-01-12"},
    {"He speaks tomorrow.", kEn, A, "", "tomorrow", "2022-01-13"},
    {"He spoke the day before yesterday.", kEn, A, "",
     "the day before yesterday", "2022-01-10"},
    {"He spoke yesterday.", kEn, "", "", "yesterday", ""},
    // Weekdays: past unless the sentence is about the future.
    {"Officials spoke for hours on Monday.", kEn, A, "", "Monday",
     "2022-01-10"},
    {"Smith said in a briefing Tuesday.", kEn, A, "", "Tuesday", "2022-01-11"},
    {"The OSCE will meet on Thursday.", kEn, A, "", "Thursday", "2022-01-13"},
    {"Thursday's meeting was tense.", kEn, A, "", "Thursday's", "2022-01-06"},
    {"Thursday's meeting will decide.", kEn, A, "", "Thursday's", "2022-01-13"},
    {"Wednesday's talks start soon.", kEn, A, "", "Wednesday's", "2022-01-12"},
    {"They met last Monday.", kEn, A, "", "last Monday", "2022-01-10"},
    {"They met last Wednesday.", kEn, A, "", "last Wednesday", "2022-01-05"},
    {"They meet next Monday.", kEn, A, "", "next Monday", "2022-01-17"},
    {"Officials spoke on Monday.", kEn, "", "", "Monday", ""},
    {"Talks ended Tuesday.", kEn, "2022-01-11", "", "Tuesday", "2022-01-11"},
    // Chains: "the next day" follows the previous date, never the anchor.
    {"On January 10, talks were held. The next day, the Kremlin said so.", kEn,
     A, "", "The next day", "2022-01-11"},
    {"On January 10, a meeting was held in Geneva, on January 12, a council "
     "will meet in Brussels, and the next day, consultations are scheduled.",
     kEn, A, "", "the next day", "2022-01-13"},
    {"The next day, the Kremlin said so.", kEn, A, "", "The next day", ""},
    {"The next day, the Kremlin said so.", kEn, A, "2022-01-10", "The next day",
     "2022-01-11"},
    {"The following day they left.", kEn, "", "2022-01-10", "The following day",
     "2022-01-11"},
    {"Two days later they left.", kEn, A, "2022-01-10", "Two days later",
     "2022-01-12"},
    {"A day later they left.", kEn, A, "2022-01-10", "A day later",
     "2022-01-11"},
    {"They had arrived the day before.", kEn, A, "2022-01-10", "the day before",
     "2022-01-09"},
    {"The council meets on January 12, and the OSCE on the 13th.", kEn,
     "2022-01-09", "", "the 13th", "2022-01-13"},
    {"The second round is scheduled for the 10th.", kEn, A, "2022-01-09",
     "the 10th", "2022-01-10"},
    {"The second round is scheduled for the 10th.", kEn, A, "", "the 10th", ""},
    // Russian.
    {"Переговоры прошли в понедельник.", kRu, A, "", "понедельник",
     "2022-01-10"},
    {"В четверг состоится встреча ОБСЕ.", kRu, A, "", "четверг", "2022-01-13"},
    {"Совет соберется в среду.", kRu, A, "", "среду", "2022-01-12"},
    {"Переговоры прошли в понедельник.", kRu, "", "", "понедельник", ""},
    {"На следующий день Кремль заявил об этом.", kRu, A, "2022-01-10",
     "На следующий день", "2022-01-11"},
    {"На следующий день Кремль заявил об этом.", kRu, A, "",
     "На следующий день", ""},
    {"10 января прошли переговоры, а на следующий день Кремль ответил.", kRu, A,
     "", "на следующий день", "2022-01-11"},
    {"Об этом вчера сообщил МИД.", kRu, A, "", "вчера", "2022-01-11"},
    {"Встреча пройдет завтра.", kRu, A, "", "завтра", "2022-01-13"},
    {"Он говорил позавчера.", kRu, A, "", "позавчера", "2022-01-10"},
    {"Об этом вчера сообщил МИД.", kRu, "", "", "вчера", ""},
    {"Консультации пройдут 13 января.", kRu, A, "", "13 января", "2022-01-13"},
    {"Консультации прошли 13 января 2022 года.", kRu, "", "",
     "13 января 2022 года", "2022-01-13"},
    {"Консультации пройдут 13 января.", kRu, "", "", "13 января", ""},
    {"Парад пройдет 10 мая.", kRu, A, "", "10 мая", "2022-05-10"},
    {"Проекты опубликованы в середине декабря.", kRu, A, "", "середине декабря",
     "2021-12-15", kMonthPart},
    {"Проекты опубликованы в конце 2021 года.", kRu, "", "", "конце 2021 года",
     "2021-11-01", kYearPart},
    {"Переговоры начнутся в начале января.", kRu, A, "", "начале января",
     "2022-01-05", kMonthPart},
    {"Это случилось в декабре.", kRu, A, "", "декабре", "2021-12-01", kMonth},
    {"Это случилось в марте 2020 года.", kRu, "", "", "марте 2020",
     "2020-03-01", kMonth},
    {"Это случилось в 2021 году.", kRu, "", "", "2021 году", "2021-01-01",
     kYear},
    {"Встреча была на прошлой неделе.", kRu, A, "", "прошлой неделе",
     "2022-01-03", kWeek},
    {"Цены выросли в прошлом году.", kRu, A, "", "прошлом году", "2021-01-01",
     kYear},
    {"Консультации пройдут 13-го.", kRu, A, "2022-01-12", "13-го",
     "2022-01-13"},
    {"Консультации пройдут 13-го.", kRu, A, "", "13-го", ""},
    {"Накануне министр прилетел в Женеву.", kRu, A, "2022-01-10", "Накануне",
     "2022-01-09"},
};

class DatesTest : public ::testing::TestWithParam<Case> {};

TEST_P(DatesTest, ResolvesLastMention) {
  const Case& c = GetParam();
  DateContext context{Parse(c.anchor), Parse(c.previous)};
  const std::string text = c.text;
  const auto mentions = FindDatesInText(text, c.lang, context);
  if (*c.expression == 0) {
    EXPECT_TRUE(mentions.empty())
        << c.text << " -> "
        << text.substr(mentions[0].span.begin,
                       mentions[0].span.end - mentions[0].span.begin);
    return;
  }
  ASSERT_FALSE(mentions.empty()) << c.text;
  const DateMention& m = mentions.back();
  EXPECT_EQ(text.substr(m.span.begin, m.span.end - m.span.begin), c.expression)
      << c.text;
  EXPECT_EQ(m.date, Parse(c.date)) << c.text;
  if (m.date) {
    EXPECT_EQ(m.precision, c.precision) << c.text;
  }
}

INSTANTIATE_TEST_SUITE_P(EnglishAndRussian, DatesTest,
                         ::testing::ValuesIn(kCases));

// The matcher tries its patterns only where MayStartDate says a date may
// start: it must say so for the first word of every kind of expression.
TEST(DateWordsTest, MayStartDateAtFirstWordsOfExpressions) {
  for (const char* w :
       {"13",          "13.01.2022", "2021",      "10th",      "january",
        "jan",         "sept",       "may",       "thursday",  "thursday's",
        "thursday’s",  "yesterday",  "mid",       "late",      "the",
        "a",           "two",        "next",      "following", "last",
        "this",        "coming",     "января",    "мая",       "декабре",
        "понедельник", "среду",      "вчера",     "середине",  "на",
        "накануне",    "прошлой",    "следующий", "этот"}) {
    EXPECT_TRUE(MayStartDate(w)) << w;
  }
  for (const char* w : {"talks", "nato", "said", "geneva", "in", "в", "года",
                        "переговоры", "министр", ""}) {
    EXPECT_FALSE(MayStartDate(w)) << w;
  }
}

}  // namespace
}  // namespace storyline::story
