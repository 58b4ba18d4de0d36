#include "text/analyzer.h"

#include "text/stopwords.h"

namespace storyline::text {

std::vector<Token> Analyzer::Words(std::string_view text, Lang lang) {
  std::vector<Token> tokens = tokenizer_.Words(text);
  for (Token& token : tokens) {
    if (token.is_number) {
      token.stopword = IsStopword(token.norm);
      token.stem = token.norm;
      token.stem_hash = HashStem(token.stem);
      continue;
    }
    // absl's heterogeneous lookup takes its own string_view type.
    auto it = known_.find(absl::string_view(token.norm));
    if (it == known_.end()) {
      if (known_.size() >= kKnownWords) known_.clear();  // rare, cheap reset
      std::string stem = stemmer_.Stem(token.norm, lang);
      const uint64_t stem_hash = HashStem(stem);
      it = known_
               .emplace(token.norm, KnownWord{std::move(stem), stem_hash,
                                              IsStopword(token.norm)})
               .first;
    }
    token.stem = it->second.stem;
    token.stem_hash = it->second.stem_hash;
    token.stopword = it->second.stopword;
  }
  return tokens;
}

}  // namespace storyline::text
