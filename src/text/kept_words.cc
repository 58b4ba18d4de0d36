#include "text/kept_words.h"

#include <cassert>

#include "text/stopwords.h"
#include "text/unicode.h"

namespace storyline::text {
namespace {

enum Flag : uint32_t {
  kNumber = 1,
  kUpperInitial = 2,
  kSentenceStart = 4,
};

// Fields of a code: (shift, bits). All ones in a field means "too large:
// the value is in the next code".
constexpr int kGapShift = 0, kGapBits = 3;
constexpr int kLengthShift = 3, kLengthBits = 5;
constexpr int kFlagShift = 8;
constexpr int kEntryShift = 11, kEntryBits = 21;
// A number's entry (kNoEntry) in the entry field.
constexpr uint32_t kNumberEntry = (1u << kEntryBits) - 2;

constexpr uint32_t Escape(int bits) { return (1u << bits) - 1; }

// The field's value, or its escape with `value` appended after the code.
uint32_t Field(uint32_t value, int bits, std::vector<uint32_t>& extra) {
  if (value < Escape(bits)) return value;
  extra.push_back(value);
  return Escape(bits);
}

}  // namespace

void AnalyzeNumber(Token& token) {
  token.stopword = IsStopword(token.norm);
  token.stem = token.norm;
  token.stem_hash = HashStem(token.stem);
}

void KeepWords(std::span<const Token> tokens, std::span<const uint32_t> entries,
               std::vector<KeptWord>& out) {
  assert(entries.size() == tokens.size());
  std::vector<KeptWord> codes, extra;
  codes.reserve(tokens.size());
  uint32_t end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    extra.clear();
    uint32_t code = Field(t.span.begin - end, kGapBits, extra) << kGapShift;
    code |= Field(t.span.end - t.span.begin, kLengthBits, extra)
            << kLengthShift;
    uint32_t flags = 0;
    if (t.is_number) flags |= kNumber;
    if (t.upper_initial) flags |= kUpperInitial;
    if (t.sentence_start) flags |= kSentenceStart;
    code |= flags << kFlagShift;
    uint32_t entry = kNumberEntry;
    if (entries[i] != kNoEntry) {
      entry = entries[i] < kNumberEntry ? entries[i] : Escape(kEntryBits);
      if (entry == Escape(kEntryBits)) extra.push_back(entries[i]);
    }
    code |= entry << kEntryShift;
    codes.push_back(code);
    codes.insert(codes.end(), extra.begin(), extra.end());
    end = t.span.end;
  }
  // Kept for long: no slack.
  out.reserve(out.size() + codes.size());
  out.insert(out.end(), codes.begin(), codes.end());
}

bool KeptWordReader::Next() {
  if (at_ >= words_.size()) return false;
  const uint32_t code = words_[at_++];
  auto field = [&](int shift, int bits) {
    const uint32_t value = (code >> shift) & Escape(bits);
    return value == Escape(bits) ? words_[at_++] : value;
  };
  span_.begin = span_.end + field(kGapShift, kGapBits);
  span_.end = span_.begin + field(kLengthShift, kLengthBits);
  flags_ = code >> kFlagShift;
  entry_ = code >> kEntryShift;
  if (entry_ == kNumberEntry) {
    entry_ = kNoEntry;
  } else if (entry_ == Escape(kEntryBits)) {
    entry_ = words_[at_++];
  }
  return true;
}

bool KeptWordReader::is_number() const { return (flags_ & kNumber) != 0; }
bool KeptWordReader::upper_initial() const {
  return (flags_ & kUpperInitial) != 0;
}
bool KeptWordReader::sentence_start() const {
  return (flags_ & kSentenceStart) != 0;
}

std::string_view KeptWordReader::Norm(const Lexicon& lexicon,
                                      std::string_view text,
                                      std::string& scratch) const {
  if (entry_ != kNoEntry) return lexicon[entry_].norm;
  FoldCaseInto(text.substr(span_.begin, span_.end - span_.begin), scratch);
  return scratch;
}

void PrefetchEntries::Next() {
  if (!ahead_.Next()) return;
  if (ahead_.entry() == kNoEntry) return;
  // An entry may straddle two cache lines: ask for both of its ends.
  const char* entry = reinterpret_cast<const char*>(&lexicon_[ahead_.entry()]);
  __builtin_prefetch(entry);
  __builtin_prefetch(entry + sizeof(LexiconEntry) - 1);
}

std::vector<Token> RestoreWords(std::span<const KeptWord> words,
                                const Lexicon& lexicon, std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(words.size());
  PrefetchEntries prefetch(words, lexicon);
  for (KeptWordReader r(words); r.Next();) {
    prefetch.Next();
    Token& t = tokens.emplace_back();
    t.span = r.span();
    t.is_number = r.is_number();
    t.upper_initial = r.upper_initial();
    t.sentence_start = r.sentence_start();
    if (r.entry() == kNoEntry) {
      r.Norm(lexicon, text, t.norm);
      AnalyzeNumber(t);
      continue;
    }
    const LexiconEntry& e = lexicon[r.entry()];
    t.norm = e.norm;
    t.stem = e.stem;
    t.stem_hash = e.stem_hash;
    t.stopword = e.stopword;
  }
  return tokens;
}

}  // namespace storyline::text
