// Applying a burst of writes to the stories without reclustering the
// corpus: only the stories the changed articles belong to, or may join,
// are clustered again and retold; every other story is carried over.
//
// Articles keep their position in the snapshot: a new one is appended, a
// deleted or replaced one stays as an unused slot (Snapshot::analysed is
// null there), so carried-over stories, whose citations point at positions,
// stay valid. The next full recluster compacts the slots and puts back the
// exact batch result.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "pipeline/incremental.h"
#include "server/service.h"

namespace storyline::server {

// Per changed article id, its analysis now, or null once deleted.
using Changes =
    std::map<std::string, std::shared_ptr<const pipeline::AnalyzedDoc>>;

// `base` with `changes` applied. `stem_df` counts the stems of the corpus
// after the changes, over `documents` articles. Appends the new articles
// to base.nearest, which the result shares.
std::shared_ptr<Snapshot> UpdateLocally(
    const Snapshot& base, const Changes& changes, const story::StemDf& stem_df,
    int documents, const PipelineOptions& options, int threads);

}  // namespace storyline::server
