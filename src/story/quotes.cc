#include "story/quotes.h"

#include <algorithm>
#include <string>

#include "story/entity_words.h"

namespace storyline::story {
namespace {

using text::Token;

constexpr int kMinQuoteWords = 5;  // shorter: a scare quote, not a statement
// Two wordings are one statement when this share of the shorter one's
// content stems is in the other.
constexpr double kSameStatement = 0.5;

struct Found {
  int doc = 0;
  Span span;
  std::string speaker;
  std::vector<int> stems;  // content stems' term ids, sorted, unique
};

bool BreaksSentence(std::string_view gap) {
  return gap.find('\n') != gap.npos || gap.find(". ") != gap.npos ||
         gap.find("! ") != gap.npos || gap.find("? ") != gap.npos;
}

class Attributor {
 public:
  Attributor(const StoryView& view, const EntityIndex& entities, int doc)
      : entities_(entities),
        doc_(doc),
        text_(view.doc(doc).text),
        w_(view.analysis(doc).words) {}

  // The speaker of the quote at `span`, "" if none is found.
  std::string Speaker(Span span) const {
    size_t j = std::lower_bound(w_.begin(), w_.end(), span.end,
                                [](const Token& t, uint32_t p) {
                                  return t.span.begin < p;
                                }) -
               w_.begin();
    if (std::string s = After(span, j); !s.empty()) return s;
    return Before(span, j);
  }

 private:
  std::string_view Between(uint32_t a, uint32_t b) const {
    return a < b ? std::string_view(text_).substr(a, b - a)
                 : std::string_view();
  }
  std::string_view Words(size_t b, size_t e) const {
    return Between(w_[b].span.begin, w_[e - 1].span.end);
  }
  // Capitalized words from `b` on: a name.
  size_t NameEnd(size_t b) const {
    size_t e = b;
    while (e < w_.size() && e - b < 4 && w_[e].upper_initial &&
           (e == b || Between(w_[e - 1].span.end, w_[e].span.begin) == " ")) {
      ++e;
    }
    return e;
  }
  std::string Resolve(size_t b, size_t e, uint32_t quote_begin) const;
  std::string After(Span quote, size_t j) const;
  std::string Before(Span quote, size_t j) const;

