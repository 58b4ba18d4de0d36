#include "story/date_words.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <utility>

#include "story/word_table.h"

namespace storyline::story {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// English names and their usual abbreviations.
constexpr std::array<std::string_view, 12> kEnglishMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Russian stems that no other common word starts with; "май" and "март"
// are checked as whole forms because "мая"/"марта" are short.
constexpr std::array<std::string_view, 12> kRussianStems = {
    "январ", "феврал", "",        "апрел",  "",      "июн",
    "июл",   "август", "сентябр", "октябр", "ноябр", "декабр"};

int EnglishMonth(std::string_view w) {
  for (int m = 0; m < 12; ++m) {
    const std::string_view name = kEnglishMonths[m];
    if (w == name) return m + 1;
    // "jan", "sept", "dec": three letters or more of the name.
    if (w.size() >= 3 && w.size() < name.size() && StartsWith(name, w) &&
        m != 4 && (w.size() == 3 || w == "sept")) {
      return m + 1;
    }
  }
  return 0;
}

constexpr std::array<std::string_view, 7> kEnglishWeekdays = {
    "monday", "tuesday",  "wednesday", "thursday",
    "friday", "saturday", "sunday"};
// "Thursday's meeting".
constexpr std::array<std::string_view, 2> kPossessives = {"'s", "’s"};
// Nominative, accusative, genitive and prepositional forms.
constexpr std::array<std::array<std::string_view, 4>, 7> kRussianWeekdays = {{
    {"понедельник", "понедельника", "понедельнике", ""},
    {"вторник", "вторника", "вторнике", ""},
    {"среда", "среду", "среды", "среде"},
    {"четверг", "четверга", "четверге", ""},
    {"пятница", "пятницу", "пятницы", "пятнице"},
    {"суббота", "субботу", "субботы", "субботе"},
    {"воскресенье", "воскресенья", "", ""},
}};

// The abbreviations EnglishMonth accepts: three letters of any name but
// "may", and "sept".
constexpr std::array<std::string_view, 12> kEnglishMonthAbbreviations = {
    "jan", "feb", "mar",  "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec"};

constexpr std::pair<std::string_view, int> kDeicticWords[] = {
    {"yesterday", -1}, {"вчера", -1}, {"today", 0},      {"сегодня", 0},
    {"tomorrow", 1},   {"завтра", 1}, {"позавчера", -2}, {"послезавтра", 2}};

constexpr std::pair<std::string_view, int> kPartWords[] = {
    {"early", 0},  {"начале", 0},   {"начала", 0},   {"mid", 1},
    {"middle", 1}, {"середине", 1}, {"середины", 1}, {"late", 2},
    {"конце", 2},  {"конца", 2}};

// First words of the relative phrases in dates_relative.cc ("the next
// day", "two days later", "last Friday", "this week", "накануне").
constexpr std::array<std::string_view, 31> kPhraseOpeners = {
    "the",       "a",         "one",       "two",    "three",     "four",
    "five",      "six",       "seven",     "next",   "following", "previous",
    "preceding", "last",      "coming",    "this",   "на",        "следующий",
    "следующую", "следующей", "следующем", "другой", "накануне",  "прошлый",
    "прошлую",   "прошлой",   "прошлом",   "этот",   "эту",       "этой",
    "этом"};

int RussianMonth(std::string_view w) {
  if (w == "май" || w == "мая" || w == "мае") return 5;
  if (w == "март" || w == "марта" || w == "марте") return 3;
  // "июнь", "июня", "июне" but not "июньский": stem + at most 2 letters.
  for (int m = 0; m < 12; ++m) {
    const std::string_view stem = kRussianStems[m];
    if (stem.empty() || !StartsWith(w, stem)) continue;
    if (w.size() <= stem.size() + 4) return m + 1;  // Cyrillic: 2 bytes each
  }
  return 0;
}

}  // namespace

int MonthOfWord(std::string_view w) {
  if (w.empty()) return 0;
  if (static_cast<unsigned char>(w[0]) < 0x80) return EnglishMonth(w);
  return RussianMonth(w);
}

