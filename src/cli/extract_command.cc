// storyline extract: one page -> article JSON or text; and the scorer behind
// `storyline eval --extract DIR`.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/strings.h"
#include "cli/common.h"
#include "eval/extraction_metrics.h"
#include "extract/html.h"
#include "fmt/format.h"
#include "nlohmann/json.hpp"

namespace storyline::cli {
namespace {

struct ExtractFlags {
  std::string input;
  std::string format = "json";
};

bool ReadAll(const std::string& path, std::string& out) {
  std::ostringstream buffer;
  if (path == "-") {
    buffer << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    buffer << in.rdbuf();
  }
  out = std::move(buffer).str();
  return true;
}

std::string PageJson(const extract::ExtractedPage& page) {
  const nlohmann::json out = {
      {"title", page.title},
      {"text", page.text},
      {"date", page.published ? absl::FormatCivilTime(*page.published) : ""},
      {"author", page.author},
      {"lang", page.lang},
      {"url", page.canonical_url},
      {"site_name", page.site_name}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

int RunExtract(const ExtractFlags& flags) {
  std::string html;
  if (!ReadAll(flags.input, html)) {
    fmt::print(stderr, "storyline: cannot read {}\n", flags.input);
    return kFailed;
  }
  const auto page = extract::ExtractHtml(html);
  if (!page.ok()) {
    fmt::print(stderr, "storyline: {}: {}\n", flags.input,
               MessageOf(page.status()));
    return kFailed;
  }
  if (flags.format == "text") {
    fmt::print("{}\n\n{}\n", page->title, page->text);
  } else {
    fmt::print("{}\n", PageJson(*page));
  }
  return kOk;
}

struct Totals {
  eval::ExtractionAverage shingles, tokens;
  int failed = 0;
  double seconds = 0, bytes = 0;
};

nlohmann::json PrfJson(const eval::ExtractionAverage& average) {
  const eval::Prf mean = average.Benchmark();
  return {{"precision", mean.precision},
          {"recall", mean.recall},
          {"f1", mean.f1},
          {"mean_page_f1", average.MeanF1()}};
}

}  // namespace

int EvalExtraction(const std::string& dir, bool json) {
  auto gold = eval::ReadExtractionGold(dir);
  if (!gold.ok()) {
    fmt::print(stderr, "storyline: {}\n", MessageOf(gold.status()));
    return kFailed;
  }
  Totals t;
  nlohmann::json per_page = nlohmann::json::array();
  for (const auto& g : *gold) {
    std::string html;
    if (!ReadAll(StrCat(dir, "/html/", g.id, ".html"), html)) {
      fmt::print(stderr, "storyline: {}: no html/{}.html\n", dir, g.id);
      ++t.failed;
      continue;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto page = extract::ExtractHtml(html);
    t.seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    t.bytes += html.size();
    // A failed page counts as an empty extraction: it scores zero.
    const auto score =
        eval::ScoreExtraction(page.ok() ? page->text : "", g.body);
    t.shingles.Add(score.shingles);
    t.tokens.Add(score.tokens);
    per_page.push_back({{"id", g.id},
                        {"f1", score.shingles.f1},
                        {"precision", score.shingles.precision},
                        {"recall", score.shingles.recall}});
  }
  const int pages = t.shingles.pages();
  const double pages_per_s = t.seconds > 0 ? pages / t.seconds : 0;
  if (json) {
    const nlohmann::json out = {
        {"dataset", dir},
        {"pages", pages},
        {"missing", t.failed},
        {"shingles", PrfJson(t.shingles)},
        {"tokens", PrfJson(t.tokens)},
        {"pages_per_s", pages_per_s},
        {"mb_per_s", t.seconds > 0 ? t.bytes / 1e6 / t.seconds : 0},
        {"per_page", per_page}};
    fmt::print("{}\n", out.dump(2));
  } else {
    const eval::Prf sh = t.shingles.Benchmark(), tok = t.tokens.Benchmark();
    fmt::print(
        "{} ({} pages; F1 of mean P and mean R, as the benchmark computes "
        "it)\n"
        "  4-gram shingles  P {:.3f}  R {:.3f}  F1 {:.3f}  "
        "(mean page F1 {:.3f})\n"
        "  token bag        P {:.3f}  R {:.3f}  F1 {:.3f}  "
        "(mean page F1 {:.3f})\n"
        "  speed            {:.0f} pages/s, {:.1f} MB/s (one thread)\n",
        dir, pages, sh.precision, sh.recall, sh.f1, t.shingles.MeanF1(),
        tok.precision, tok.recall, tok.f1, t.tokens.MeanF1(), pages_per_s,
        t.seconds > 0 ? t.bytes / 1e6 / t.seconds : 0);
  }
  return t.failed > 0 ? kSkippedInput : kOk;
}

Command AddExtractCommand(CLI::App& root) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* app = root.add_subcommand(
      "extract", "Print the article (main text and metadata) of an HTML page");
  app->footer(
      "Examples:\n"
      "  storyline extract page.html\n"
      "  curl -s URL | storyline extract - --format text");
  app->add_option("input", flags->input, "HTML file, or - for stdin")
      ->required();
  app->add_option("--format", flags->format, "json or text")
      ->check(CLI::IsMember({"json", "text"}));
  return {app, [flags] { return RunExtract(*flags); }};
}

}  // namespace storyline::cli
