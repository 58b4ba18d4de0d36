// End-to-end throughput and memory on a generated news stream.
//
//   e2e [--sizes 10000,100000] [--modes stories,clusters,dedup,index]
//       [--threads N] [--seed S] [--undated 1] [--data FILE.jsonl]...
//   e2e --write OUT.jsonl --size N [--seed S] [--data FILE.jsonl]...
//
// Each (size, mode) runs in its own child process, so that its peak RSS
// (VmHWM) is its own. The stream is generated in memory (see corpus_gen.h);
// generation is not timed. Modes:
//   stories   RunPipeline, everything (clean, analyse, copies, clusters,
//             story synthesis)
//   clusters  RunPipeline with synthesize = false
//   dedup     what dedup::FindCopies does, step by step, on the documents
//             (copies only: signatures, candidates, verification; no
//             cleaning, no clustering)
//   index     bytes per article of what the engine keeps per document to
//             compare it: TF-IDF vector + copy signature (first 20,000)
//   bounded-stories, bounded-clusters
//             RunBoundedPipeline (memory-bounded, segments of --segment
//             articles, analyses spilled to --spill-dir, default /tmp) on
//             the stream written there as JSONL first (not timed), with
//             the output rendered as the CLI renders it
// --write writes the stream as JSONL with "label" (gold event) and
// "copy_of" (the article a reprint copies) for side-by-side runs.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "cluster/vectors.h"
#include "corpus.h"
#include "corpus_gen.h"
#include "dedup/copies.h"
#include "fmt/format.h"
#include "nlohmann/json.hpp"
#include "output/story_spool.h"
#include "storyline/pipeline.h"
#include "text/analyzer.h"
#include "text/tokenizer.h"

namespace storyline::bench {
namespace {

struct Flags {
  std::vector<size_t> sizes = {10000, 100000};
  std::vector<std::string> modes = {"stories", "clusters", "dedup", "index"};
  std::vector<std::string> data;
  int threads = 0;
  uint64_t seed = 42;
  std::string write;
  size_t size = 10000;
  bool undated = false;  // keep undated base articles undated
  std::string spill_dir = "/tmp";
  size_t segment = BoundedOptions{}.segment_articles;
};

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= s.size()) {
    size_t end = s.find(',', begin);
    if (end == std::string::npos) end = s.size();
    if (end > begin) out.push_back(s.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

bool ParseFlags(int argc, char** argv, Flags& flags) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) {
      fmt::print(stderr, "e2e: {} needs a value\n", arg);
      return false;
    }
    const std::string value = argv[++i];
    if (arg == "--sizes") {
      flags.sizes.clear();
      for (const auto& s : SplitComma(value))
        flags.sizes.push_back(std::strtoull(s.c_str(), nullptr, 10));
    } else if (arg == "--modes") {
      flags.modes = SplitComma(value);
    } else if (arg == "--threads") {
      flags.threads = std::atoi(value.c_str());
    } else if (arg == "--seed") {
      flags.seed = std::strtoull(value.c_str(), nullptr, 10);
    } else if (arg == "--data") {
      flags.data.push_back(value);
    } else if (arg == "--write") {
      flags.write = value;
    } else if (arg == "--undated") {
      flags.undated = value == "1" || value == "true";
    } else if (arg == "--spill-dir") {
      flags.spill_dir = value;
    } else if (arg == "--segment") {
      flags.segment = std::strtoull(value.c_str(), nullptr, 10);
    } else if (arg == "--size") {
      flags.size = std::strtoull(value.c_str(), nullptr, 10);
    } else {
      fmt::print(stderr, "e2e: unknown flag {}\n", arg);
      return false;
    }
  }
  return true;
}

// A field of /proc/self/status in kB ("VmHWM", "VmRSS"); 0 if absent.
long StatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(field) + ":";
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) == 0)
      return std::atol(line.c_str() + prefix.size());
  }
  return 0;
}

// User + system CPU seconds of this process so far.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// A digest of the copy pairs, to check that a change kept the output.
uint64_t Digest(const std::vector<CopyPair>& copies) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto add = [&h](uint64_t v) { h = (h ^ v) * 0x100000001b3ULL; };
  for (const auto& p : copies) {
    add(static_cast<uint64_t>(p.a));
    add(static_cast<uint64_t>(p.b));
    add(static_cast<uint64_t>(p.kind));
    add(static_cast<uint64_t>(p.jaccard * 1e6));
    add(p.passage_a.begin);
    add(p.passage_a.end);
    add(p.passage_b.begin);
    add(p.passage_b.end);
    add(static_cast<uint64_t>(p.source + 1));
  }
  return h;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since)
      .count();
}

CorpusGenerator MakeGenerator(const Flags& flags) {
  const auto files =
      flags.data.empty()
          ? DefaultCorpusFiles(STORYLINE_SHARED_DIR, STORYLINE_SOURCE_DIR)
          : flags.data;
  return CorpusGenerator(
      LoadLabeledArticles(files),
      GeneratorOptions{.seed = flags.seed, .date_undated = !flags.undated});
}

