#include "eval/rouge.h"

#include <algorithm>
#include <map>

namespace storyline::eval {
namespace {

using Counts = std::map<std::string, int>;

Counts NGrams(const std::vector<std::string>& words, int n) {
  Counts counts;
  for (size_t i = 0; i + n <= words.size(); ++i) {
    std::string gram = words[i];
    for (int k = 1; k < n; ++k) gram += ' ' + words[i + k];
    ++counts[gram];
  }
  return counts;
}

int Total(const Counts& c) {
  int n = 0;
  for (const auto& [gram, count] : c) n += count;
  return n;
}

RougeScore Pooled(const Counts& candidate,
                  const std::vector<Counts>& references) {
  long hits = 0, reference_total = 0;
  for (const Counts& ref : references) {
    reference_total += Total(ref);
    for (const auto& [gram, count] : ref) {
      const auto it = candidate.find(gram);
      if (it != candidate.end()) hits += std::min(count, it->second);
    }
  }
  RougeScore s;
  const long candidate_total =
      static_cast<long>(references.size()) * Total(candidate);
  if (reference_total > 0)
    s.recall = static_cast<double>(hits) / reference_total;
  if (candidate_total > 0)
    s.precision = static_cast<double>(hits) / candidate_total;
  if (s.recall + s.precision > 0) {
    s.f1 = 2 * s.recall * s.precision / (s.recall + s.precision);
  }
  return s;
}

}  // namespace

std::vector<std::string> RougeScorer::Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(stemmer_.Stem(word, Lang::kEn));
    word.clear();
  };
  for (const char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
    } else if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c - 'A' + 'a');
    } else {
      flush();
    }
  }
  flush();
  return words;
}

RougeResult RougeScorer::Score(std::string_view candidate,
                               const std::vector<std::string>& references) {
  const std::vector<std::string> cand = Words(candidate);
  RougeResult result;
  for (const int n : {1, 2}) {
    std::vector<Counts> refs;
    for (const std::string& r : references) refs.push_back(NGrams(Words(r), n));
    (n == 1 ? result.rouge1 : result.rouge2) = Pooled(NGrams(cand, n), refs);
  }
  return result;
}

std::string FirstWords(std::string_view text, int max_words) {
  std::string out;
  int words = 0;
  size_t i = 0;
  while (i < text.size() && words < max_words) {
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\n' || text[i] == '\t'))
      ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n' &&
           text[i] != '\t')
      ++i;
    if (i > start) {
      if (!out.empty()) out += ' ';
      out.append(text.substr(start, i - start));
      ++words;
    }
  }
  return out;
}

RougeResult Average(const std::vector<RougeResult>& results) {
  RougeResult avg;
  if (results.empty()) return avg;
  auto add = [](RougeScore& a, const RougeScore& b) {
    a.recall += b.recall, a.precision += b.precision, a.f1 += b.f1;
  };
  for (const RougeResult& r : results)
    add(avg.rouge1, r.rouge1), add(avg.rouge2, r.rouge2);
  const double n = static_cast<double>(results.size());
  for (RougeScore* s : {&avg.rouge1, &avg.rouge2}) {
    s->recall /= n, s->precision /= n, s->f1 /= n;
  }
  return avg;
}

}  // namespace storyline::eval
