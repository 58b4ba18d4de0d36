// storyline-mpi: `storyline stories` and `storyline cluster` across the
// processes of an MPI job, e.g. `mpirun -np 4 storyline-mpi stories news/`.
// Rank 0 writes the same output as the single-process command.
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <new>
#include <string>
#include <system_error>

#include "CLI/CLI.hpp"
#include "cli/common.h"
#include "distributed/comm.h"
#include "distributed/run.h"
#include "fmt/core.h"
#include "output/json.h"
#include "output/markdown.h"

namespace storyline::cli {
namespace {

struct Flags {
  std::vector<std::string> inputs;
  int threads = 0;
  ClusterOptions cluster;
  std::string format, out, assignments;
  bool report = false;
  size_t memory_limit_mb = 0;
};

std::string StoriesOutput(const distributed::DistributedResult& run,
                          const std::string& format) {
  const PipelineResult& r = run.result;
  if (format == "md") {
    std::string text =
        output::StoriesMarkdownTitle(r.clusters.size(), r.docs.size());
    for (const std::string& story : run.rendered) text += story;
    return text;
  }
  nlohmann::json doc = output::StoriesJson(r);  // stories are added below
  for (const std::string& story : run.rendered) {
    doc["stories"].push_back(nlohmann::json::parse(story));
  }
  return doc.dump(2) + "\n";
}

void PrintRankReport(const distributed::DistributedResult& run) {
  const PipelineTimings& t = run.result.timings;
  std::fputs(fmt::format("stages: clean {:.2f}s analyze {:.2f}s copies {:.2f}s "
                         "cluster {:.2f}s (linkage on rank 0 {:.2f}s) "
                         "stories {:.2f}s\n",
                         t.clean_s, t.analyze_s, t.dedup_s, t.cluster_s,
                         run.linkage_s, t.story_s)
                 .c_str(),
             stderr);
  for (size_t r = 0; r < run.ranks.size(); ++r) {
    const auto& rank = run.ranks[r];
    uint64_t total = 0;
    std::string steps;
    for (size_t k = 0; k < rank.bytes_sent.size(); ++k) {
      total += rank.bytes_sent[k];
      steps +=
          fmt::format("{}{} {:.1f}", k > 0 ? ", " : "",
                      distributed::kCommStepNames[k], rank.bytes_sent[k] / 1e6);
    }
    std::fputs(fmt::format("rank {}: {} articles read, {:.2f}s, peak RSS "
                           "{:.1f} MB, sent {:.1f} MB ({})\n",
                           r, rank.articles, rank.seconds,
                           rank.peak_rss_kb / 1024.0, total / 1e6, steps)
                   .c_str(),
               stderr);
  }
}

// Caps this process's address space at what it uses now plus `mb`, so
// that running out of memory is an allocation failure, reported, rather
// than swapping or the kernel's OOM killer.
void LimitMemory(size_t mb) {
  if (mb == 0) return;
  std::ifstream status("/proc/self/status");
  std::string line;
  uint64_t size_kb = 0;
  while (std::getline(status, line)) {
    if (line.rfind("VmSize:", 0) == 0) size_kb = std::stoull(line.substr(7));
  }
  const rlim_t bytes = (size_kb + mb * 1024) * 1024;
  const rlimit limit{bytes, bytes};
  setrlimit(RLIMIT_AS, &limit);
}

int Run(const distributed::Comm& comm, const Flags& flags, bool stories) {
  LimitMemory(flags.memory_limit_mb);
  PipelineOptions options;
  options.threads = flags.threads;
  options.cluster = flags.cluster;
  options.synthesize = stories;
  std::string format = flags.format;
  if (format.empty()) {
    format = flags.out.empty() && StdoutIsTerminal() ? "md" : "json";
  }
  distributed::StoryRenderer render;
  if (format == "md") {
    render = output::StoryMarkdown;
  } else {
    render = [](const Story& story, const PipelineResult& part) {
      return output::StoryJson(story, part).dump();
    };
  }
  const distributed::DistributedResult run = distributed::RunDistributed(
      comm, flags.inputs, options, stories ? render : nullptr);
  if (comm.rank() != 0) return kOk;
  CollectingErrorSink errors;
  for (const InputError& e : run.errors) errors.Report(e);
  const size_t skipped = PrintErrors(errors);
  if (flags.report) PrintRankReport(run);
  const std::string text =
      stories ? StoriesOutput(run, format) : output::AssignmentsTsv(run.result);
  if (!WriteOutput(stories ? flags.out : flags.assignments, text)) {
    return kFailed;
  }
  return skipped > 0 ? kSkippedInput : kOk;
}

void AddCommonFlags(CLI::App& app, Flags& flags) {
  AddInputOptions(app, flags.inputs, flags.threads);
  AddClusterOptions(app, flags.cluster);
  app.add_option("--memory-limit", flags.memory_limit_mb,
                 "MB of address space each rank may add once started; past "
                 "it the job stops with 'out of memory' and the rank's "
                 "number instead of swapping (0: no limit)");
  app.add_flag("--report", flags.report,
               "Print stage times and each rank's articles, time and peak "
               "memory on stderr");
}

}  // namespace
}  // namespace storyline::cli

