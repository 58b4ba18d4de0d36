#include "text/stemmer.h"

#include <libstemmer.h>

namespace storyline::text {
namespace {

// Cyrillic letters start with lead byte 0xD0..0xD3 in UTF-8.
bool LooksCyrillic(std::string_view word) {
  return !word.empty() && static_cast<unsigned char>(word[0]) >= 0xD0 &&
         static_cast<unsigned char>(word[0]) <= 0xD3;
}

}  // namespace

Stemmer::Stemmer()
    : english_(sb_stemmer_new("english", "UTF_8")),
      russian_(sb_stemmer_new("russian", "UTF_8")) {}

Stemmer::~Stemmer() {
  sb_stemmer_delete(english_);
  sb_stemmer_delete(russian_);
}

std::string Stemmer::Stem(std::string_view folded_word, Lang) {
  // The script decides: Russian articles quote English names and
  // English ones transliterate, so the article language is a poor guide.
  sb_stemmer* stemmer = LooksCyrillic(folded_word) ? russian_ : english_;
  if (stemmer == nullptr || folded_word.size() < 3) {
    return std::string(folded_word);
  }
  const sb_symbol* stem = sb_stemmer_stem(
      stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
      static_cast<int>(folded_word.size()));
  if (stem == nullptr) return std::string(folded_word);
  return std::string(reinterpret_cast<const char*>(stem),
                     sb_stemmer_length(stemmer));
}

}  // namespace storyline::text
