#include "text/word_scanner.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

#include "base/strings.h"

namespace storyline::text {
namespace {

// The Word_Break classes the fast path models.
enum class Wb : uint8_t {
  kOther,         // breaks on both sides (spaces, most punctuation)
  kLetter,        // ALetter
  kNumeric,       // Numeric
  kMidLetter,     // joins letters: "·"
  kMidNum,        // joins digits: "," ";"
  kMidNumLet,     // joins either: "." "’" and the apostrophe (Single_Quote)
  kExtendNumLet,  // joins letters, digits and itself: "_"
  kExtend,        // Extend, Format, ZWJ: part of the character before (WB4)
  kUnsupported,   // anything else: leave the text to ICU
};

// Scripts and symbols the fast path may meet; outside them, give up early
// (Han, Thai, Hebrew... need ICU's dictionaries or extra rules).
bool InModelledBlock(UChar32 c) {
  return c < 0x0530 ||  // Latin, IPA, combining marks, Greek, Cyrillic
         (c >= 0x2000 && c < 0x2070) ||  // general punctuation
         (c >= 0x20A0 && c < 0x20C0) ||  // currency
         (c >= 0x2100 && c < 0x2200) ||  // letterlike, number forms, arrows
         (c >= 0x2200 && c < 0x2300);    // mathematical operators
}

Wb Classify(UChar32 c) {
  if (!InModelledBlock(c)) return Wb::kUnsupported;
  if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) {
    return Wb::kUnsupported;  // emoji sequences have rules of their own
  }
  // ICU's root rules count "@" as a letter, so that "@handle" and
  // "name@example.org" are one word each.
  if (c == '@') return Wb::kLetter;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
      return Wb::kLetter;
    case U_WB_NUMERIC:
      return Wb::kNumeric;
    case U_WB_MIDLETTER:
      // ICU's root rules (as CLDR's) take ":" and its full-width forms out
      // of MidLetter: "foo:bar" is two words.
      return c == ':' ? Wb::kOther : Wb::kMidLetter;
    case U_WB_MIDNUM:
      return Wb::kMidNum;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return Wb::kMidNumLet;
    case U_WB_EXTENDNUMLET:
      return Wb::kExtendNumLet;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
    case U_WB_ZWJ:  // joins emoji, which the fast path leaves to ICU
      return Wb::kExtend;
    case U_WB_OTHER:
    case U_WB_CR:
    case U_WB_LF:
    case U_WB_NEWLINE:
    case U_WB_WSEGSPACE:
    case U_WB_DOUBLE_QUOTE:  // joins only Hebrew letters, which we leave
      return Wb::kOther;
    default:  // Katakana, Hebrew, Regional_Indicator
      return Wb::kUnsupported;
  }
}

// Classes of every code point below kTableEnd (all the modelled blocks),
// looked up once from ICU.
constexpr UChar32 kTableEnd = 0x2300;