namespace {

// "storyline-mpi: rank R: out of memory\n", written once in main: the
// handler below must not allocate, and may run on any thread.
char oom_message[64];
size_t oom_length = 0;
std::atomic<bool> oom_reported{false};

// An allocation that fails on any thread of any rank ends the whole job
// with the rank named. MPI may only be called from the main thread, so the
// rank exits non-zero without finalizing and mpirun aborts the others.
void OutOfMemory() {
  if (!oom_reported.exchange(true)) {
    [[maybe_unused]] const ssize_t n = write(2, oom_message, oom_length);
  }
  _exit(3);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace storyline::cli;
  storyline::distributed::Comm comm(&argc, &argv);
  oom_length = static_cast<size_t>(
      std::snprintf(oom_message, sizeof oom_message,
                    "storyline-mpi: rank %d: out of memory\n", comm.rank()));
  std::set_new_handler(OutOfMemory);
  CLI::App app{"storyline across the processes of an MPI job"};
  app.footer(
      "Examples:\n"
      "  mpirun -np 4 storyline-mpi stories news/ --out stories.json\n"
      "  mpirun --hostfile hosts -np 16 storyline-mpi cluster feed.jsonl "
      "--assignments clusters.tsv\n"
      "Every rank must see the same input paths (a shared file system, or\n"
      "the same copy on each node).");
  app.require_subcommand(1);
  Flags flags;
  CLI::App* stories = app.add_subcommand(
      "stories", "Cluster articles into stories and tell each one");
  AddCommonFlags(*stories, flags);
  stories->add_option("--format", flags.format, "json or md")
      ->check(CLI::IsMember({"json", "md"}));
  stories->add_option("--out", flags.out, "Write here instead of stdout");
  CLI::App* cluster = app.add_subcommand(
      "cluster", "Assign every article to an event and a story");
  AddCommonFlags(*cluster, flags);
  cluster
      ->add_option("--assignments", flags.assignments,
                   "TSV file to write (- for stdout)")
      ->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = comm.rank() == 0 ? app.exit(e) : 0;
    return e.get_exit_code() == 0 ? 0 : (code == 0 ? kFailed : code);
  }
  try {
    return Run(comm, flags, stories->parsed());
  } catch (const std::bad_alloc&) {
    comm.Abort("out of memory", 3);
  } catch (const std::system_error& e) {
    // A thread that cannot get its stack is memory running out too.
    const bool memory = e.code() == std::errc::resource_unavailable_try_again ||
                        e.code() == std::errc::not_enough_memory;
    comm.Abort(memory ? std::string("out of memory (") + e.what() + ")"
                      : std::string(e.what()),
               3);
  } catch (const std::exception& e) {
    comm.Abort(e.what(), 3);
  }
}
