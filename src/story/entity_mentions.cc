#include "story/entity_mentions.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "story/date_words.h"
#include "story/entity_words.h"

namespace storyline::story {
namespace {

using text::Token;

std::string_view StripPossessive(std::string_view s) {
  for (const std::string_view suffix : {"'s", "’s", "'", "’"}) {
    if (s.size() > suffix.size() + 1 && s.ends_with(suffix)) {
      return s.substr(0, s.size() - suffix.size());
    }
  }
  return s;
}

// "NATO", "U.S": an acronym, written in capitals throughout.
bool AllCaps(std::string_view raw) {
  int letters = 0;
  for (const char c : raw) {
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c != '.') {
      return false;
    }
  }
  return letters >= 2;
}

class SentenceScanner {
 public:
  SentenceScanner(const StoryView& view, const SentenceRef& s,
                  const absl::flat_hash_set<std::string_view>& lower,
                  std::vector<NameMention>& out)
      : text_(view.doc(s.doc).text),
        doc_(s.doc),
        w_(s.words),
        lower_(lower),
        out_(out) {}

  void Scan() {
    for (size_t i = 0; i < w_.size();) {
      if (!IsCap(i)) {
        ++i;
        continue;
      }
      size_t e = i + 1;
      while (e < w_.size()) {
        if (IsCap(e) && Joined(e - 1)) {
          ++e;
        } else if (!w_[e].upper_initial && IsNameConnector(w_[e].norm) &&
                   e + 1 < w_.size() && IsCap(e + 1) && Joined(e - 1) &&
                   Joined(e)) {
          e += 2;
        } else {
          break;
        }
      }
      HandleRun(i, e);
      i = e;
    }
  }

 private:
  std::string_view Raw(size_t i) const {
    return std::string_view(text_).substr(w_[i].span.begin,
                                          w_[i].span.end - w_[i].span.begin);
  }
  bool IsCap(size_t i) const {
    const Token& t = w_[i];
    return t.upper_initial && !t.is_number && MonthOfWord(t.norm) == 0 &&
           WeekdayOfWord(t.norm) < 0 && t.norm != "i";
  }
  bool IsConnector(size_t i) const {
    return !w_[i].upper_initial && IsNameConnector(w_[i].norm);
  }
  // Tokens i and i + 1 belong to one name: only a space or hyphen between.
  bool Joined(size_t i) const {
    const std::string_view gap = std::string_view(text_).substr(
        w_[i].span.end, w_[i + 1].span.begin - w_[i].span.end);
    return gap == " " || gap == "-" || gap.empty();
  }
  bool HasConnector(size_t b, size_t e) const {
    for (size_t k = b; k < e; ++k) {
      if (IsConnector(k)) return true;
    }
    return false;
  }

  void HandleRun(size_t b, size_t e);
  void EmitPlain(size_t b, size_t e);
  void Emit(size_t b, size_t e, std::string role, int person, int org,
            int place);

