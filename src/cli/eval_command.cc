// storyline eval: accuracy on labeled data.
#include <chrono>
#include <fstream>
#include <algorithm>
#include <map>

#include "absl/container/flat_hash_map.h"

#include "fmt/format.h"
#include "base/strings.h"
#include "cli/common.h"
#include "cli/eval_pairs.h"
#include "eval/clustering_metrics.h"
#include "eval/labeled_data.h"
#include "eval/rouge.h"
#include "nlohmann/json.hpp"
#include "storyline/pipeline.h"
#include "story/teller.h"

namespace storyline::cli {
namespace {

struct EvalFlags {
  ClusterOptions cluster;
  std::string dataset;
  std::string level = "event";
  std::string extract;  // extraction mode: DIR with html/ and gold.jsonl
  std::string pairs;    // pair mode: {"a","b","label","lang"} per line
  bool json = false;
  int threads = 0;
  // Summary mode: tell the story of each gold set, score with ROUGE.
  std::string summaries, references;
  int summary_words = 250;
  BoundedOptions bounded;  // memory-bounded clustering when spill_dir is set
};

// Each article's event (or story) id, from the in-memory pipeline.
absl::flat_hash_map<std::string, std::string> ClusterInMemory(
    std::vector<Article> articles, const PipelineOptions& options,
    bool events, ErrorSink& errors) {
  const PipelineResult result =
      RunPipeline(std::move(articles), options, errors);
  absl::flat_hash_map<std::string, std::string> cluster_of;
  for (const Event& event : result.events) {
    for (const int d : event.docs) cluster_of[result.docs[d].id] = event.id;
  }
  if (!events) {
    for (const Cluster& story : result.clusters) {
      for (const int d : story.docs) cluster_of[result.docs[d].id] = story.id;
    }
  }
  return cluster_of;
}

// The same from the memory-bounded pipeline, segment by segment.
class AssignmentSink : public StorySink {
 public:
  explicit AssignmentSink(bool events) : events_(events) {}
  absl::Status Take(const PipelineResult& segment) override {
    for (const Cluster& story : segment.clusters) {
      for (const int e : story.events) {
        for (const int d : segment.events[e].docs) {
          cluster_of[segment.docs[d].id] =
              events_ ? segment.events[e].id : story.id;
        }
      }
    }
    return absl::OkStatus();
  }
  absl::flat_hash_map<std::string, std::string> cluster_of;

