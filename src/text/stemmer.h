// Snowball stemming for English and Russian.
#pragma once

#include <string>
#include <string_view>

#include "storyline/types.h"

struct sb_stemmer;

namespace storyline::text {

// Not thread-safe (libstemmer keeps state per stemmer): one per thread.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;  // owns libstemmer handles
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of a case-folded word. Words of other languages, and words
  // whose script does not match `lang`, are stemmed by their own script:
  // Cyrillic with the Russian stemmer, Latin with the English one. Callers
  // that see the same words again keep the stems (text::Analyzer does).
  std::string Stem(std::string_view folded_word, Lang lang);

 private:
  sb_stemmer* english_;
  sb_stemmer* russian_;
};

}  // namespace storyline::text
