// Inputs shared by the micro-benchmarks: real documents (the labeled dev
// sets, or the shipped sample) and a larger generated stream, built once.
#pragma once

#include <vector>

#include "storyline/types.h"

namespace storyline::bench {

// The real documents, cleaning stage skipped (see ToDocument).
const std::vector<Document>& RealDocuments();

// The first `n` documents of the generated stream (corpus_gen.h, seed 42).
std::vector<Document> GeneratedDocuments(size_t n);

// Bytes of title and text of `docs`.
int64_t TextBytes(const std::vector<Document>& docs);

}  // namespace storyline::bench
