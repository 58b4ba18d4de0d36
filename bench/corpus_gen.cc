#include "corpus_gen.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "fmt/format.h"

namespace storyline::bench {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64 finalizer
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t HashWord(std::string_view word, uint64_t seed) {
  uint64_t h = 0xcbf29ce484222325ULL ^ Mix(seed);
  for (const char c : word) {
    h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  }
  return Mix(h);
}

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::string Lower(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Gives `word` the letter case of `like`: all capitals or a capital first.
std::string CaseLike(std::string word, std::string_view like) {
  const bool first = !like.empty() && IsUpper(like[0]);
  const bool all = first && like.size() > 1 && IsUpper(like[1]);
  for (size_t i = 0; i < word.size(); ++i) {
    if ((i == 0 && first) || all) {
      if (word[i] >= 'a' && word[i] <= 'z') word[i] = word[i] - 'a' + 'A';
    }
  }
  return word;
}

// Calls on_word for each run of letters and on_other for everything else.
template <typename W, typename O>
void Scan(std::string_view text, W on_word, O on_other) {
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    const bool word = IsWordByte(text[i]);
    while (j < text.size() && IsWordByte(text[j]) == word) ++j;
    if (word) {
      on_word(text.substr(i, j - i));
    } else {
      on_other(text.substr(i, j - i));
    }
    i = j;
  }
}

std::vector<std::string_view> Paragraphs(std::string_view text) {
  std::vector<std::string_view> out;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin) out.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

}  // namespace

constexpr int64_t kMaxEventDays = 6;

class CorpusGenerator::Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() { return Mix(state_++); }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

 private:
  uint64_t state_;
};

CorpusGenerator::CorpusGenerator(std::vector<LabeledArticle> base,
                                 GeneratorOptions options)
    : base_(std::move(base)), options_(options) {
  absl::flat_hash_map<std::string, int64_t> counts;
  for (const auto& item : base_) {
    for (const std::string* text : {&item.article.title, &item.article.body}) {
      Scan(
          *text, [&](std::string_view w) { ++counts[Lower(w)]; },
          [](std::string_view) {});
    }
    if (!item.article.source.empty()) sources_.push_back(item.article.source);
    if (const auto& day = item.article.published) {
      const auto [it, added] = label_day_.try_emplace(item.label, *day);
      if (!added) it->second = std::min(it->second, *day);
    }
  }
  std::vector<std::pair<int64_t, std::string>> by_count;
  for (auto& [word, count] : counts) by_count.emplace_back(-count, word);
  std::sort(by_count.begin(), by_count.end());
  for (size_t i = 0; i < by_count.size(); ++i) {
    const std::string& word = by_count[i].second;
    if (static_cast<int>(i) < options_.kept_common_words) {
      kept_.insert(word);
    } else if (word.size() >= 4) {
      vocabulary_.push_back(word);
    }
  }
  std::sort(vocabulary_.begin(), vocabulary_.end());
  std::sort(sources_.begin(), sources_.end());
  sources_.erase(std::unique(sources_.begin(), sources_.end()), sources_.end());
  if (sources_.size() < 2) sources_ = {"wire.example", "daily.example"};
  if (vocabulary_.empty()) vocabulary_ = {"word"};
}

std::string CorpusGenerator::MapWord(std::string_view word,
                                     uint64_t epoch) const {
  if (epoch == 0 || word.size() < 4) return std::string(word);
  const std::string lower = Lower(word);
  if (kept_.contains(lower)) return std::string(word);
  const uint64_t h = HashWord(lower, options_.seed * 1000003 + epoch);
  return CaseLike(vocabulary_[h % vocabulary_.size()], word);
}

std::string CorpusGenerator::RandomWord(std::string_view like, Rng& rng) const {
  return CaseLike(vocabulary_[rng.Below(vocabulary_.size())], like);
}

std::string CorpusGenerator::Rewrite(std::string_view text, uint64_t epoch,
                                     Rng& rng, double drop_rate,
                                     double change_rate) const {
  std::string out;
  out.reserve(text.size() + 16);
  bool dropped = false;  // swallow the space after a dropped word
  Scan(
      text,
      [&](std::string_view word) {
        const double r = rng.Uniform();
        dropped = r < drop_rate;
        if (dropped) return;
        if (r < drop_rate + change_rate) {
          out += RandomWord(word, rng);
        } else {
          out += MapWord(word, epoch);
        }
      },
      [&](std::string_view other) {
        if (dropped && other.front() == ' ') other.remove_prefix(1);
        out += other;
        dropped = false;
      });
  return out;
}

