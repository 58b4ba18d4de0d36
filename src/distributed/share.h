// Which part of the input each rank reads.
#pragma once

#include <string>
#include <vector>

#include "distributed/comm.h"
#include "storyline/errors.h"
#include "storyline/options.h"
#include "storyline/types.h"

namespace storyline::distributed {

// This rank's articles: of the plain-text and HTML files, every size()-th
// starting at rank(); of every JSONL file, the lines that start in the
// rank's equal byte range (line numbers in reports stay those of the whole
// file); standard input on rank 0. Collective. Listing errors are reported
// by rank 0 only, read errors by the rank that met them.
std::vector<Article> ReadShare(const Comm& comm,
                               const std::vector<std::string>& inputs,
                               const IngestOptions& options, ErrorSink& errors);

}  // namespace storyline::distributed