// Writes `size` articles of the stream as JSONL; returns their text bytes,
// or -1 when the file cannot be written.
double WriteStream(const Flags& flags, const std::string& path, size_t size) {
  const CorpusGenerator generator = MakeGenerator(flags);
  std::ofstream out(path);
  double text_bytes = 0;
  generator.Generate(size, [&](GeneratedArticle g) {
    const Article& a = g.article;
    text_bytes += a.body.size() + a.title.size();
    nlohmann::json line = {
        {"id", a.id},
        {"title", a.title},
        {"text", a.body},
        {"source", a.source},
        {"url", a.url},
        {"label", g.label},
        {"lang", std::string(LangCode(a.lang))},
        {"date", a.published
                     ? fmt::format("{:04d}-{:02d}-{:02d}", a.published->year(),
                                   a.published->month(), a.published->day())
                     : ""},
        {"copy_of", g.copy_of}};
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
  });
  out.close();
  if (!out) {
    fmt::print(stderr, "e2e: cannot write {}\n", path);
    return -1;
  }
  return text_bytes;
}

int Write(const Flags& flags) {
  return WriteStream(flags, flags.write, flags.size) < 0 ? 1 : 0;
}

// Bytes the engine keeps per document to compare it with others.
size_t IndexBytes(const cluster::SparseVector& v, const dedup::Signature& s) {
  return v.terms.size() * sizeof(cluster::Term) +
         v.weights.size() * sizeof(float) +
         s.minhash.size() * sizeof(uint32_t) +
         s.fingerprints.size() * sizeof(uint64_t) + sizeof(s.exact) +
         sizeof(s.shingles);
}

void RunIndex(const std::vector<Article>& articles, int threads) {
  const int n = static_cast<int>(std::min<size_t>(articles.size(), 20000));
  const PipelineOptions options;
  const int workers = ResolveThreads(threads);
  std::vector<cluster::SparseVector> counts(n);
  std::vector<dedup::Signature> signatures(n);
  PerWorker<text::Analyzer> analyzers(workers);
  ParallelFor(n, workers, 16, [&](int worker, int i) {
    text::Analyzer& analyzer = analyzers[worker];
    const Document doc = ToDocument(articles[i]);
    const auto title = analyzer.Words(doc.title, doc.lang);
    const auto body = analyzer.Words(doc.text, doc.lang);
    counts[i] = cluster::CountTerms(title, body, options.cluster);
    signatures[i] = dedup::ComputeSignature(body, options.dedup);
  });
  cluster::IdfTable idf;
  for (const auto& c : counts) idf.Add(c);
  double total = 0, vector_bytes = 0, text_bytes = 0;
  for (int i = 0; i < n; ++i) {
    const auto v = cluster::WeightTerms(counts[i], idf, options.cluster);
    const size_t bytes = IndexBytes(v, signatures[i]);
    total += bytes;
    vector_bytes += v.terms.size() * (sizeof(cluster::Term) + sizeof(float));
    text_bytes += articles[i].body.size() + articles[i].title.size();
  }
  fmt::print(
      "index     {:>8} articles  text {:.0f} B/article  index {:.0f} "
      "B/article (TF-IDF vector {:.0f}, copy signature {:.0f})\n",
      n, text_bytes / n, total / n, vector_bytes / n,
      (total - vector_bytes) / n);
}

// The memory-bounded run on the stream written to a file: peak RSS is what
// the run holds, not the generated input.
void RunBounded(const Flags& flags, size_t size, const std::string& mode) {
  const std::string path =
      fmt::format("{}/e2e-{}.jsonl", flags.spill_dir, getpid());
  const auto gen_start = std::chrono::steady_clock::now();
  const double text_bytes = WriteStream(flags, path, size);
  const double gen_s = Seconds(gen_start);
  if (text_bytes < 0) std::exit(1);
  const double cpu_start = CpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  PipelineOptions options;
  options.threads = flags.threads;
  options.synthesize = mode == "bounded-stories";
  BoundedOptions bounded;
  bounded.spill_dir = flags.spill_dir;
  bounded.segment_articles = flags.segment;
  auto spool = output::StorySpool::Create(
      options.synthesize ? output::SpoolFormat::kJson
                         : output::SpoolFormat::kAssignments,
      flags.spill_dir);
  CollectingErrorSink errors;
  auto run = spool.ok() ? RunBoundedPipeline({path}, IngestOptions{}, options,
                                             bounded, errors, **spool)
                        : spool.status();
  std::remove(path.c_str());
  if (!run.ok()) {
    fmt::print(stderr, "e2e: {}\n", run.status().ToString());
    std::exit(1);
  }
  std::ofstream sink("/dev/null");
  if (!(*spool)->WriteTo(sink, *run).ok()) std::exit(1);
  const double s = Seconds(start);
  const double cpu = CpuSeconds() - cpu_start;
  const long peak_kb = StatusKb("VmHWM");
  const auto& t = run->timings;
  fmt::print(
      "{:<16} {:>8} articles {:>7.1f} MB  wall {:>7.2f} s  {:>7.0f} "
      "articles/s  cpu {:>7.2f} s  peak RSS {:>6.0f} MB  spilled {:.2f} GB  "
      "gen {:.1f}s  segments={} events={} stories={} | clean {:.1f}s "
      "analyze {:.1f}s cluster {:.1f}s story {:.1f}s\n",
      mode, size, text_bytes / 1e6, s, size / s, cpu, peak_kb / 1024.0,
      run->spilled_bytes / 1e9, gen_s, run->segments, run->events, run->stories,
      t.clean_s, t.analyze_s, t.cluster_s, t.story_s);
}

