#include "text/analyzer.h"

#include "text/stopwords.h"

namespace storyline::text {

std::vector<Token> Analyzer::Words(std::string_view text, Lang lang) {
  std::vector<Token> tokens = tokenizer_.Words(text);
  for (Token& token : tokens) {
    token.stopword = IsStopword(token.norm);
    token.stem = token.is_number ? token.norm : stemmer_.Stem(token.norm, lang);
  }
  return tokens;
}

}  // namespace storyline::text
