// Request counters and latency histograms in Prometheus text format.
#pragma once

#include <array>
#include <map>
#include <string>
#include <tuple>

#include "absl/synchronization/mutex.h"

namespace storyline::server {

// Gauges the service reports at scrape time.
struct ServiceGauges {
  size_t articles = 0;
  size_t stories = 0;
  size_t events = 0;
  double cluster_seconds = 0;  // last update of the stories
  // Whether the stories are a full recluster's, with nothing changed
  // since, and how many article changes were applied locally since one.
  bool exact = false;
  size_t changed_since_full = 0;
  bool ready = false;
};

// Thread-safe.
class Metrics {
 public:
  // `route` is the pattern ("/stories/{id}"), not the path: bounded labels.
  void Record(const std::string& method, const std::string& route, int status,
              double seconds);
  std::string Render(const ServiceGauges& gauges) const;

 private:
  static constexpr std::array<double, 10> kBuckets = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};
  struct Latency {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable absl::Mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_
      ABSL_GUARDED_BY(mu_);
  std::map<std::pair<std::string, std::string>, Latency> latency_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace storyline::server
