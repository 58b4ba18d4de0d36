#include "story/timeline.h"

#include <algorithm>
#include <string>

#include "story/dates.h"

namespace storyline::story {
namespace {

// A "previous date" older than this many sentences no longer anchors "the
// next day": the text has moved on.
constexpr int kPreviousDateSentences = 4;
// Two dated segments with this share of common content words (of the
// shorter one) describe the same event.
constexpr double kSameEventOverlap = 0.34;

struct RawEntry {
  absl::CivilDay date;
  DatePrecision precision;
  Span span;  // the segment of the sentence about this date
  std::string expression;
  std::vector<int> terms;  // sorted content term ids
  int doc = 0;
};

// The part of a sentence that belongs to its k-th date: from the clause
// that holds the date to the next date's clause.
Span SegmentFor(std::string_view text, Span sentence,
                const std::vector<DateMention>& mentions, size_t k) {
  auto clause_start = [&](size_t m) -> uint32_t {
    if (m == 0) return sentence.begin;
    const uint32_t floor = mentions[m - 1].span.end;
    for (uint32_t p = mentions[m].span.begin; p > floor; --p) {
      const char c = text[p - 1];
      if (c == ',' || c == ';' || c == ':') return p;
    }
    return mentions[m].span.begin;
  };
  Span span{clause_start(k),
            k + 1 < mentions.size() ? clause_start(k + 1) : sentence.end};
  // Drop the ", and" that joined this clause to the next.
  std::string_view s = text.substr(span.begin, span.end - span.begin);
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    while (!s.empty() && (s.back() == ' ' || s.back() == ',')) {
      s.remove_suffix(1), trimmed = true;
    }
    if (s.ends_with(" and")) s.remove_suffix(4), trimmed = true;
  }
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  span.begin = static_cast<uint32_t>(s.data() - text.data());
  span.end = static_cast<uint32_t>(span.begin + s.size());
  return span;
}

std::vector<int> TermsIn(const StoryView& view, const SentenceRef& s,
                         Span span) {
  size_t b = 0, e = s.words.size();
  while (b < e && s.words[b].span.begin < span.begin) ++b;
  while (e > b && s.words[e - 1].span.end > span.end) --e;
  std::vector<int> terms;
  for (const auto& [id, w] : view.Vectorize(s.words.subspan(b, e - b))) {
    terms.push_back(id);
  }
  return terms;
}

double Overlap(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (a[i] > b[j]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / std::min(a.size(), b.size());
}

// Dated segments of one document, in text order.
void CollectDoc(const StoryView& view, const SentenceDates& dates, int doc,
                std::vector<RawEntry>& out) {
  const std::string& text = view.doc(doc).text;
  const size_t first = view.FirstSentenceOf(doc);
  const auto sentences = view.SentencesOf(doc);
  for (size_t i = 0; i < sentences.size(); ++i) {
    const SentenceRef& s = sentences[i];
    const std::vector<DateMention>& mentions = dates[first + i];
    for (size_t k = 0; k < mentions.size(); ++k) {
      if (!mentions[k].date) continue;
      const Span seg = SegmentFor(text, s.span, mentions, k);
      // A caption or dateline ("Reuters, 11.01.2022") says nothing happened.
      if (std::count(text.begin() + seg.begin, text.begin() + seg.end, ' ') <
          5) {
        continue;
      }
      const Span m = mentions[k].span;
      out.push_back({*mentions[k].date, mentions[k].precision, seg,
                     text.substr(m.begin, m.end - m.begin),
                     TermsIn(view, s, seg), doc});
    }
  }
}

}  // namespace

std::optional<absl::CivilDay> AnchorFor(const StoryView& view, int doc,
                                        const StoryOptions& options) {
  if (view.doc(doc).published) return view.doc(doc).published;
  if (!options.borrow_story_date) return std::nullopt;
  std::optional<absl::CivilDay> latest;
  for (const int d : view.docs()) {
    const auto& p = view.doc(d).published;
    if (p && (!latest || *p > *latest)) latest = p;
  }
  return latest;
}

SentenceDates ResolveSentenceDates(const StoryView& view,
                                   const StoryOptions& options) {
  SentenceDates dates(view.sentences().size());
  for (const int d : view.docs()) {
    const std::string& text = view.doc(d).text;
    DateContext context{AnchorFor(view, d, options), std::nullopt};
    int since_previous = kPreviousDateSentences + 1;
    const size_t first = view.FirstSentenceOf(d);
    const auto sentences = view.SentencesOf(d);
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (++since_previous > kPreviousDateSentences) context.previous.reset();
      const auto before = context.previous;
      dates[first + i] =
          FindDates(text, sentences[i].words, view.doc(d).lang, context);
      if (context.previous != before) since_previous = 0;
    }
  }
  return dates;
}

void BuildTimeline(const StoryView& view, const SentenceDates& dates,
                   const StoryOptions& options, Story& story) {
  std::vector<RawEntry> raw;
  for (const int d : view.docs()) CollectDoc(view, dates, d, raw);
  std::vector<TimelineEntry> entries;
  std::vector<const RawEntry*> firsts;  // the entry's representative
  for (const RawEntry& r : raw) {
    const std::string precision(DatePrecisionName(r.precision));
    TimelineEntry* match = nullptr;
    for (size_t e = 0; e < entries.size() && !match; ++e) {
      if (entries[e].date == r.date && entries[e].precision == precision &&
          Overlap(firsts[e]->terms, r.terms) >= kSameEventOverlap) {
        match = &entries[e];
      }
    }
    if (match) {
      const bool cited =
          std::any_of(match->cites.begin(), match->cites.end(),
                      [&](const Citation& c) { return c.doc == r.doc; });
      if (!cited) match->cites.push_back({r.doc, r.span});
      continue;
    }
    entries.push_back({r.date,
                       std::string(view.Text(r.doc, r.span)),
                       r.expression,
                       {{r.doc, r.span}},
                       precision});
    firsts.push_back(&r);
  }
  // Keep the best-supported entries, then show them in date order.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) {
                     return a.cites.size() > b.cites.size();
                   });
  if (static_cast<int>(entries.size()) > options.max_timeline) {
    entries.resize(std::max(0, options.max_timeline));
  }
  std::stable_sort(
      entries.begin(), entries.end(),
      [](const auto& a, const auto& b) { return a.date < b.date; });
  story.timeline = std::move(entries);
}

}  // namespace storyline::story
