// Real text for the benchmarks: the labeled dev sets in ../shared/data when
// present, else the sample the project ships. Benchmarks only; not a test
// fixture and not part of the library.
#pragma once

#include <string>
#include <vector>

#include "storyline/types.h"

namespace storyline::bench {

struct LabeledArticle {
  Article article;
  std::string label;  // gold event id, prefixed with the data set's name
};

// The JSONL files benchmarks read by default: g5w1h-newscluster and ecbplus
// from `shared_dir`/data when they exist, else data/sample/*.jsonl under
// `source_dir`.
std::vector<std::string> DefaultCorpusFiles(const std::string& shared_dir,
                                            const std::string& source_dir);

// Reads JSONL articles with their "label". Lines that do not parse, or
// have no text, are skipped; returns an empty vector when nothing was read.
std::vector<LabeledArticle> LoadLabeledArticles(
    const std::vector<std::string>& files);

// The document the pipeline would build from a plain-text English article
// (the cleaning stage is not run; benchmarks of later stages start here).
Document ToDocument(const Article& article);

}  // namespace storyline::bench
