#include "cli/eval_pairs.h"

#include <map>

#include "base/strings.h"
#include "cli/common.h"
#include "eval/pair_metrics.h"
#include "fmt/core.h"
#include "nlohmann/json.hpp"

namespace storyline::cli {
namespace {

struct Measure {
  const char* name;
  double eval::PairSimilarity::*field;
  double threshold;
  const char* rule;
};

nlohmann::json ScoreGroup(const std::vector<eval::PairSimilarity>& sims,
                          const std::vector<bool>& positive,
                          const std::vector<Measure>& measures) {
  nlohmann::json out = {
      {"pairs", sims.size()},
      {"positive", std::count(positive.begin(), positive.end(), true)}};
  for (const Measure& m : measures) {
    std::vector<double> scores;
    for (const auto& s : sims) scores.push_back(s.*(m.field));
    const auto pr = eval::AtThreshold(scores, positive, m.threshold);
    out["measures"].push_back({{"measure", m.name},
                               {"rule", m.rule},
                               {"threshold", m.threshold},
                               {"auc", eval::RocAuc(scores, positive)},
                               {"precision", pr.precision},
                               {"recall", pr.recall},
                               {"f1", pr.f1}});
  }
  return out;
}

}  // namespace

int EvalPairs(const std::string& path, bool json,
              const PipelineOptions& options) {
  CollectingErrorSink errors;
  auto pairs = eval::ReadPairs(path, errors);
  if (!pairs.ok()) {
    fmt::print(stderr, "storyline: {}\n", MessageOf(pairs.status()));
    return kFailed;
  }
  const size_t skipped = PrintErrors(errors);
  const auto sims = eval::MeasurePairs(*pairs, options);
  const std::vector<Measure> measures = {
      {"cosine", &eval::PairSimilarity::cosine, options.cluster.event_threshold,
       "same event"},
      {"cosine", &eval::PairSimilarity::cosine, options.cluster.story_threshold,
       "same story"},
      {"jaccard", &eval::PairSimilarity::jaccard,
       options.dedup.near_duplicate_jaccard, "near-duplicate"},
      {"containment", &eval::PairSimilarity::containment,
       options.dedup.min_containment, "reused passage"}};
  // Per language, in code order ("en", "ru", ...).
  std::map<std::string,
           std::pair<std::vector<eval::PairSimilarity>, std::vector<bool>>>
      groups;
  for (size_t i = 0; i < pairs->size(); ++i) {
    auto& group = groups[std::string(LangCode((*pairs)[i].lang))];
    group.first.push_back(sims[i]);
    group.second.push_back(eval::IsPositive((*pairs)[i].label));
  }
  nlohmann::json out = {{"dataset", path}};
  for (const auto& [lang, group] : groups) {
    out["languages"][lang.empty() ? "unknown" : lang] =
        ScoreGroup(group.first, group.second, measures);
  }
  if (json) {
    fmt::print("{}\n", out.dump(2));
  } else {
    fmt::print("{}\n", path);
    for (const auto& [lang, scores] : out["languages"].items()) {
      fmt::print("  {}: {} pairs, {} positive\n", lang,
                 scores["pairs"].get<int>(), scores["positive"].get<int>());
      for (const auto& m : scores["measures"]) {
        fmt::print(
            "    {:<12} {:<15} >= {:<5} AUC {:.3f}  P {:.3f}  R {:.3f}  F1 "
            "{:.3f}\n",
            m["measure"].get<std::string>(), m["rule"].get<std::string>(),
            m["threshold"].get<double>(), m["auc"].get<double>(),
            m["precision"].get<double>(), m["recall"].get<double>(),
            m["f1"].get<double>());
      }
    }
  }
  return skipped > 0 ? kSkippedInput : kOk;
}

}  // namespace storyline::cli
