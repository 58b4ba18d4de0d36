#include "story/teller.h"

#include <algorithm>
#include <map>

#include "base/parallel.h"

namespace storyline::story {

Story TellStory(const StoryInput& input, const Cluster& cluster,
                const StoryOptions&) {
  Story story;
  story.id = cluster.id;
  story.docs = cluster.docs;
  story.events = cluster.events;
  std::map<std::string, SourceInfo> sources;
  for (const int d : cluster.docs) {
    const Document& doc = input.docs[d];
    if (doc.published) {
      if (!story.first_date || *doc.published < *story.first_date) {
        story.first_date = doc.published;
      }
      if (!story.last_date || *doc.published > *story.last_date) {
        story.last_date = doc.published;
      }
    }
    const std::string name = doc.source.empty() ? "unknown" : doc.source;
    SourceInfo& source = sources[name];
    source.name = name;
    source.docs.push_back(d);
    if (doc.published &&
        (!source.first_seen || *doc.published < *source.first_seen)) {
      source.first_seen = doc.published;
    }
    if (story.headline.empty() && !doc.title.empty()) {
      story.headline = doc.title;
      story.headline_doc = d;
    }
  }
  for (auto& [name, source] : sources) story.sources.push_back(source);
  for (int i = 0; i < static_cast<int>(input.copies.size()); ++i) {
    const CopyPair& pair = input.copies[i];
    if (std::binary_search(cluster.docs.begin(), cluster.docs.end(), pair.a) &&
        std::binary_search(cluster.docs.begin(), cluster.docs.end(), pair.b)) {
      story.reuse.push_back(i);
    }
  }
  if (story.headline.empty() && !cluster.docs.empty()) {
    const std::string& text = input.docs[cluster.docs.front()].text;
    story.headline = text.substr(0, text.find('\n'));
    story.headline_doc = cluster.docs.front();
  }
  return story;
}

std::vector<Story> TellStories(const StoryInput& input,
                               std::span<const Cluster> clusters,
                               const StoryOptions& options, int threads) {
  std::vector<Story> stories(clusters.size());
  ParallelFor(static_cast<int>(clusters.size()), threads, 1,
              [&](int, int i) {
                stories[i] = TellStory(input, clusters[i], options);
              });
  return stories;
}

}  // namespace storyline::story
