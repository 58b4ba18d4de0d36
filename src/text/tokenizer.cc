#include "text/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <cassert>

#include "text/unicode.h"
#include "text/word_scanner.h"

namespace storyline::text {

uint64_t HashStem(std::string_view stem) {
  return XXH3_64bits(stem.data(), stem.size());
}

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  std::vector<ScannedWord> scanned;  // reused between calls
};

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  status = U_ZERO_ERROR;
  // "ss=standard" suppresses breaks after common abbreviations ("Mr.").
  impl_->sentences.reset(icu::BreakIterator::createSentenceInstance(
      icu::Locale("en@ss=standard"), status));
  assert(impl_->words && impl_->sentences);
}

Tokenizer::~Tokenizer() = default;

namespace {

// Runs `iter` over UTF-8 `text` and calls fn(begin, end, rule_status) for
// every segment.
template <typename Fn>
void Segment(icu::BreakIterator& iter, std::string_view text, Fn fn) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(),
                             static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  iter.setText(ut, status);
  if (U_SUCCESS(status)) {
    int32_t begin = iter.first();
    for (int32_t end = iter.next(); end != icu::BreakIterator::DONE;
         begin = end, end = iter.next()) {
      fn(begin, end, iter.getRuleStatus());
    }
  }
  utext_close(ut);
}

UChar32 FirstCodePoint(std::string_view s) {
  UChar32 c = 0;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i,
          static_cast<int32_t>(s.size()), c);
  return c;
}

bool EndsSentence(std::string_view between_words) {
  return std::any_of(between_words.begin(), between_words.end(), OpensSentence);
}

Token MakeToken(std::string_view text, uint32_t begin, uint32_t end,
                bool is_number, bool sentence_start) {
  Token token;
  const std::string_view piece = text.substr(begin, end - begin);
  token.span = {begin, end};
  token.norm = FoldCase(piece);
  token.is_number = is_number;
  const auto first = static_cast<unsigned char>(piece.empty() ? 0 : piece[0]);
  token.upper_initial = first < 0x80 ? first >= 'A' && first <= 'Z'
                                     : u_isupper(FirstCodePoint(piece)) != 0;
  token.sentence_start = sentence_start;
  return token;
}

}  // namespace

void Tokenizer::Scan(std::string_view text) {
  std::vector<ScannedWord>& words = impl_->scanned;
  words.clear();
  ScanWords(text, words,
            [&](uint32_t begin, uint32_t end, bool& sentence_start,
                std::vector<ScannedWord>& out) {
              Segment(
                  *impl_->words, text.substr(begin, end - begin),
                  [&](int32_t b, int32_t e, int32_t rule) {
                    if (rule == UBRK_WORD_NONE) {
                      if (EndsSentence(text.substr(begin + b, e - b))) {
                        sentence_start = true;
                      }
                      return;
                    }
                    out.push_back({begin + static_cast<uint32_t>(b),
                                   begin + static_cast<uint32_t>(e),
                                   rule < UBRK_WORD_LETTER, sentence_start});
                    sentence_start = false;
                  });
            });
}

std::vector<Token> Tokenizer::Words(std::string_view text) {
  Scan(text);
  std::vector<Token> tokens;
  tokens.reserve(impl_->scanned.size());
  for (const ScannedWord& w : impl_->scanned) {
    tokens.push_back(
        MakeToken(text, w.begin, w.end, w.is_number, w.sentence_start));
  }
  return tokens;
}

void Tokenizer::WordSpans(std::string_view text, std::vector<Span>& out) {
  Scan(text);
  out.clear();
  out.reserve(impl_->scanned.size());
  for (const ScannedWord& w : impl_->scanned) out.push_back({w.begin, w.end});
}

std::vector<Token> Tokenizer::IcuWords(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 6);
  bool at_sentence_start = true;
  Segment(*impl_->words, text, [&](int32_t begin, int32_t end, int32_t rule) {
    if (rule == UBRK_WORD_NONE) {
      if (EndsSentence(text.substr(begin, end - begin))) {
        at_sentence_start = true;
      }
      return;
    }
    tokens.push_back(MakeToken(text, static_cast<uint32_t>(begin),
                               static_cast<uint32_t>(end),
                               rule < UBRK_WORD_LETTER, at_sentence_start));
    at_sentence_start = false;
  });
  return tokens;
}

std::vector<Span> Tokenizer::Sentences(std::string_view text) {
  std::vector<Span> spans;
  auto is_space = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  };
  Segment(*impl_->sentences, text, [&](int32_t begin, int32_t end, int32_t) {
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    if (begin < end) {
      spans.push_back(
          {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    }
  });
  return spans;
}

}  // namespace storyline::text
