#include "output/story_spool.h"

#include <algorithm>

#include "base/strings.h"
#include "output/json.h"
#include "output/markdown.h"

namespace storyline::output {
namespace {

// A story as it sits in the "stories" array of StoriesJson(...).dump(2).
std::string IndentedStoryJson(const Story& story,
                              const PipelineResult& result) {
  const std::string alone = StoryJson(story, result).dump(2);
  std::string out = "    ";
  for (const char c : alone) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

}  // namespace

absl::StatusOr<std::unique_ptr<StorySpool>> StorySpool::Create(
    SpoolFormat format, const std::string& dir) {
  auto file = pipeline::SpillFile::Create(dir, "output");
  if (!file.ok()) return file.status();
  return std::unique_ptr<StorySpool>(new StorySpool(format, *std::move(file)));
}

absl::Status StorySpool::Keep(size_t size, std::string first_id,
                              std::string text) {
  auto place = file_->AppendBytes(text);
  if (!place.ok()) return place.status();
  pieces_.push_back({size, std::move(first_id), *place});
  return absl::OkStatus();
}

absl::Status StorySpool::Take(const PipelineResult& segment) {
  for (size_t s = 0; s < segment.clusters.size(); ++s) {
    const Cluster& cluster = segment.clusters[s];
    if (format_ == SpoolFormat::kAssignments) {
      for (const int e : cluster.events) {
        const Event& event = segment.events[e];
        std::string lines;
        for (const int d : event.docs) {
          StrAppend(&lines, segment.docs[d].id, "\t", event.id, "\t",
                    cluster.id, "\n");
        }
        // Events print by smallest member alone: one size for all.
        if (auto status =
                Keep(0, segment.docs[event.docs.front()].id, std::move(lines));
            !status.ok()) {
          return status;
        }
      }
      continue;
    }
    const Story& story = segment.stories.at(s);
    std::string text = format_ == SpoolFormat::kJson
                           ? IndentedStoryJson(story, segment)
                           : StoryMarkdown(story, segment);
    if (auto status =
            Keep(cluster.docs.size(), segment.docs[cluster.docs.front()].id,
                 std::move(text));
        !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

absl::Status StorySpool::WriteTo(std::ostream& out,
                                 const BoundedSummary& summary) const {
  std::vector<const Piece*> order;
  order.reserve(pieces_.size());
  for (const Piece& piece : pieces_) order.push_back(&piece);
  std::sort(order.begin(), order.end(), [](const Piece* a, const Piece* b) {
    if (a->size != b->size) return a->size > b->size;
    return a->first_id < b->first_id;
  });
  switch (format_) {
    case SpoolFormat::kJson:
      out << "{\n  \"articles\": " << summary.articles
          << ",\n  \"events\": " << summary.events
          << ",\n  \"stories\": " << (order.empty() ? "[]" : "[\n");
      break;
    case SpoolFormat::kMarkdown:
      out << StoriesMarkdownTitle(summary.stories, summary.articles);
      break;
    case SpoolFormat::kAssignments:
      out << "article_id\tevent_id\tstory_id\n";
      break;
  }
  for (size_t i = 0; i < order.size(); ++i) {
    auto text = file_->ReadBytes(order[i]->place);
    if (!text.ok()) return text.status();
    if (format_ == SpoolFormat::kJson && i > 0) out << ",\n";
    out << *text;
  }
  if (format_ == SpoolFormat::kJson) {
    out << (order.empty() ? "" : "\n  ]") << "\n}\n";
  }
  out.flush();
  if (!out) return absl::InternalError("cannot write the output");
  return absl::OkStatus();
}

}  // namespace storyline::output