const std::array<Wb, kTableEnd>& ClassTable() {
  static const std::array<Wb, kTableEnd> table = [] {
    std::array<Wb, kTableEnd> t{};
    for (UChar32 c = 0; c < kTableEnd; ++c) t[c] = Classify(c);
    return t;
  }();
  return table;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text)
      : bytes_(reinterpret_cast<const uint8_t*>(text.data())),
        size_(static_cast<int32_t>(text.size())),
        table_(ClassTable()) {}

  // Class of the character at `at` and the offset after it.
  Wb At(int32_t at, int32_t& next) const {
    if (at >= size_) {
      next = at;
      return Wb::kOther;
    }
    if (bytes_[at] < 0x80) {
      next = at + 1;
      return table_[bytes_[at]];
    }
    UChar32 c;
    next = at;
    U8_NEXT(bytes_, next, size_, c);
    if (c >= 0 && c < kTableEnd) return table_[c];
    // The replacement character stands in for undecodable bytes in any
    // script; it breaks like punctuation.
    return c == 0xFFFD ? Wb::kOther : Wb::kUnsupported;
  }

  // Like At(), but past any Extend/Format characters that follow: WB4
  // lets them vanish into the character before.
  Wb AtPastExtend(int32_t at, int32_t& next) const {
    const Wb wb = At(at, next);
    if (wb == Wb::kUnsupported) return wb;
    // No ASCII character is Extend or Format: most text never looks further.
    for (int32_t after; next < size_ && bytes_[next] >= 0x80 &&
                        At(next, after) == Wb::kExtend;) {
      next = after;
    }
    return wb;
  }

  // Scans on from `i`, appending words, until the end of the text (returns
  // size) or a character the scanner does not model (returns where it is).
  int32_t Run(int32_t i, bool& sentence_start, std::vector<ScannedWord>& out) {
    while (i < size_) {
      int32_t next;
      const Wb wb = AtPastExtend(i, next);
      if (wb == Wb::kUnsupported) return i;
      bool starts_word = wb == Wb::kLetter || wb == Wb::kNumeric;
      if (wb == Wb::kExtendNumLet) {  // WB13b: "_" needs a partner
        int32_t after;
        const Wb following = AtPastExtend(next, after);
        if (following == Wb::kUnsupported) return next;
        starts_word = following == Wb::kLetter || following == Wb::kNumeric ||
                      following == Wb::kExtendNumLet;
      }
      if (!starts_word) {
        const char b = static_cast<char>(bytes_[i]);
        if (OpensSentence(b)) sentence_start = true;
        if (IsAsciiSpace(b)) {
          chunk_ = {next, out.size(), sentence_start};
        }
        i = next;
        continue;
      }
      ScannedWord word;
      word.begin = static_cast<uint32_t>(i);
      word.sentence_start = sentence_start;
      // ICU's status comes from the last pair of characters: "G7", "U20",
      // "1,000" and "1_" are numbers, "5G", "U.S" and "a_" words.
      Wb last = wb;
      bool number = wb == Wb::kNumeric;
      i = next;
      while (i < size_) {
        const Wb k = AtPastExtend(i, next);
        if (k == Wb::kUnsupported) return i;
        if (k == Wb::kLetter || k == Wb::kNumeric) {  // WB5, WB8-10, WB13b
          number = k == Wb::kNumeric;
          last = k;
          i = next;
          continue;
        }
        if (k == Wb::kExtendNumLet) {  // WB13a
          number = last == Wb::kNumeric;
          last = k;
          i = next;
          continue;
        }
        // WB6/WB7 (letter, mid, letter) and WB11/WB12 (digit, mid, digit).
        const bool joins_letters =
            last == Wb::kLetter && (k == Wb::kMidLetter || k == Wb::kMidNumLet);
        const bool joins_digits =
            last == Wb::kNumeric && (k == Wb::kMidNum || k == Wb::kMidNumLet);
        if (!joins_letters && !joins_digits) break;
        int32_t after;
        const Wb following = AtPastExtend(next, after);
        if (following == Wb::kUnsupported) return next;
        if (following != last) break;
        i = after;
      }
      word.end = static_cast<uint32_t>(i);
      word.is_number = number;
      sentence_start = false;
      out.push_back(word);
    }
    return size_;
  }

  // Where the stretch of text around `at` ends: the next ASCII white space.
  int32_t StretchEnd(int32_t at) const {
    while (at < size_ && !IsAsciiSpace(static_cast<char>(bytes_[at]))) ++at;
    return at;
  }

  // The scanner's state after the last ASCII white space: where the
  // stretch holding an unmodelled character starts.
  struct Chunk {
    int32_t begin = 0;
    size_t words = 0;
    bool sentence_start = true;
  };
  const Chunk& chunk() const { return chunk_; }

 private:
  const uint8_t* bytes_;
  int32_t size_;
  const std::array<Wb, kTableEnd>& table_;
  Chunk chunk_;
};

}  // namespace

void ScanWords(std::string_view text, std::vector<ScannedWord>& out,
               ForeignSegmenter foreign) {
  Scanner scanner(text);
  const auto size = static_cast<int32_t>(text.size());
  bool sentence_start = true;
  for (int32_t i = 0; (i = scanner.Run(i, sentence_start, out)) < size;) {
    // Undo the stretch's words so far and let `foreign` segment all of it.
    const Scanner::Chunk chunk = scanner.chunk();
    out.resize(chunk.words);
    sentence_start = chunk.sentence_start;
    const int32_t end = scanner.StretchEnd(i);
    foreign(static_cast<uint32_t>(chunk.begin), static_cast<uint32_t>(end),
            sentence_start, out);
    i = end;
  }
}

bool ScansAlone(std::string_view text) {
  bool sentence_start = true;
  std::vector<ScannedWord> words;
  return Scanner(text).Run(0, sentence_start, words) ==
         static_cast<int32_t>(text.size());
}

}  // namespace storyline::text
