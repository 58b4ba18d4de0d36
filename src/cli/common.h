// What every subcommand shares: reading inputs, reporting skipped input,
// writing output.
#pragma once

#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "storyline/errors.h"
#include "storyline/options.h"
#include "storyline/pipeline.h"
#include "storyline/types.h"

namespace storyline::cli {

// Exit statuses.
inline constexpr int kOk = 0;
inline constexpr int kFailed = 1;
inline constexpr int kSkippedInput = 2;  // finished, but some input was bad

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command AddStoriesCommand(CLI::App& root);
Command AddClusterCommand(CLI::App& root);
Command AddDedupCommand(CLI::App& root);
Command AddEvalCommand(CLI::App& root);
Command AddServeCommand(CLI::App& root);
Command AddExtractCommand(CLI::App& root);

// `storyline eval --extract DIR`: scores ExtractHtml on DIR/html/<id>.html
// against DIR/gold.jsonl; prints macro-averaged P/R/F1 and pages/s.
int EvalExtraction(const std::string& dir, bool json);

// Adds the INPUT... positional (files, folders, "-") and --threads.
void AddInputOptions(CLI::App& app, std::vector<std::string>& inputs,
                     int& threads);

// Adds the clustering thresholds as flags (--event-threshold, ...).
void AddClusterOptions(CLI::App& app, ClusterOptions& options);

// Adds --spill-dir (which turns the memory-bounded mode on),
// --segment-articles and --horizon-days.
void AddBoundedOptions(CLI::App& app, BoundedOptions& options);

// Prints each error to stderr as "storyline: WHERE: MESSAGE"; returns how
// many there were.
size_t PrintErrors(const CollectingErrorSink& errors);

// Writes `content` to `path`, or to stdout when it is empty or "-".
bool WriteOutput(const std::string& path, const std::string& content);

// True when stdout / stderr is a terminal.
bool StdoutIsTerminal();
bool StderrIsTerminal();

// Prints a stage line on stderr when it is a terminal and the run has
// taken more than a couple of seconds.
class Progress {
 public:
  void Stage(std::string_view what);

 private:
  double start_ = Now();
  static double Now();
};

}  // namespace storyline::cli
