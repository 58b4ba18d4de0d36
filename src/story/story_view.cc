#include "story/story_view.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace storyline::story {
namespace {

void Normalize(SparseVector& v) {
  double norm = 0;
  for (const auto& [id, w] : v) norm += static_cast<double>(w) * w;
  if (norm <= 0) return;
  const double scale = 1 / std::sqrt(norm);
  for (auto& [id, w] : v) w = static_cast<float>(w * scale);
}

}  // namespace

double Cosine(const SparseVector& a, const SparseVector& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (a[i].first > b[j].first) {
      ++j;
    } else {
      dot += static_cast<double>(a[i++].second) * b[j++].second;
    }
  }
  return dot;
}

StoryView::StoryView(const StoryCorpus& corpus, std::span<const int> docs)
    : corpus_(corpus), docs_(docs.begin(), docs.end()) {
  std::stable_sort(docs_.begin(), docs_.end(), [&](int a, int b) {
    const auto& da = corpus.docs[a].published;
    const auto& db = corpus.docs[b].published;
    if (da.has_value() != db.has_value()) return da.has_value();
    return da && *da < *db;
  });
  for (const int d : docs_) {
    const DocAnalysis& a = analysis(d);
    word_terms_of_[d] = array_terms_.size();
    array_terms_.push_back(
        {a.words.data(), a.words.data() + a.words.size(), AddTerms(a.words)});
    array_terms_.push_back({a.title_words.data(),
                            a.title_words.data() + a.title_words.size(),
                            AddTerms(a.title_words)});
    const std::string& text = doc(d).text;
    int paragraph = 0;
    size_t scanned = 0;
    const size_t first_sentence = sentences_.size();
    for (size_t s = 0; s < a.sentences.size(); ++s) {
      const Span span = a.sentences[s];
      for (; scanned < span.begin; ++scanned)
        paragraph += text[scanned] == '\n';
      size_t end = a.sentence_words[s + 1];
      const size_t begin = std::min(a.sentence_words[s], end);
      while (end > begin && a.words[end - 1].span.begin >= span.end) --end;
      sentences_.push_back({d, static_cast<int>(s), paragraph, span,
                            std::span(a.words).subspan(begin, end - begin)});
    }
    sentence_range_[d] = {first_sentence, sentences_.size()};
  }
  // Sorted by address for TermsAt; word_terms_of_ follows the move.
  std::vector<size_t> order(array_terms_.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return std::less<const text::Token*>()(array_terms_[x].begin,
                                           array_terms_[y].begin);
  });
  std::vector<size_t> where(order.size());
  for (size_t k = 0; k < order.size(); ++k) where[order[k]] = k;
  std::vector<ArrayTerms> sorted;
  sorted.reserve(order.size());
  for (const size_t k : order) sorted.push_back(std::move(array_terms_[k]));
  array_terms_ = std::move(sorted);
  for (auto& [d, k] : word_terms_of_) k = where[k];
  idf_.reserve(stems_.size());
  for (const uint64_t key : stem_keys_) idf_.push_back(corpus.IdfOfKey(key));
  // The centroid weighs each document equally, so a long article does not
  // pull the summary towards its own side topics.
  term_counts_.assign(stems_.size(), 0);
  std::vector<double> sum(stems_.size(), 0);
  for (const int d : docs_) {
    for (const auto& [id, w] : Vectorize(analysis(d).words)) sum[id] += w;
  }
  SparseVector centroid;
  for (int id = 0; id < static_cast<int>(sum.size()); ++id) {
    if (sum[id] > 0) centroid.push_back({id, static_cast<float>(sum[id])});
  }
  Normalize(centroid);
  centroid_.assign(stems_.size(), 0);
  for (const auto& [id, w] : centroid) centroid_[id] = w;
}

double StoryView::CentroidCosine(const SparseVector& v) const {
  // Products in term order, as Cosine adds them; an absent term adds 0.
  double dot = 0;
  for (const auto& [id, w] : v) {
    dot += static_cast<double>(w) * centroid_[id];
  }
  return dot;
}

std::vector<int> StoryView::AddTerms(std::span<const text::Token> words) {
  std::vector<int> ids(words.size(), -1);
  for (size_t k = 0; k < words.size(); ++k) {
    const text::Token& t = words[k];
    if (!IsContent(t)) continue;
    const uint64_t key = text::StemHash(t);
    const auto [it, added] =
        term_ids_.try_emplace(key, static_cast<int>(stems_.size()));
    if (added) {
      stems_.push_back(t.stem);
      stem_keys_.push_back(key);
    }
    ids[k] = it->second;
  }
  return ids;
}

const int* StoryView::TermsAt(std::span<const text::Token> words) const {
  if (words.empty()) return nullptr;
  const text::Token* first = words.data();
  // The last array that starts at or before `first`.
  auto it =
      std::upper_bound(array_terms_.begin(), array_terms_.end(), first,
                       [](const text::Token* p, const ArrayTerms& a) {
                         return std::less<const text::Token*>()(p, a.begin);
                       });
  if (it == array_terms_.begin()) return nullptr;
  --it;
  const text::Token* last = first + words.size();
  if (std::less<const text::Token*>()(it->end, last)) return nullptr;
  return it->ids.data() + (first - it->begin);
}

std::span<const int> StoryView::WordTerms(
    std::span<const text::Token> words) const {
  if (const int* known = TermsAt(words)) return {known, words.size()};
  looked_up_.clear();
  for (const text::Token& t : words) {
    const auto it =
        IsContent(t) ? term_ids_.find(text::StemHash(t)) : term_ids_.end();
    looked_up_.push_back(it == term_ids_.end() ? -1 : it->second);
  }
  return looked_up_;
}

std::span<const int> StoryView::WordTerms(int doc) const {
  const auto it = word_terms_of_.find(doc);
  if (it == word_terms_of_.end()) return {};
  return array_terms_[it->second].ids;
}

std::span<const SentenceRef> StoryView::SentencesOf(int doc) const {
  const auto it = sentence_range_.find(doc);
  if (it == sentence_range_.end()) return {};
  const auto [begin, end] = it->second;
  return std::span(sentences_).subspan(begin, end - begin);
}

size_t StoryView::FirstSentenceOf(int doc) const {
  const auto it = sentence_range_.find(doc);
  return it == sentence_range_.end() ? sentences_.size() : it->second.first;
}

std::string_view StoryView::Text(int d, Span span) const {
  const std::string& text = doc(d).text;
  if (span.begin > text.size() || span.end > text.size() ||
      span.end < span.begin) {
    return {};
  }
  return std::string_view(text).substr(span.begin, span.end - span.begin);
}

SparseVector StoryView::Vectorize(std::span<const text::Token> words) const {
  // Counted by term id in a dense array, then listed in id order.
  std::vector<int>& ids = counted_ids_;
  ids.clear();
  auto count = [&](int id) {
    if (term_counts_[id]++ == 0) ids.push_back(id);
  };
  for (const int id : WordTerms(words)) {
    if (id >= 0) count(id);
  }
  std::sort(ids.begin(), ids.end());
  SparseVector merged;
  merged.reserve(ids.size());
  for (const int id : ids) {
    merged.push_back({id, static_cast<float>(term_counts_[id])});
    term_counts_[id] = 0;
  }
  // Sublinear tf: a word repeated in one sentence is not that much more
  // central.
  for (auto& [id, w] : merged) {
    w = static_cast<float>((1 + std::log(w)) * idf_[id]);
  }
  Normalize(merged);
  return merged;
}

}  // namespace storyline::story
