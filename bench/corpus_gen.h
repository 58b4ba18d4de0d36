// A large, realistic news stream grown from a small labeled corpus, for
// end-to-end benchmarks. Deterministic for a given seed; nothing is written
// unless the caller writes it.
//
// The base corpus is replayed in "epochs". Within an epoch every base
// article appears once as an outlet's own version (lightly edited: a moved
// paragraph, a few dropped words) and some are reprinted by other outlets
// (new id and source, dropped and changed words, a cut tail, a day later).
// Each epoch covers the next `epoch_days` (events keep their articles'
// spread in time but are moved into the epoch) and renames the content words
// with its own seeded mapping, so epochs are different events written in
// real English words: within an epoch the clustering structure of the base
// corpus is kept (gold label = epoch + base label), across epochs texts
// share only function words and chance collisions, as distinct news does.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/time/civil_time.h"
#include "corpus.h"

namespace storyline::bench {

struct GeneratorOptions {
  uint64_t seed = 42;
  double reprint_rate = 0.3;         // articles reprinted by another outlet
  double second_reprint_rate = 0.1;  // of those, reprinted by a second one
  // Days each epoch covers: articles per day stay constant as the stream
  // grows, as in a real feed (7: about 260 a day from the dev sets).
  int epoch_days = 7;
  // A crawled stream dates every article: undated base articles get their
  // event's day plus up to a day. Off keeps them undated, the engine's
  // worst case (no time window prunes their comparisons).
  bool date_undated = true;
  // Every article (the outlet's own version).
  double move_paragraph_rate = 0.2;
  double drop_word_rate = 0.01;
  // Reprints.
  double reprint_drop_word_rate = 0.03;
  double reprint_change_word_rate = 0.02;
  double truncate_rate = 0.3;  // drop up to a third of the paragraphs
  // The most frequent words (function words) keep their form in every
  // epoch, as do words shorter than 4 bytes and numbers.
  int kept_common_words = 300;
};

struct GeneratedArticle {
  Article article;
  std::string label;    // "<epoch>/<base label>"
  std::string copy_of;  // id of the article this one reprints, or ""
};

class CorpusGenerator {
 public:
  CorpusGenerator(std::vector<LabeledArticle> base, GeneratorOptions options);

  // Calls `emit` for the first `n` articles of the stream, in stream order.
  void Generate(size_t n,
                const std::function<void(GeneratedArticle)>& emit) const;

  size_t base_size() const { return base_.size(); }

 private:
  class Rng;
  std::string Rewrite(std::string_view text, uint64_t epoch, Rng& rng,
                      double drop_rate, double change_rate) const;
  std::string MapWord(std::string_view word, uint64_t epoch) const;
  std::string RandomWord(std::string_view like, Rng& rng) const;
  GeneratedArticle Make(const LabeledArticle& base, uint64_t epoch, int reprint,
                        Rng& rng) const;

  std::vector<LabeledArticle> base_;
  GeneratorOptions options_;
  absl::flat_hash_set<std::string> kept_;  // lower-case common words
  std::vector<std::string> vocabulary_;    // lower-case, sorted
  std::vector<std::string> sources_;       // sorted, unique
  // Earliest date of each base label with a dated article.
  absl::flat_hash_map<std::string, absl::CivilDay> label_day_;
};

}  // namespace storyline::bench