GeneratedArticle CorpusGenerator::Make(const LabeledArticle& base,
                                       uint64_t epoch, int reprint,
                                       Rng& rng) const {
  const Article& from = base.article;
  GeneratedArticle g;
  Article& a = g.article;
  const std::string own_id = fmt::format("{:04d}-{}", epoch, from.id);
  a.id = reprint == 0 ? own_id : fmt::format("{}-r{}", own_id, reprint);
  g.label = fmt::format("{}/{}", epoch, base.label);
  if (reprint > 0) g.copy_of = own_id;
  a.lang = from.lang;
  a.format = Format::kText;

  auto paragraphs = Paragraphs(from.body);
  if (paragraphs.size() >= 3 && rng.Uniform() < options_.move_paragraph_rate) {
    // An outlet moves one paragraph (never the lead) elsewhere.
    const size_t from_pos = 1 + rng.Below(paragraphs.size() - 1);
    const size_t to_pos = 1 + rng.Below(paragraphs.size() - 1);
    const auto moved = paragraphs[from_pos];
    paragraphs.erase(paragraphs.begin() + from_pos);
    paragraphs.insert(paragraphs.begin() + to_pos, moved);
  }
  double drop = options_.drop_word_rate, change = 0;
  if (reprint > 0) {
    drop = options_.reprint_drop_word_rate;
    change = options_.reprint_change_word_rate;
    if (paragraphs.size() >= 3 && rng.Uniform() < options_.truncate_rate) {
      paragraphs.resize(paragraphs.size() - 1 -
                        rng.Below(paragraphs.size() / 3));
    }
    a.source = sources_[rng.Below(sources_.size())];
    if (a.source == from.source) a.source = sources_[0] + ".reprint";
  } else {
    a.source = from.source;
  }
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) a.body += '\n';
    a.body += Rewrite(paragraphs[i], epoch, rng, drop, change);
  }
  a.title = Rewrite(from.title, epoch, rng, 0, reprint > 0 ? 0.05 : 0);
  a.url = fmt::format("https://{}/{}", a.source, a.id);
  // Epoch e covers days [e * epoch_days, (e + 1) * epoch_days) from
  // 2015-01-01; each event starts on a seeded day of it and its articles
  // keep their distance from the event's first article (up to a week).
  const auto first = label_day_.find(base.label);
  const int event_day =
      static_cast<int>(HashWord(base.label, options_.seed + epoch) %
                       static_cast<uint64_t>(std::max(1, options_.epoch_days)));
  int offset = 0;
  if (from.published && first != label_day_.end()) {
    offset = static_cast<int>(
        std::min<int64_t>(*from.published - first->second, kMaxEventDays));
  } else if (options_.date_undated) {
    offset = static_cast<int>(rng.Below(2));
  } else {
    return g;  // stays undated
  }
  if (reprint > 0) offset += static_cast<int>(rng.Below(2));
  a.published = absl::CivilDay(2015, 1, 1) +
                static_cast<int64_t>(epoch) * options_.epoch_days + event_day +
                offset;
  return g;
}

void CorpusGenerator::Generate(
    size_t n, const std::function<void(GeneratedArticle)>& emit) const {
  if (base_.empty()) return;
  size_t emitted = 0;
  std::vector<std::pair<uint64_t, size_t>> order(base_.size());
  for (uint64_t epoch = 0; emitted < n; ++epoch) {
    for (size_t i = 0; i < base_.size(); ++i) {
      order[i] = {Mix(options_.seed ^ Mix(epoch * 65536 + i)), i};
    }
    std::sort(order.begin(), order.end());
    for (const auto& [key, i] : order) {
      Rng rng(key);
      int copies = 0;
      if (rng.Uniform() < options_.reprint_rate) {
        copies = rng.Uniform() < options_.second_reprint_rate ? 2 : 1;
      }
      for (int reprint = 0; reprint <= copies && emitted < n; ++reprint) {
        emit(Make(base_[i], epoch, reprint, rng));
        ++emitted;
      }
      if (emitted >= n) return;
    }
  }
}

}  // namespace storyline::bench
