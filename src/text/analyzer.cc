#include "text/analyzer.h"

#include <utility>

#include "text/stopwords.h"

namespace storyline::text {

std::vector<Token> Analyzer::Words(std::string_view text, Lang lang,
                                   std::vector<uint32_t>& entries) {
  keep_lexicon_ = true;
  entries.clear();
  return Analyze(text, lang, &entries);
}

Lexicon Analyzer::TakeLexicon() {
  known_.clear();  // its entries point into the lexicon given away
  keep_lexicon_ = false;
  return std::exchange(lexicon_, {});
}

std::vector<Token> Analyzer::Analyze(std::string_view text, Lang lang,
                                     std::vector<uint32_t>* entries) {
  std::vector<Token> tokens = tokenizer_.Words(text);
  if (entries) entries->reserve(tokens.size());
  for (Token& token : tokens) {
    if (token.is_number) {
      AnalyzeNumber(token);
      if (entries) entries->push_back(kNoEntry);
      continue;
    }
    // absl's heterogeneous lookup takes its own string_view type.
    auto it = known_.find(absl::string_view(token.norm));
    if (it == known_.end()) {
      // A rare, cheap reset, unless kept words still refer to the entries.
      if (known_.size() >= kKnownWords && !keep_lexicon_) known_.clear();
      std::string stem = stemmer_.Stem(token.norm, lang);
      const uint64_t stem_hash = HashStem(stem);
      it = known_
               .emplace(token.norm, KnownWord{std::move(stem), stem_hash,
                                              IsStopword(token.norm)})
               .first;
    }
    KnownWord& known = it->second;
    token.stem = known.stem;
    token.stem_hash = known.stem_hash;
    token.stopword = known.stopword;
    if (!entries) continue;
    if (known.entry == kNoEntry) {
      known.entry = static_cast<uint32_t>(lexicon_.size());
      lexicon_.push_back(
          {token.norm, known.stem, known.stem_hash, known.stopword});
    }
    entries->push_back(known.entry);
  }
  return tokens;
}

}  // namespace storyline::text