 private:
  bool events_;
};

int EvalClustering(const EvalFlags& flags) {
  CollectingErrorSink errors, read_again;
  // The memory-bounded run reads the file itself and reports what it skips.
  auto corpus = eval::ReadLabeledCorpus(
      flags.dataset, flags.bounded.spill_dir.empty() ? errors : read_again);
  if (!corpus.ok()) {
    fmt::print(stderr, "storyline: {}\n", MessageOf(corpus.status()));
    return kFailed;
  }
  const auto start = std::chrono::steady_clock::now();
  PipelineOptions options;
  options.threads = flags.threads;
  options.cluster = flags.cluster;
  options.synthesize = false;
  const bool events = flags.level == "event";
  absl::flat_hash_map<std::string, std::string> cluster_of;
  if (flags.bounded.spill_dir.empty()) {
    cluster_of =
        ClusterInMemory(std::move(corpus->articles), options, events, errors);
  } else {
    AssignmentSink sink(events);
    const auto run = RunBoundedPipeline({flags.dataset}, IngestOptions{},
                                        options, flags.bounded, errors, sink);
    if (!run.ok()) {
      fmt::print(stderr, "storyline: {}\n", MessageOf(run.status()));
      return kFailed;
    }
    cluster_of = std::move(sink.cluster_of);
  }
  const double seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - start)
                             .count();
  const size_t skipped = PrintErrors(errors);
  // Scored in id order, as the in-memory pipeline lists the documents.
  std::vector<std::pair<std::string, std::string>> assigned(cluster_of.begin(),
                                                            cluster_of.end());
  std::sort(assigned.begin(), assigned.end());
  std::vector<std::string> gold, predicted;
  for (auto& [id, cluster] : assigned) {
    const auto label = corpus->label.find(id);
    if (label == corpus->label.end()) continue;
    gold.push_back(label->second);
    predicted.push_back(std::move(cluster));
  }
  const auto score = eval::ScoreClustering(gold, predicted);
  if (flags.json) {
    const nlohmann::json out = {
        {"dataset", flags.dataset},
        {"level", flags.level},
        {"articles", score.items},
        {"pairwise",
         {{"precision", score.pairwise.precision},
          {"recall", score.pairwise.recall},
          {"f1", score.pairwise.f1}}},
        {"bcubed",
         {{"precision", score.bcubed.precision},
          {"recall", score.bcubed.recall},
          {"f1", score.bcubed.f1}}},
        {"clusters", score.predicted_clusters},
        {"gold_clusters", score.gold_clusters},
        {"seconds", seconds},
        {"skipped", skipped}};
    fmt::print("{}\n", out.dump(2));
  } else {
    fmt::print(
        "{} ({} level, {} articles)\n"
        "  pairwise  P {:.3f}  R {:.3f}  F1 {:.3f}\n"
        "  B-cubed   P {:.3f}  R {:.3f}  F1 {:.3f}\n"
        "  clusters  {} (gold {})\n"
        "  time      {:.2f} s\n",
        flags.dataset, flags.level, score.items, score.pairwise.precision,
        score.pairwise.recall, score.pairwise.f1, score.bcubed.precision,
        score.bcubed.recall, score.bcubed.f1, score.predicted_clusters,
        score.gold_clusters, seconds);
  }
  return skipped > 0 ? kSkippedInput : kOk;
}


// Summary quality: the story of each gold document set (all documents with
// one label, so clustering does not matter) against reference summaries
// ({"cluster", "text"} per line), cut at `summary_words` as in DUC. A lead
// baseline (first words of the set's most recent article) is scored too.
int EvalSummaries(const EvalFlags& flags) {
  CollectingErrorSink errors;
  auto corpus = eval::ReadLabeledCorpus(flags.summaries, errors);
  std::ifstream in(flags.references);
  if (!corpus.ok() || !in) {
    fmt::print(stderr, "storyline: cannot read {}\n",
               corpus.ok() ? flags.references : MessageOf(corpus.status()));
    return kFailed;
  }
  std::map<std::string, std::vector<std::string>> references;
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("cluster") && j.contains("text")) {
      references[j["cluster"].get<std::string>()].push_back(j["text"].get<std::string>());
    }
  }
  PipelineOptions options;
  options.threads = flags.threads;
  options.run_clustering = false;
  options.synthesize = false;
  const PipelineResult result = RunPipeline(std::move(corpus->articles), options, errors);
  std::map<std::string, Cluster> sets;
  for (int d = 0; d < static_cast<int>(result.docs.size()); ++d) {
    Cluster& c = sets[corpus->label.at(result.docs[d].id)];
    c.id = corpus->label.at(result.docs[d].id);
    c.docs.push_back(d);
  }
  std::vector<Cluster> clusters;
  for (auto& [label, c] : sets) {
    if (references.contains(label)) clusters.push_back(std::move(c));
  }
  StoryOptions story_options;
  story_options.summary_sentences = 40;  // then cut by words
  const auto start = std::chrono::steady_clock::now();
  const std::vector<Story> stories = story::TellStories(
      {result.docs, result.copies, result.events}, clusters, story_options, flags.threads);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  eval::RougeScorer scorer;
  std::vector<eval::RougeResult> ours, lead;
  for (size_t i = 0; i < stories.size(); ++i) {
    std::string text;
    for (const SummarySentence& s : stories[i].summary) text += s.text + "\n";
    const auto& refs = references[clusters[i].id];
    ours.push_back(scorer.Score(eval::FirstWords(text, flags.summary_words), refs));
    int latest = clusters[i].docs.front();
    for (const int d : clusters[i].docs) {
      if (result.docs[d].published > result.docs[latest].published) latest = d;
    }
    lead.push_back(scorer.Score(
        eval::FirstWords(result.docs[latest].text, flags.summary_words), refs));
  }
  const eval::RougeResult a = eval::Average(ours), b = eval::Average(lead);
  auto line = [](std::string_view name, const eval::RougeScore& s) {
    return fmt::format("  {:<8} R {:.4f}  P {:.4f}  F {:.4f}\n", name, s.recall,
                       s.precision, s.f1);
  };
  fmt::print("{} ({} sets, {} articles, summaries cut at {} words)\n", flags.summaries,
             stories.size(), result.docs.size(), flags.summary_words);
  fmt::print("storyline\n{}{}lead baseline\n{}{}  story time {:.2f} s\n",
             line("ROUGE-1", a.rouge1), line("ROUGE-2", a.rouge2),
             line("ROUGE-1", b.rouge1), line("ROUGE-2", b.rouge2), seconds);
  return PrintErrors(errors) > 0 ? kSkippedInput : kOk;
}

}  // namespace

Command AddEvalCommand(CLI::App& root) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* app = root.add_subcommand(
      "eval", "Measure accuracy on a labeled dataset");
  app->footer(
      "Clustering datasets are JSONL articles with a gold \"label\".\n"
      "Examples:\n"
      "  storyline eval ecbplus.jsonl\n"
      "  storyline eval duc2006-dev.jsonl --level story --json\n"
      "  storyline eval --pairs tgcontest-pairs.jsonl");
  app->add_option("dataset", flags->dataset, "Labeled JSONL file");
  app->add_option("--summaries", flags->summaries,
                  "Score story summaries: articles JSONL, label = document set");
  app->add_option("--references", flags->references,
                  "Reference summaries JSONL {\"cluster\",\"text\"} for --summaries");
  app->add_option("--summary-words", flags->summary_words,
                  "Cut summaries at this many words (DUC: 250)");
  app->add_option("--level", flags->level,
                  "Compare gold labels with events or with stories")
      ->check(CLI::IsMember({"event", "story"}));
  app->add_option("--extract", flags->extract,
                  "Score HTML extraction: DIR with html/<id>.html, gold.jsonl");
  app->add_option("--pairs", flags->pairs,
                  "Score similarity on labeled pairs {\"a\",\"b\",\"label\"}");
  app->add_flag("--json", flags->json, "Machine-readable output");
  app->add_option("--threads", flags->threads, "Worker threads (0 = all)");
  AddBoundedOptions(*app, flags->bounded);
  AddClusterOptions(*app, flags->cluster);
  return {app, [flags] {
            if (!flags->pairs.empty()) {
              PipelineOptions options;
              options.cluster = flags->cluster;
              return EvalPairs(flags->pairs, flags->json, options);
            }
            if (!flags->extract.empty()) {
              return EvalExtraction(flags->extract, flags->json);
            }
            if (!flags->summaries.empty()) return EvalSummaries(*flags);
            if (flags->dataset.empty()) {
              fmt::print(stderr, "storyline eval: a dataset is required\n");
              return kFailed;
            }
            return EvalClustering(*flags);
          }};
}

}  // namespace storyline::cli