  const std::string& text_;
  int doc_;
  std::span<const Token> w_;
  // Words the story also writes in lower case: "Calling" at a sentence
  // start is not a name.
  const absl::flat_hash_set<std::string_view>& lower_;
  std::vector<NameMention>& out_;
};

void SentenceScanner::HandleRun(size_t b, size_t e) {
  // "The Kremlin", "But Smith": capitalized only because they start.
  while (b < e && w_[b].stopword && !AllCaps(Raw(b))) ++b;
  if (b < e && w_[b].sentence_start &&
      (lower_.contains(w_[b].norm) || w_[b].norm.ends_with("ing"))) {
    ++b;
  }
  if (b >= e) return;
  int title = -1, org = -1;
  for (size_t k = b; k < e; ++k) {
    if (IsTitleWord(w_[k].norm)) title = static_cast<int>(k);
    if (IsOrgWord(w_[k].norm)) org = static_cast<int>(k);
  }
  // "Deputy Foreign Minister Sergei Ryabkov": title, then the person.
  if (title >= 0 && title > org) {
    const size_t t = title;
    if (t + 1 < e && e - t - 1 <= 4 && !HasConnector(t + 1, e)) {
      const std::string role(
          text_.substr(w_[b].span.begin, w_[t].span.end - w_[b].span.begin));
      Emit(t + 1, e, role, 3, 0, 0);
    }
    return;  // a title alone names nobody
  }
  if (org >= 0) {
    // "the Russian Federation Dmitry Peskov": a name after the organization.
    const size_t o = org;
    if (e - o - 1 >= 2 && e - o - 1 <= 3 && !HasConnector(o + 1, e)) {
      Emit(b, o + 1, "", 0, 2, 0);
      EmitPlain(o + 1, e);
    } else {
      Emit(b, e, "", 0, 2, 0);
    }
    return;
  }
  size_t start = b;
  for (size_t k = b; k <= e; ++k) {
    if (k == e || IsConnector(k)) {
      if (k > start) EmitPlain(start, k);
      start = k + 1;
    }
  }
}

// A name without title or organization word: kind from its neighbours.
void SentenceScanner::EmitPlain(size_t b, size_t e) {
  // "NATO Julianne Smith": an acronym in front is an organization.
  if (e - b >= 3 && AllCaps(Raw(b)) && !AllCaps(Raw(b + 1))) {
    Emit(b, b + 1, "", 0, 1, 0);
    ++b;
  }
  int person = 0, org = 0, place = 0;
  bool spaced = true;  // "Russia-NATO" is not a person's name
  for (size_t k = b; k + 1 < e; ++k) {
    spaced = spaced && !AllCaps(Raw(k)) &&
             text_.compare(w_[k].span.end,
                           w_[k + 1].span.begin - w_[k].span.end, " ") == 0;
  }
  if (e - b == 1 && AllCaps(Raw(b))) org += 1;
  if (b > 0 && IsPlaceCue(w_[b - 1].norm)) place += 2;
  const int speech = e - b >= 2 ? 2 : 1;
  if (e < w_.size() && IsSpeechVerb(w_[e].norm)) person += speech;
  if (b > 0 && IsSpeechVerb(w_[b - 1].norm)) person += 1;
  // A title before the name, possibly lower case ("замминистра Сергей
  // Рябков") or naming the office ("US Permanent Representative to NATO").
  size_t t = b, role_begin = b;
  while (t > 0 && b - t < 6) {
    const Token& prev = w_[t - 1];
    const bool title = IsTitleWord(prev.norm);
    if (!title && !AllCaps(Raw(t - 1)) && prev.norm != "to" &&
        prev.norm != "of")
      break;
    --t;
    if (title) role_begin = t;
  }
  std::string role;
  if (role_begin < b) {
    person += 3;
    role = text_.substr(w_[role_begin].span.begin,
                        w_[b - 1].span.end - w_[role_begin].span.begin);
  }
  if (e - b >= 2 && e - b <= 3 && org == 0 && spaced) person += 1;
  // People are not "the United States" nor "NATO".
  if ((b > 0 && w_[b - 1].norm == "the") || AllCaps(Raw(e - 1))) person = 0;
  Emit(b, e, std::move(role), person, org, place);
}

void SentenceScanner::Emit(size_t b, size_t e, std::string role, int person,
                           int org, int place) {
  NameMention m;
  m.doc = doc_;
  m.span = {w_[b].span.begin, w_[e - 1].span.end};
  m.surface = std::string(StripPossessive(
      std::string_view(text_).substr(m.span.begin, m.span.end - m.span.begin)));
  // Key parts; a run of words joined by hyphens is one part with its words
  // sorted, so "NATO-Russia Council" and "Russia-NATO Council" merge.
  std::vector<std::string> words;
  std::vector<size_t> run_begin;  // where each part starts in `words`
  for (size_t k = b; k < e; ++k) {
    const std::string_view norm = StripPossessive(w_[k].norm);
    const bool latin =
        !norm.empty() && static_cast<unsigned char>(norm[0]) < 0x80;
    // Russian names inflect: merge on stems ("Рябков", "Рябкова").
    std::string word(latin ? norm : std::string_view(w_[k].stem));
    std::erase(word, '.');
    if (IsConnector(k)) continue;
    if (k + 1 == e) m.surname = word;
    const bool hyphenated = k > b && !words.empty() &&
                            w_[k].span.begin == w_[k - 1].span.end + 1 &&
                            text_[w_[k - 1].span.end] == '-';
    if (!hyphenated) run_begin.push_back(words.size());
    words.push_back(std::move(word));
  }
  run_begin.push_back(words.size());
  for (size_t r = 0; r + 1 < run_begin.size(); ++r) {
    std::sort(words.begin() + run_begin[r], words.begin() + run_begin[r + 1]);
  }
  for (const std::string& word : words) {
    if (!m.key.empty()) m.key += ' ';
    m.key += word;
  }
  m.role = std::move(role);
  m.words = static_cast<int>(e - b);
  m.sentence_start = w_[b].sentence_start;
  m.person = person, m.organization = org, m.place = place;
  if (!m.key.empty()) out_.push_back(std::move(m));
}

}  // namespace

std::vector<NameMention> FindNameMentions(const StoryView& view) {
  // The story's words written in lower case, among those a capitalized run
  // may be asked about: a sentence's first word that is not a stopword (or
  // is an acronym), as HandleRun asks. Words with a term id are matched on
  // it first, so that most lower-case words cost no hashing; the same word
  // always has the same id (or none).
  absl::flat_hash_set<std::string_view> starts, other_starts, lower;
  std::vector<bool> start_term(view.terms(), false);
  for (const SentenceRef& s : view.sentences()) {
    const std::span<const int> ids = view.WordTerms(s.words);
    for (size_t k = 0; k < s.words.size(); ++k) {
      const Token& t = s.words[k];
      if (!t.upper_initial || !t.sentence_start) continue;
      if (t.stopword && !AllCaps(view.Text(s.doc, t.span))) continue;
      const int id = ids[k];
      if (id >= 0) {
        start_term[id] = true;
        starts.insert(t.norm);
      } else {
        other_starts.insert(t.norm);
      }
    }
  }
  for (const SentenceRef& s : view.sentences()) {
    const std::span<const int> ids = view.WordTerms(s.words);
    for (size_t k = 0; k < s.words.size(); ++k) {
      const Token& t = s.words[k];
      if (t.upper_initial) continue;
      const int id = ids[k];
      const bool asked =
          id >= 0 ? start_term[id] && starts.contains(t.norm)
                  : !other_starts.empty() && other_starts.contains(t.norm);
      if (asked) lower.insert(t.norm);
    }
  }
  std::vector<NameMention> out;
  for (const SentenceRef& s : view.sentences()) {
    SentenceScanner(view, s, lower, out).Scan();
  }
  return out;
}

}  // namespace storyline::story
