#include "distributed/share.h"

#include <filesystem>

#include "base/strings.h"
#include "storyline/ingest.h"

namespace storyline::distributed {
namespace {

class DiscardingErrorSink : public ErrorSink {
 public:
  void Report(InputError) override {}
};

}  // namespace

std::vector<Article> ReadShare(const Comm& comm,
                               const std::vector<std::string>& inputs,
                               const IngestOptions& options,
                               ErrorSink& errors) {
  DiscardingErrorSink discard;
  const std::vector<std::string> files =
      ListInputFiles(inputs, comm.rank() == 0 ? errors : discard);
  std::vector<Article> out;
  std::vector<JsonlChunk> chunks;
  std::vector<uint64_t> lines;
  int whole_files = 0;
  for (const std::string& file : files) {
    if (file == "-") {
      if (comm.rank() == 0) {
        auto articles = ReadInputFile(file, options, errors);
        std::move(articles.begin(), articles.end(), std::back_inserter(out));
      }
      continue;
    }
    if (!IsJsonlPath(file)) {
      if (whole_files++ % comm.size() == comm.rank()) {
        auto articles = ReadInputFile(file, options, errors);
        std::move(articles.begin(), articles.end(), std::back_inserter(out));
      }
      continue;
    }
    std::error_code ec;
    const uint64_t size = std::filesystem::file_size(file, ec);
    JsonlChunk empty;
    empty.path = file;
    absl::StatusOr<JsonlChunk> chunk = empty;
    if (ec) {
      if (comm.rank() == 0) {
        errors.Report({file, StrCat("cannot read: ", ec.message())});
      }
    } else {
      chunk = ReadJsonlChunk(file, size * comm.rank() / comm.size(),
                             size * (comm.rank() + 1) / comm.size(), options);
      if (!chunk.ok()) {
        errors.Report({file, StrCat(MessageOf(chunk.status()),
                                    ", this rank's share skipped")});
        chunk = empty;
      }
    }
    lines.push_back(chunk->lines);
    chunks.push_back(*std::move(chunk));
  }
  // Every rank lists the same files, so the counts line up for the scan.
  const std::vector<uint64_t> lines_before = comm.SumBefore(lines);
  for (size_t i = 0; i < chunks.size(); ++i) {
    ParseJsonlChunk(chunks[i], lines_before[i] + 1, options, errors, out);
    chunks[i] = {};
  }
  return out;
}

}  // namespace storyline::distributed
