#include "story/corpus.h"

#include <algorithm>
#include <boost/sort/pdqsort/pdqsort.hpp>
#include <cmath>
#include <memory>

#include "absl/container/flat_hash_set.h"
#include "base/parallel.h"
#include "text/analyzer.h"

namespace storyline::story {

namespace {

// Sentences, and where each starts among the words already set.
void AddSentences(text::Analyzer& analyzer, const Document& doc,
                  DocAnalysis& a) {
  a.analysed = true;
  a.sentences = analyzer.Sentences(doc.text);
  // Words and sentences are both in text order: one merge pass. A
  // sentence's word range ends where the next begins (StoryView trims
  // words past its end).
  size_t w = 0;
  for (const Span& s : a.sentences) {
    while (w < a.words.size() && a.words[w].span.begin < s.begin) ++w;
    a.sentence_words.push_back(w);
  }
  a.sentence_words.push_back(a.words.size());
}

}  // namespace

DocAnalysis Analyse(text::Analyzer& analyzer, const Document& doc) {
  DocAnalysis a;
  a.words = analyzer.Words(doc.text, doc.lang);
  a.title_words = analyzer.Words(doc.title, doc.lang);
  AddSentences(analyzer, doc, a);
  return a;
}

DocAnalysis Analyse(text::Analyzer& analyzer, const Document& doc,
                    const text::KeptTexts& kept, int d) {
  const text::KeptTexts::Doc& words = kept.docs[d];
  const text::Lexicon& lexicon = kept.lexicons[words.lexicon];
  DocAnalysis a;
  a.words = text::RestoreWords(words.body, lexicon, doc.text);
  a.title_words = text::RestoreWords(words.title, lexicon, doc.title);
  AddSentences(analyzer, doc, a);
  return a;
}

bool IsContent(const text::Token& token) {
  return !token.stopword && !token.is_number && token.stem.size() >= 2;
}

std::vector<uint64_t> ContentStemKeys(std::span<const text::Token> words) {
  std::vector<uint64_t> keys;
  for (const text::Token& t : words) {
    if (IsContent(t)) keys.push_back(text::StemHash(t));
  }
  // Hashes sort faster without a branch per comparison.
  boost::sort::pdqsort_branchless(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

void CountContentStems(std::span<const text::Token> words, StemDf& df) {
  for (const uint64_t key : ContentStemKeys(words)) ++df[key];
}

double StoryCorpus::IdfOfKey(uint64_t key) const {
  if (analysed_docs < 2) return 1;
  const auto it = df.find(key);
  const int n = it == df.end() ? 1 : it->second;
  return std::log(1.0 + static_cast<double>(analysed_docs) / n);
}

StoryCorpus BuildCorpus(std::span<const Document> docs,
                        std::span<const int> which, int threads) {
  StoryCorpus corpus;
  corpus.docs = docs;
  corpus.analyses.resize(docs.size());
  std::vector<int> ids(which.begin(), which.end());
  if (ids.empty()) {
    for (int d = 0; d < static_cast<int>(docs.size()); ++d) ids.push_back(d);
  }
  PerWorker<text::Analyzer> analyzers(threads);
  ParallelFor(static_cast<int>(ids.size()), threads, 8, [&](int worker, int i) {
    corpus.analyses[ids[i]] = Analyse(analyzers[worker], docs[ids[i]]);
  });
  for (const int d : ids)
    CountContentStems(corpus.analyses[d].words, corpus.df);
  corpus.analysed_docs = static_cast<int>(ids.size());
  return corpus;
}

}  // namespace storyline::story
