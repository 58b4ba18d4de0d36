#include "story/figures.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numeric>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "story/date_words.h"
#include "story/dates.h"
#include "story/timeline.h"
#include "story/word_table.h"

namespace storyline::story {
namespace {

using text::Token;

// Context words two figures must share to be about the same thing.
constexpr int kMinSharedContext = 2;

struct Figure {
  int doc = 0;
  Span span;  // qualifier, number and unit
  double value = 0;
  std::string unit;  // stem
  std::string unit_word;
  std::vector<int> context;            // content stems nearby: sorted ids
  std::optional<absl::CivilDay> date;  // the day the sentence is about
};

bool IsQualifier(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "about",    "approximately", "nearly", "almost", "around",
      "roughly",  "over",          "some",   "около",  "почти",
      "примерно", "более",         "свыше",  "менее"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

int SharedCount(const std::vector<int>& a, const std::vector<int>& b) {
  int common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    common += a[i] == b[j];
    const int x = a[i], y = b[j];
    i += x <= y, j += y <= x;
  }
  return common;
}

// The figures of one sentence; `context` is its and the previous
// sentence's content stems.
void FiguresIn(const StoryView& view, const SentenceRef& s,
               const std::vector<int>& context,
               std::optional<absl::CivilDay> date, const std::vector<int>& ids,
               std::vector<Figure>& out) {
  const auto& w = s.words;
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    const auto value = NumberValue(w[i].norm);
    const Token& unit = w[i + 1];
    if (!value || !IsContent(unit) || unit.upper_initial) continue;
    if (MonthOfWord(unit.norm) || (i > 0 && MonthOfWord(w[i - 1].norm)))
      continue;
    if (w[i].is_number && *value >= 1800 && *value <= 2200) continue;  // a year
    size_t first = i;
    if (i > 0 && IsQualifier(w[i - 1].norm)) first = i - 1;
    if (i > 1 && w[i - 2].norm == "more" && w[i - 1].norm == "than")
      first = i - 2;
    Figure f{s.doc,     {w[first].span.begin, unit.span.end},     *value,
             unit.stem, std::string(view.Text(s.doc, unit.span)), {},
             date};
    const int unit_id = ids[i + 1];
    for (const int c : context) {
      if (c != unit_id) f.context.push_back(c);
    }
    out.push_back(std::move(f));
  }
}

// Whether a sentence has a number followed by a content word: the cheap
// test that spares most sentences the context work below.
bool MayHoldFigure(const SentenceRef& s) {
  const auto& w = s.words;
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (IsContent(w[i + 1]) && !w[i + 1].upper_initial &&
        NumberValue(w[i].norm)) {
      return true;
    }
  }
  return false;
}

void AddContextStems(const SentenceRef& s, std::span<const int> ids,
                     std::vector<int>& out) {
  for (size_t k = 0; k < s.words.size(); ++k) {
    if (ids[k] >= 0 && !NumberValue(s.words[k].norm)) out.push_back(ids[k]);
  }
}

// The first day-precise date a sentence mentions.
std::optional<absl::CivilDay> DayOf(const std::vector<DateMention>& mentions) {
  for (const DateMention& m : mentions) {
    if (m.date && m.precision == DatePrecision::kDay) return m.date;
  }
  return std::nullopt;
}

std::vector<Figure> CollectFigures(const StoryView& view,
                                   const SentenceDates& dates) {
  std::vector<Figure> figures;
  std::vector<int> context;
  for (const int d : view.docs()) {
    const size_t first = view.FirstSentenceOf(d);
    const auto sentences = view.SentencesOf(d);
    for (size_t i = 0; i < sentences.size(); ++i) {
      const SentenceRef& s = sentences[i];
      if (!MayHoldFigure(s)) continue;
      // The sentence's date, else the previous sentence's.
      auto date = DayOf(dates[first + i]);
      if (!date && i > 0) date = DayOf(dates[first + i - 1]);
      context.clear();
      // Term ids, so that contexts compare as integers; copied, as the
      // previous sentence's are asked for before they are used.
      const std::span<const int> terms = view.WordTerms(s.words);
      const std::vector<int> ids(terms.begin(), terms.end());
      AddContextStems(s, ids, context);
      if (i > 0) {
        AddContextStems(sentences[i - 1],
                        view.WordTerms(sentences[i - 1].words), context);
      }
      std::sort(context.begin(), context.end());
      context.erase(std::unique(context.begin(), context.end()), context.end());
      FiguresIn(view, s, context, date, ids, figures);
    }
  }
  return figures;
}

