// Output of RunBoundedPipeline: each closed story is rendered when it
// arrives and kept on disk; at the end the renderings are written in the
// order the in-memory commands print them, so the output is the same file.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pipeline/spill.h"
#include "storyline/pipeline.h"

namespace storyline::output {

enum class SpoolFormat {
  kJson,         // as StoriesJson(...).dump(2)
  kMarkdown,     // as StoriesMarkdown
  kAssignments,  // as AssignmentsTsv
};

class StorySpool : public StorySink {
 public:
  // Keeps its renderings in a temporary file in `dir`.
  static absl::StatusOr<std::unique_ptr<StorySpool>> Create(
      SpoolFormat format, const std::string& dir);

  absl::Status Take(const PipelineResult& segment) override;

  // Writes the whole output, with the totals of the run.
  absl::Status WriteTo(std::ostream& out, const BoundedSummary& summary) const;

 private:
  // Renderings sort by (-size, smallest member id): stories as listed, or
  // events by their smallest member.
  struct Piece {
    size_t size = 0;
    std::string first_id;
    pipeline::SpillFile::Place place;
  };
  StorySpool(SpoolFormat format, std::unique_ptr<pipeline::SpillFile> file)
      : format_(format), file_(std::move(file)) {}
  absl::Status Keep(size_t size, std::string first_id, std::string text);

  SpoolFormat format_;
  std::unique_ptr<pipeline::SpillFile> file_;
  std::vector<Piece> pieces_;
};

}  // namespace storyline::output
