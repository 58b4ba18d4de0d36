#include "cli/common.h"

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "fmt/core.h"

namespace storyline::cli {

void AddInputOptions(CLI::App& app, std::vector<std::string>& inputs,
                     int& threads) {
  app.add_option("inputs", inputs,
                 "Files, folders (read recursively) or - for standard input")
      ->required();
  app.add_option("--threads", threads, "Worker threads (0 = all cores)")
      ->check(CLI::NonNegativeNumber);
}

void AddClusterOptions(CLI::App& app, ClusterOptions& options) {
  app.add_option("--event-threshold", options.event_threshold,
                 "Similarity at which articles join one event")
      ->capture_default_str();
  app.add_option("--story-threshold", options.story_threshold,
                 "Similarity at which events join one story")
      ->capture_default_str();
  app.add_option("--title-weight", options.title_weight,
                 "Weight of title (or lead sentence) terms")
      ->capture_default_str();
  app.add_option("--name-weight", options.name_weight,
                 "Weight of capitalized words inside sentences")
      ->capture_default_str();
  app.add_option("--vector-terms", options.vector_terms,
                 "Terms kept per article vector")
      ->capture_default_str();
  app.add_option("--event-window", options.event_window_days,
                 "Days apart with no time discount, events")
      ->capture_default_str();
  app.add_option("--event-decay", options.event_decay_days,
                 "Days per e-fold time discount beyond the window, events")
      ->capture_default_str();
  app.add_option("--story-decay", options.story_decay_days,
                 "Days per e-fold time discount beyond the window, stories")
      ->capture_default_str();
  app.add_option("--event-time-floor", options.event_time_floor,
                 "Lowest time discount, events")
      ->capture_default_str();
  app.add_option("--story-time-floor", options.story_time_floor,
                 "Lowest time discount, stories")
      ->capture_default_str();
  app.add_option("--story-window", options.story_window_days,
                 "Days apart with no time discount, stories")
      ->capture_default_str();
  app.add_option("--posting-block", options.posting_block,
                 "Candidate search: articles per block of a term's postings "
                 "(an article searches its block and the two beside it)")
      ->capture_default_str();
}

size_t PrintErrors(const CollectingErrorSink& errors) {
  const auto list = errors.errors();
  for (const auto& error : list) {
    fmt::print(stderr, "storyline: {}: {}\n", error.where, error.message);
  }
  return list.size();
}

void AddBoundedOptions(CLI::App& app, BoundedOptions& options) {
  app.add_option("--spill-dir", options.spill_dir,
                 "Memory-bounded mode for inputs larger than memory: keep "
                 "analysed articles in this folder and cluster them in date "
                 "order, a segment at a time")
      ->check(CLI::ExistingDirectory);
  app.add_option("--segment-articles", options.segment_articles,
                 "With --spill-dir: articles clustered at once (memory grows "
                 "with it, about 20 KB each)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--horizon-days", options.horizon_days,
                 "With --spill-dir: days after its newest article that a "
                 "story stays open to articles of later segments")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
}

bool WriteOutput(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    std::cout << content;
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) {
    fmt::print(stderr, "storyline: cannot write {}\n", path);
    return false;
  }
  return true;
}

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }
bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

double Progress::Now() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void Progress::Stage(std::string_view what) {
  const double elapsed = Now() - start_;
  if (elapsed > 2 && StderrIsTerminal()) {
    fmt::print(stderr, "[{:7.1f}s] {}\n", elapsed, what);
  }
}

}  // namespace storyline::cli
