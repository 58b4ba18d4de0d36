// Snowball stemming for English and Russian.
#pragma once

#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
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
  // Cyrillic with the Russian stemmer, Latin with the English one.
  // Remembers the stems of the words it has seen (news vocabulary is
  // Zipfian, so most calls are a lookup), up to kCacheWords of them.
  std::string Stem(std::string_view folded_word, Lang lang);

 private:
  static constexpr size_t kCacheWords = 1 << 18;

  std::string StemUncached(std::string_view folded_word);

  sb_stemmer* english_;
  sb_stemmer* russian_;
  absl::flat_hash_map<std::string, std::string> cache_;
};

}  // namespace storyline::text
