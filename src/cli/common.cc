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

size_t PrintErrors(const CollectingErrorSink& errors) {
  const auto list = errors.errors();
  for (const auto& error : list) {
    fmt::print(stderr, "storyline: {}: {}\n", error.where, error.message);
  }
  return list.size();
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
