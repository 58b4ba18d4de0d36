#include "story/teller.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include "base/parallel.h"
#include "story/entities.h"
#include "story/figures.h"
#include "story/quotes.h"
#include "story/story_view.h"
#include "story/summary.h"
#include "story/timeline.h"
#include "text/analyzer.h"

namespace storyline::story {
namespace {

// "https://www.example.com/a" -> "www.example.com".
std::string HostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  url = url.substr(0, url.find(':'));
  return std::string(url);
}

void AddSources(const StoryInput& input, const Cluster& cluster, Story& story) {
  std::map<std::string, SourceInfo> sources;
  for (const int d : cluster.docs) {
    const Document& doc = input.docs[d];
    std::string name = doc.source.empty() ? HostOf(doc.url) : doc.source;
    if (name.empty()) name = "unknown";
    SourceInfo& source = sources[name];
    source.name = name;
    source.docs.push_back(d);
    if (doc.published) {
      if (!source.first_seen || *doc.published < *source.first_seen) {
        source.first_seen = doc.published;
      }
      if (!story.first_date || *doc.published < *story.first_date) {
        story.first_date = doc.published;
      }
      if (!story.last_date || *doc.published > *story.last_date) {
        story.last_date = doc.published;
      }
    }
  }
  // Who reported first: earliest first-seen date, undated sources last.
  for (auto& [name, source] : sources) story.sources.push_back(source);
  std::stable_sort(story.sources.begin(), story.sources.end(),
                   [](const SourceInfo& a, const SourceInfo& b) {
                     if (a.first_seen.has_value() != b.first_seen.has_value()) {
                       return a.first_seen.has_value();
                     }
                     return a.first_seen && *a.first_seen < *b.first_seen;
                   });
}

// The copy pairs inside each cluster, in copy order: one pass over the
// copies, not one per cluster.
std::vector<std::vector<int>> ReuseOf(const StoryInput& input,
                                      std::span<const Cluster> clusters) {
  std::vector<std::vector<int>> clusters_of(input.docs.size());
  for (int c = 0; c < static_cast<int>(clusters.size()); ++c) {
    for (const int d : clusters[c].docs) clusters_of[d].push_back(c);
  }
  std::vector<std::vector<int>> reuse(clusters.size());
  for (int i = 0; i < static_cast<int>(input.copies.size()); ++i) {
    const CopyPair& pair = input.copies[i];
    const std::vector<int>& of_b = clusters_of[pair.b];
    for (const int c : clusters_of[pair.a]) {
      if (std::find(of_b.begin(), of_b.end(), c) != of_b.end()) {
        reuse[c].push_back(i);
      }
    }
  }
  return reuse;
}

Story Tell(const StoryInput& input, const StoryCorpus& corpus,
           const Cluster& cluster, std::vector<int> reuse,
           const StoryOptions& options) {
  Story story;
  story.id = cluster.id;
  story.docs = cluster.docs;
  story.events = cluster.events;
  AddSources(input, cluster, story);
  story.reuse = std::move(reuse);
  const StoryView view(corpus, cluster.docs);
  ChooseHeadline(view, story);
  Summarize(view, options, story);
  ChooseTopTerms(view, options, story);
  const SentenceDates dates = ResolveSentenceDates(view, options);
  BuildTimeline(view, dates, options, story);
  const EntityIndex entities = FindEntities(view);
  AddEntities(entities, options, story);
  FindQuotes(view, entities, options, story);
  FindDisagreements(view, dates, story);
  return story;
}

}  // namespace

Story TellStory(const StoryInput& input, const StoryCorpus& corpus,
                const Cluster& cluster, const StoryOptions& options) {
  return Tell(input, corpus, cluster,
              std::move(ReuseOf(input, {&cluster, 1})[0]), options);
}

Story TellStory(const StoryInput& input, const Cluster& cluster,
                const StoryOptions& options) {
  const StoryCorpus corpus = BuildCorpus(input.docs, cluster.docs, 1);
  return TellStory(input, corpus, cluster, options);
}

std::vector<Story> TellStories(const StoryInput& input,
                               std::span<const Cluster> clusters,
                               const StoryOptions& options, int threads) {
  // Background word rarity comes from all documents, not just members.
  const StoryCorpus corpus = BuildCorpus(input.docs, {}, threads);
  std::vector<std::vector<int>> reuse = ReuseOf(input, clusters);
  std::vector<Story> stories(clusters.size());
  ParallelFor(static_cast<int>(clusters.size()), threads, 1, [&](int, int i) {
    stories[i] = Tell(input, corpus, clusters[i], std::move(reuse[i]), options);
  });
  return stories;
}

std::vector<Story> TellStories(const StoryInput& input, StemDf stem_df,
                               int documents, std::span<const Cluster> clusters,
                               const StoryOptions& options, int threads,
                               const text::KeptTexts* kept) {
  StoryCorpus corpus;
  corpus.docs = input.docs;
  corpus.analyses.resize(input.docs.size());
  corpus.df = std::move(stem_df);
  corpus.analysed_docs = documents;
  std::vector<std::vector<int>> reuse = ReuseOf(input, clusters);
  PerWorker<text::Analyzer> analyzers(threads);
  std::vector<Story> stories(clusters.size());
  // Each worker writes only the analyses of its own cluster's documents.
  ParallelFor(
      static_cast<int>(clusters.size()), threads, 1, [&](int worker, int i) {
        for (const int d : clusters[i].docs) {
          corpus.analyses[d] =
              kept && kept->Has(d)
                  ? Analyse(analyzers[worker], input.docs[d], *kept, d)
                  : Analyse(analyzers[worker], input.docs[d]);
        }
        stories[i] =
            Tell(input, corpus, clusters[i], std::move(reuse[i]), options);
        for (const int d : clusters[i].docs) corpus.analyses[d] = {};
      });
  return stories;
}

}  // namespace storyline::story