  const EntityIndex& entities_;
  int doc_;
  const std::string& text_;
  const std::vector<Token>& w_;
};

// Names the speaker given by words [b, e): a name, a pronoun, or "the
// NATO permanent representative".
std::string Attributor::Resolve(size_t b, size_t e,
                                uint32_t quote_begin) const {
  if (b >= e) return "";
  auto name_of = [&](int entity) {
    return entity < 0 ? std::string() : entities_.entities[entity].name;
  };
  if (e - b == 1 && IsPersonPronoun(w_[b].norm)) {
    return name_of(entities_.LastPersonBefore(doc_, quote_begin));
  }
  if (w_[b].upper_initial && !w_[b].stopword) {
    const size_t name_end = NameEnd(b);
    if (name_end < e) return "";
    const std::string name(Words(b, name_end));
    const int entity = entities_.FindPerson(name);
    return entity >= 0 ? name_of(entity) : name;
  }
  if (w_[b].norm == "the" && e - b <= 5) {
    const std::string_view description = Words(b, e);
    const int entity =
        entities_.LastPersonWithRole(doc_, quote_begin, description);
    return name_of(entity >= 0 ? entity
                               : entities_.LastPersonBefore(doc_, quote_begin));
  }
  return "";
}

// “…,” Smith said / “…,” said Smith / «…», — заявил Рябков.
std::string Attributor::After(Span quote, size_t j) const {
  uint32_t from = quote.end;
  for (size_t k = j; k < w_.size() && k < j + 7; ++k) {
    if (BreaksSentence(Between(from, w_[k].span.begin))) return "";
    from = w_[k].span.end;
    if (!IsSpeechVerb(w_[k].norm) || w_[k].norm == "according") continue;
    if (k > j) return Resolve(j, k, quote.begin);
    if (k + 1 < w_.size() && IsPersonPronoun(w_[k + 1].norm)) {
      return Resolve(k + 1, k + 2, quote.begin);
    }
    // Skip the title: "said Deputy Foreign Minister Sergei Ryabkov",
    // "заявил замминистра иностранных дел Сергей Рябков".
    size_t m = k + 1;
    while (m < w_.size() && m < k + 7 &&
           (!w_[m].upper_initial || IsTitleWord(w_[m].norm)) &&
           !BreaksSentence(Between(w_[m - 1].span.end, w_[m].span.begin))) {
      ++m;
    }
    if (m >= w_.size() || m >= k + 7 ||
        BreaksSentence(Between(w_[m - 1].span.end, w_[m].span.begin))) {
      return "";  // "said one of the protesters." names nobody
    }
    return Resolve(m, NameEnd(m), quote.begin);
  }
  return "";
}

// Smith said: “…” / Smith stated that “…”: the nearest verb of saying
// before the quote in the same sentence, and its subject.
std::string Attributor::Before(Span quote, size_t j) const {
  uint32_t to = quote.begin;
  for (size_t k = j; k-- > 0;) {
    if (BreaksSentence(Between(w_[k].span.end, to))) return "";
    to = w_[k].span.begin;
    if (!IsSpeechVerb(w_[k].norm) || w_[k].norm == "according") continue;
    size_t b = k;
    while (b > 0 && k - b < 4 &&
           !BreaksSentence(Between(w_[b - 1].span.end, w_[b].span.begin)) &&
           (w_[b - 1].upper_initial || IsPersonPronoun(w_[b - 1].norm))) {
      --b;
      if (IsPersonPronoun(w_[b].norm)) break;
    }
    return Resolve(b, k, quote.begin);
  }
  return "";
}

double Overlap(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.size() < 3 || b.size() < 3) return a == b ? 1 : 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / std::min(a.size(), b.size());
}

void FindInDoc(const StoryView& view, const EntityIndex& entities, int doc,
               std::vector<Found>& out) {
  const std::string& text = view.doc(doc).text;
  const Attributor attributor(view, entities, doc);
  const std::vector<Token>& words = view.analysis(doc).words;
  const std::span<const int> terms = view.WordTerms(doc);
  const Found* previous = nullptr;
  for (const Span span : FindQuotedSpans(text)) {
    Found f{doc, span, attributor.Speaker(span), {}};
    int n = 0;
    // Words are in text order and never overlap: those inside the quote
    // are one run.
    auto k = std::lower_bound(words.begin(), words.end(), span.begin,
                              [](const Token& t, uint32_t at) {
                                return t.span.begin < at;
                              }) -
             words.begin();
    for (; k < static_cast<ptrdiff_t>(words.size()) &&
           words[k].span.begin < span.end;
         ++k) {
      if (words[k].span.end > span.end) continue;
      ++n;
      if (terms[k] >= 0) f.stems.push_back(terms[k]);
    }
    if (n < kMinQuoteWords) continue;
    // A quote resumed after "he said." keeps its speaker.
    if (f.speaker.empty() && previous && previous->doc == doc &&
        span.begin - previous->span.end < 80 &&
        text.substr(previous->span.end, span.begin - previous->span.end)
                .find('\n') == std::string::npos) {
      f.speaker = previous->speaker;
    }
    std::sort(f.stems.begin(), f.stems.end());
    f.stems.erase(std::unique(f.stems.begin(), f.stems.end()), f.stems.end());
    out.push_back(std::move(f));
    previous = &out.back();
  }
}

}  // namespace

void FindQuotes(const StoryView& view, const EntityIndex& entities,
                const StoryOptions& options, Story& story) {
  std::vector<Found> found;
  for (const int d : view.docs()) FindInDoc(view, entities, d, found);
  std::vector<Quote> quotes;
  std::vector<const Found*> firsts;
  for (const Found& f : found) {
    std::string_view t = view.Text(f.doc, f.span);
    while (!t.empty() && (t.back() == ',' || t.back() == ' '))
      t.remove_suffix(1);
    const QuoteVariant variant{std::string(t), {f.doc, f.span}};
    size_t q = 0;
    for (; q < quotes.size(); ++q) {
      const bool speakers_agree = f.speaker.empty() ||
                                  quotes[q].speaker.empty() ||
                                  f.speaker == quotes[q].speaker;
      if (speakers_agree &&
          Overlap(firsts[q]->stems, f.stems) >= kSameStatement)
        break;
    }
    if (q == quotes.size()) {
      quotes.push_back({f.speaker, {variant}});
      firsts.push_back(&f);
    } else {
      quotes[q].variants.push_back(variant);
      if (quotes[q].speaker.empty()) quotes[q].speaker = f.speaker;
    }
  }
  // Widely reported and attributed statements first.
  std::stable_sort(quotes.begin(), quotes.end(),
                   [](const Quote& a, const Quote& b) {
                     if (a.variants.size() != b.variants.size())
                       return a.variants.size() > b.variants.size();
                     return !a.speaker.empty() && b.speaker.empty();
                   });
  if (static_cast<int>(quotes.size()) > options.max_quotes) {
    quotes.resize(std::max(0, options.max_quotes));
  }
  story.quotes = std::move(quotes);
}

}  // namespace storyline::story