void RunOne(const Flags& flags, size_t size, const std::string& mode) {
  if (mode.rfind("bounded", 0) == 0) {
    RunBounded(flags, size, mode);
    return;
  }
  const CorpusGenerator generator = MakeGenerator(flags);
  std::vector<Article> articles;
  articles.reserve(size);
  double text_bytes = 0;
  const auto gen_start = std::chrono::steady_clock::now();
  generator.Generate(size, [&](GeneratedArticle g) {
    text_bytes += g.article.body.size() + g.article.title.size();
    articles.push_back(std::move(g.article));
  });
  const double gen_s = Seconds(gen_start);
  if (mode == "index") {
    RunIndex(articles, flags.threads);
    return;
  }
  std::vector<Document> docs;
  if (mode == "dedup") {
    docs.reserve(articles.size());
    for (const auto& a : articles) docs.push_back(ToDocument(a));
    articles = {};
  }
  const long input_kb = StatusKb("VmRSS");
  const double cpu_start = CpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  std::string detail;
  if (mode == "dedup") {
    // dedup::FindCopies, step by step, to time each step.
    const DedupOptions options;
    const int workers = ResolveThreads(flags.threads);
    std::vector<dedup::Signature> signatures(docs.size());
    std::vector<dedup::ShingledText> shingled(docs.size());
    PerWorker<dedup::Fingerprinter> fingerprinters(workers, options);
    ParallelFor(
        static_cast<int>(docs.size()), workers, 32, [&](int worker, int i) {
          auto [signature, shingles] = fingerprinters[worker].Of(docs[i].text);
          signatures[i] = std::move(signature);
          shingled[i] = std::move(shingles);
        });
    const double signature_s = Seconds(start);
    const auto candidates =
        dedup::FindCandidates(signatures, options, flags.threads);
    const double candidates_s = Seconds(start) - signature_s;
    const auto copies = dedup::VerifyCandidates(
        docs, signatures, shingled, candidates, options, flags.threads);
    detail = fmt::format(
        "copies={} (digest {:016x}) candidates={} | signatures {:.1f}s "
        "candidates {:.1f}s verify {:.1f}s",
        copies.size(), Digest(copies), candidates.size(), signature_s,
        candidates_s, Seconds(start) - signature_s - candidates_s);
  } else {
    PipelineOptions options;
    options.threads = flags.threads;
    options.synthesize = mode == "stories";
    CollectingErrorSink errors;
    const PipelineResult r = RunPipeline(std::move(articles), options, errors);
    const auto& t = r.timings;
    detail = fmt::format(
        "copies={} events={} stories={} | clean {:.1f}s analyze {:.1f}s "
        "dedup {:.1f}s cluster {:.1f}s story {:.1f}s",
        r.copies.size(), r.events.size(), r.clusters.size(), t.clean_s,
        t.analyze_s, t.dedup_s, t.cluster_s, t.story_s);
  }
  const double s = Seconds(start);
  const double cpu = CpuSeconds() - cpu_start;
  const long peak_kb = StatusKb("VmHWM");
  // cpu: CPU seconds of all threads; on a shared machine, articles per CPU
  // second times the cores is what the run would reach alone.
  fmt::print(
      "{:<9} {:>8} articles {:>7.1f} MB  wall {:>7.2f} s  {:>7.0f} articles/s "
      "{:>6.2f} MB/s  cpu {:>7.2f} s  {:>6.0f} articles/cpu-s  peak RSS "
      "{:>6.0f} MB (input {:.0f} MB, +{:.2f} KB/article)  gen {:.1f}s  {}\n",
      mode, size, text_bytes / 1e6, s, size / s, text_bytes / 1e6 / s, cpu,
      size / cpu, peak_kb / 1024.0, input_kb / 1024.0,
      (peak_kb - input_kb) / static_cast<double>(size), gen_s, detail);
}

int Main(int argc, char** argv) {
  Flags flags;
  if (!ParseFlags(argc, argv, flags)) return 2;
  if (!flags.write.empty()) return Write(flags);
  fmt::print("threads={} seed={}\n", ResolveThreads(flags.threads), flags.seed);
  int failures = 0;
  for (const size_t size : flags.sizes) {
    for (const auto& mode : flags.modes) {
      std::fflush(stdout);
      const pid_t child = fork();
      if (child == 0) {
        RunOne(flags, size, mode);
        std::fflush(stdout);
        _exit(0);
      }
      int status = 0;
      waitpid(child, &status, 0);
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fmt::print("{:<9} {:>8} articles  FAILED (status {})\n", mode, size,
                   status);
        ++failures;
      }
    }
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace storyline::bench

int main(int argc, char** argv) { return storyline::bench::Main(argc, argv); }
