// HTML extraction speed over the labeled HTML pages in ../shared (or the
// .html files of data/sample): pages/s and MB/s on one core.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/boilerplate.h"
#include "extract/gumbo_arena.h"
#include "extract/html.h"
#include "extract/script_strip.h"

namespace {

std::vector<std::string> LoadPages() {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  const fs::path shared = fs::path(STORYLINE_SHARED_DIR) / "data";
  for (const char* set : {"scrapinghub-aeb", "readability-testpages"}) {
    const fs::path dir = shared / set / "html";
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) paths.push_back(e.path());
  }
  const fs::path sample = fs::path(STORYLINE_SOURCE_DIR) / "data" / "sample";
  if (paths.empty() && fs::is_directory(sample)) {
    for (const auto& e : fs::recursive_directory_iterator(sample)) {
      if (e.path().extension() == ".html") paths.push_back(e.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> pages;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    pages.push_back(std::move(buf).str());
  }
  return pages;
}

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = LoadPages();
  return pages;
}

void SetPageCounters(benchmark::State& state, size_t bytes, size_t pages) {
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(pages));
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages),
                                                 benchmark::Counter::kIsRate);
}

void BM_ExtractHtml(benchmark::State& state) {
  const auto& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("no HTML pages in ../shared/data or data/sample");
    return;
  }
  size_t bytes = 0, done = 0;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      auto result = storyline::extract::ExtractHtml(page);
      benchmark::DoNotOptimize(result);
      bytes += page.size();
    }
    done += pages.size();
  }
  SetPageCounters(state, bytes, done);
}
BENCHMARK(BM_ExtractHtml)->Unit(benchmark::kMillisecond)->MinTime(2);

// gumbo alone on the same pages, scripts already stripped: the bound on
// what any extractor built on it can reach.
void BM_GumboParseOnly(benchmark::State& state) {
  std::vector<std::string> stripped;
  size_t page_bytes = 0;
  for (const std::string& page : Pages()) {
    stripped.push_back(storyline::extract::WithoutScripts(page));
    page_bytes += page.size();
  }
  if (stripped.empty()) {
    state.SkipWithError("no HTML pages in ../shared/data or data/sample");
    return;
  }
  size_t bytes = 0, done = 0;
  for (auto _ : state) {
    for (const std::string& html : stripped) {
      storyline::extract::GumboArena arena;
      GumboOptions options = kGumboDefaultOptions;
      options.max_errors = 0;
      arena.Install(options);
      benchmark::DoNotOptimize(
          gumbo_parse_with_options(&options, html.data(), html.size()));
    }
    bytes += page_bytes;
    done += stripped.size();
  }
  SetPageCounters(state, bytes, done);
}
BENCHMARK(BM_GumboParseOnly)->Unit(benchmark::kMillisecond)->MinTime(2);

void BM_RemoveBoilerplateLines(benchmark::State& state) {
  std::vector<std::string> texts;
  for (const std::string& page : Pages()) {
    auto result = storyline::extract::ExtractHtml(page);
    if (result.ok()) texts.push_back(std::move(result->text));
  }
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      benchmark::DoNotOptimize(
          storyline::extract::RemoveBoilerplateLines(t, ""));
      bytes += t.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_RemoveBoilerplateLines)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