int Find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace

std::optional<double> NumberValue(std::string_view w) {
  if (w.empty()) return std::nullopt;
  if (!std::isdigit(static_cast<unsigned char>(w[0]))) {
    // English number words, and Russian cardinals in the cases that come
    // before a unit.
    static const auto* const kWords = new WordTable(WordTable::Valued(
        {{"zero", 0},     {"one", 1},        {"two", 2},       {"three", 3},
         {"four", 4},     {"five", 5},       {"six", 6},       {"seven", 7},
         {"eight", 8},    {"nine", 9},       {"ten", 10},      {"eleven", 11},
         {"twelve", 12},  {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},
         {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
         {"twenty", 20},  {"один", 1},       {"одна", 1},      {"одного", 1},
         {"два", 2},      {"две", 2},        {"двух", 2},      {"три", 3},
         {"трех", 3},     {"трёх", 3},       {"четыре", 4},    {"четырех", 4},
         {"четырёх", 4},  {"пять", 5},       {"пяти", 5},      {"шесть", 6},
         {"шести", 6},    {"семь", 7},       {"семи", 7},      {"восемь", 8},
         {"восьми", 8},   {"девять", 9},     {"девяти", 9},    {"десять", 10},
         {"десяти", 10}}));
    const int* value = kWords->Find(w);
    if (!value) return std::nullopt;
    return static_cast<double>(*value);
  }
  if (w.size() > 15) return std::nullopt;
  // "1,000" groups thousands; "7,5" is a decimal comma.
  std::string digits;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (c == ',') {
      const size_t rest = w.size() - i - 1;
      const bool grouping = rest >= 3 && (rest == 3 || w[i + 4] == ',');
      if (!grouping) digits += '.';
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      digits += c;
    } else {
      return std::nullopt;
    }
  }
  if (std::count(digits.begin(), digits.end(), '.') > 1) return std::nullopt;
  double value = 0;
  const auto [ptr, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr != digits.data() + digits.size())
    return std::nullopt;
  return value;
}

void FindDisagreements(const StoryView& view, const SentenceDates& dates,
                       Story& story) {
  const std::vector<Figure> figures = CollectFigures(view, dates);
  const int n = static_cast<int>(figures.size());
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  // Only figures in the same unit are compared: sort by unit, then pair
  // within each run, which keeps the cost near linear in the text.
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return figures[a].unit < figures[b].unit; });
  for (int x = 0; x < n; ++x) {
    for (int y = x + 1;
         y < n && figures[order[y]].unit == figures[order[x]].unit; ++y) {
      const int i = order[x], j = order[y];
      const Figure& a = figures[i];
      const Figure& b = figures[j];
      if (a.doc == b.doc) continue;
      if (a.date && b.date && *a.date != *b.date) continue;
      // Already one group (copies repeat the same figures): nothing to add.
      const int root_i = Find(parent, i), root_j = Find(parent, j);
      if (root_i == root_j) continue;
      if (SharedCount(a.context, b.context) < kMinSharedContext) continue;
      parent[root_i] = root_j;
    }
  }
  std::vector<std::vector<int>> groups(n);
  for (int i = 0; i < n; ++i) groups[Find(parent, i)].push_back(i);
  for (const std::vector<int>& g : groups) {
    if (g.size() < 2) continue;
    const auto [lo, hi] = std::minmax_element(
        g.begin(), g.end(),
        [&](int a, int b) { return figures[a].value < figures[b].value; });
    // Values within 2% are the same figure rounded.
    if (figures[*hi].value - figures[*lo].value <=
        0.02 * std::abs(figures[*hi].value))
      continue;
    Disagreement d;
    d.topic = figures[g.front()].unit_word;
    for (const int i : g) {
      d.claims.push_back(
          {std::string(view.Text(figures[i].doc, figures[i].span)),
           {figures[i].doc, figures[i].span}});
    }
    story.disagreements.push_back(std::move(d));
  }
}

}  // namespace storyline::story