int WeekdayOfWord(std::string_view w) {
  for (const std::string_view suffix : kPossessives) {
    if (w.size() > suffix.size() && w.ends_with(suffix)) {
      w.remove_suffix(suffix.size());
    }
  }
  for (int d = 0; d < 7; ++d) {
    if (w == kEnglishWeekdays[d]) return d;
  }
  for (int d = 0; d < 7; ++d) {
    for (const std::string_view form : kRussianWeekdays[d]) {
      if (!form.empty() && w == form) return d;
    }
  }
  return -1;
}

std::optional<int> DeicticDayOffset(std::string_view w) {
  for (const auto& [word, offset] : kDeicticWords) {
    if (w == word) return offset;
  }
  return std::nullopt;
}

int PartOfWord(std::string_view w) {
  for (const auto& [word, part] : kPartWords) {
    if (w == word) return part;
  }
  return -1;
}

bool MayStartDate(std::string_view w) {
  if (w.empty()) return false;
  const auto first = static_cast<unsigned char>(w[0]);
  if (first >= '0' && first <= '9') return true;
  static const WordTable kStarts = [] {
    WordTable words;
    for (const std::string_view opener : kPhraseOpeners) words.Insert(opener);
    for (const auto& [word, offset] : kDeicticWords) words.Insert(word);
    for (const auto& [word, part] : kPartWords) words.Insert(word);
    for (const std::string_view name : kEnglishMonths) words.Insert(name);
    for (const std::string_view abbreviation : kEnglishMonthAbbreviations) {
      words.Insert(abbreviation);
    }
    for (const std::string_view day : kEnglishWeekdays) {
      words.Insert(day);
      for (const std::string_view suffix : kPossessives) {
        words.Insert(std::string(day) + std::string(suffix));
      }
    }
    for (const auto& forms : kRussianWeekdays) {
      for (const std::string_view form : forms) {
        words.Insert(form);
      }
    }
    return words;
  }();
  if (kStarts.contains(w)) return true;
  // Russian month names are matched on their stems: not a closed list.
  return first >= 0x80 && RussianMonth(w) != 0;
}

bool IsFutureCue(std::string_view w) {
  static constexpr std::array<std::string_view, 20> kCues = {
      "will",        "would",         "'ll",           "shall",    "scheduled",
      "upcoming",    "expected",      "plans",         "planned",  "будет",
      "будут",       "состоится",     "пройдет",       "пройдёт",  "пройдут",
      "планируется", "запланирована", "запланированы", "намерены", "обсудят"};
  for (const std::string_view cue : kCues) {
    if (w == cue) return true;
  }
  return false;
}

bool IsPastCue(std::string_view w) {
  static constexpr std::array<std::string_view, 20> kCues = {
      "said",  "was",   "were",     "had",       "spoke",     "held",   "met",
      "took",  "told",  "came",     "went",      "began",     "agreed", "ended",
      "noted", "added", "stressed", "announced", "confirmed", "stated"};
  if (std::find(kCues.begin(), kCues.end(), w) != kCues.end()) return true;
  // Russian past tense: "прошли", "заявил", "состоялась".
  for (const std::string_view ending : {"ли", "ла", "лся", "лась", "лись"}) {
    if (w.size() >= 8 && w.ends_with(ending)) return true;
  }
  return w.size() >= 6 && w.ends_with("ил");
}

std::optional<int> IntegerOf(std::string_view w) {
  // Most words it is asked about are not numbers at all.
  if (w.empty() || w[0] < '0' || w[0] > '9') return std::nullopt;
  for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (w.size() > 2 && w.ends_with(suffix)) {
      w.remove_suffix(2);
      break;
    }
  }
  if (w.empty() || w.size() > 9) return std::nullopt;
  int value = 0;
  const auto [ptr, ec] = std::from_chars(w.data(), w.data() + w.size(), value);
  if (ec != std::errc() || ptr != w.data() + w.size()) return std::nullopt;
  return value;
}

}  // namespace storyline::story
