// Finding quoted spans: the marks differ by language and keyboard, and
// news text often leaves a quote open across paragraphs or forever.
#include "story/quotes.h"

namespace storyline::story {
namespace {

enum class Mark {
  kNone,
  kOpen,
  kClose,
  kStraight,
  kGuillemetOpen,
  kGuillemetClose
};

// The quotation mark at `i`, and its length in bytes.
std::pair<Mark, size_t> MarkAt(std::string_view t, size_t i) {
  if (t[i] == '"') return {Mark::kStraight, 1};
  if (t.substr(i, 3) == "“" || t.substr(i, 3) == "„") return {Mark::kOpen, 3};
  if (t.substr(i, 3) == "”") return {Mark::kClose, 3};
  if (t.substr(i, 2) == "«") return {Mark::kGuillemetOpen, 2};
  if (t.substr(i, 2) == "»") return {Mark::kGuillemetClose, 2};
  return {Mark::kNone, 1};
}

}  // namespace

std::vector<Span> FindQuotedSpans(std::string_view text) {
  std::vector<Span> out;
  constexpr size_t kClosed = std::string_view::npos;
  size_t open = kClosed;   // start of the quoted text
  bool guillemet = false;  // inside «…», where “ ” „ are nested marks
  int depth = 0;           // nested «« »»
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '\n') {  // a quote left open at a paragraph end is dropped
      open = kClosed, guillemet = false, depth = 0;
      ++i;
      continue;
    }
    const auto [mark, len] = MarkAt(text, i);
    const size_t next = i + len;
    switch (mark) {
      case Mark::kGuillemetOpen:
        if (open == kClosed) {
          open = next, guillemet = true, depth = 1;
        } else if (guillemet) {
          ++depth;
        }
        break;
      case Mark::kGuillemetClose:
        if (open != kClosed && guillemet && --depth == 0) {
          out.push_back(
              {static_cast<uint32_t>(open), static_cast<uint32_t>(i)});
          open = kClosed, guillemet = false;
        }
        break;
      case Mark::kOpen:
        if (!guillemet) open = next;  // an unclosed earlier “ is abandoned
        break;
      case Mark::kClose:
      case Mark::kStraight:
        if (guillemet) break;
        if (open != kClosed) {
          out.push_back(
              {static_cast<uint32_t>(open), static_cast<uint32_t>(i)});
          open = kClosed;
        } else if (mark == Mark::kStraight) {
          open = next;
        }
        break;
      case Mark::kNone:
        break;
    }
    i = next;
  }
  return out;
}

}  // namespace storyline::story
