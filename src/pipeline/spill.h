// Analysed documents kept on disk instead of in memory, for corpora larger
// than RAM: one append-only file of records, read back by offset.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "pipeline/incremental.h"

namespace storyline::pipeline {

// A temporary file of AnalyzedDoc records in a folder. It has no name
// there from the start, so its space is freed when it is destroyed or the
// process ends, however it ends. Append from one thread; Read from any
// number at once.
class SpillFile {
 public:
  // Creates a new file in `dir` (which must exist).
  static absl::StatusOr<std::unique_ptr<SpillFile>> Create(
      const std::string& dir, const std::string& name);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  struct Place {
    uint64_t offset = 0;
    uint32_t bytes = 0;
  };
  // Appends one record; fails when the disk does.
  absl::StatusOr<Place> Append(const AnalyzedDoc& doc);
  absl::StatusOr<AnalyzedDoc> Read(Place place) const;

  // Appends raw bytes (for rendered output), read back with ReadBytes.
  absl::StatusOr<Place> AppendBytes(std::string_view bytes);
  absl::StatusOr<std::string> ReadBytes(Place place) const;

  uint64_t size() const { return size_; }

 private:
  SpillFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  absl::Status Flush();

  int fd_ = -1;
  std::string path_;
  std::string buffer_;  // appended, not yet written
  uint64_t size_ = 0;   // bytes appended, written or not
  uint64_t written_ = 0;
};

// The record format, exposed for tests: Decode(Encode(doc)) == doc.
std::string EncodeAnalyzedDoc(const AnalyzedDoc& doc);
absl::StatusOr<AnalyzedDoc> DecodeAnalyzedDoc(std::string_view bytes);

}  // namespace storyline::pipeline
