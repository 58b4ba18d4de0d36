#include "server/metrics.h"

#include "fmt/format.h"

namespace storyline::server {

void Metrics::Record(const std::string& method, const std::string& route,
                     int status, double seconds) {
  absl::MutexLock lock(&mu_);
  ++requests_[{method, route, status}];
  Latency& l = latency_[{method, route}];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++l.buckets[i];
  }
  ++l.count;
  l.sum += seconds;
}

std::string Metrics::Render(const ServiceGauges& g) const {
  std::string out;
  out += "# HELP storyline_requests_total HTTP requests by route and status.\n";
  out += "# TYPE storyline_requests_total counter\n";
  absl::MutexLock lock(&mu_);
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += fmt::format(
        "storyline_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} "
        "{}\n",
        method, route, status, count);
  }
  out += "# HELP storyline_request_seconds Request latency.\n";
  out += "# TYPE storyline_request_seconds histogram\n";
  for (const auto& [key, l] : latency_) {
    const auto labels =
        fmt::format("method=\"{}\",route=\"{}\"", key.first, key.second);
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out +=
          fmt::format("storyline_request_seconds_bucket{{{},le=\"{}\"}} {}\n",
                      labels, kBuckets[i], l.buckets[i]);
    }
    out += fmt::format(
        "storyline_request_seconds_bucket{{{},le=\"+Inf\"}} {}\n"
        "storyline_request_seconds_sum{{{}}} {}\n"
        "storyline_request_seconds_count{{{}}} {}\n",
        labels, l.count, labels, l.sum, labels, l.count);
  }
  out += fmt::format(
      "# TYPE storyline_articles gauge\nstoryline_articles {}\n"
      "# TYPE storyline_stories gauge\nstoryline_stories {}\n"
      "# TYPE storyline_events gauge\nstoryline_events {}\n"
      "# TYPE storyline_cluster_seconds gauge\nstoryline_cluster_seconds {}\n"
      "# HELP storyline_stories_exact 1 when the stories are what a batch "
      "run gives on the stored articles.\n"
      "# TYPE storyline_stories_exact gauge\nstoryline_stories_exact {}\n"
      "# HELP storyline_changed_since_full Article changes applied to the "
      "stories in place since the last full recluster.\n"
      "# TYPE storyline_changed_since_full gauge\n"
      "storyline_changed_since_full {}\n"
      "# TYPE storyline_ready gauge\nstoryline_ready {}\n",
      g.articles, g.stories, g.events, g.cluster_seconds, g.exact ? 1 : 0,
      g.changed_since_full, g.ready ? 1 : 0);
  return out;
}

}  // namespace storyline::server
