// A compact binary form of the pipeline's data, for sending it between
// processes of one job (same binary, same machine architecture): fixed-width
// little-endian integers and length-prefixed strings. Not a storage format.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/time/civil_time.h"
#include "cluster/vectors.h"
#include "dedup/signature.h"
#include "storyline/types.h"

namespace storyline::distributed {

class WireWriter {
 public:
  template <typename T>
    requires std::is_arithmetic_v<T>
  void Put(T value) {
    const size_t at = out_.size();
    out_.resize(at + sizeof(T));
    std::memcpy(out_.data() + at, &value, sizeof(T));
  }
  void PutString(std::string_view s) {
    Put<uint64_t>(s.size());
    out_.append(s);
  }
  template <typename T>
    requires std::is_arithmetic_v<T>
  void PutVector(const std::vector<T>& values) {
    Put<uint64_t>(values.size());
    if (!values.empty()) {
      out_.append(reinterpret_cast<const char*>(values.data()),
                  values.size() * sizeof(T));
    }
  }
  void PutDay(const std::optional<absl::CivilDay>& day);

  std::string Take() { return std::move(out_); }
  size_t size() const { return out_.size(); }

 private:
  std::string out_;
};

// Reads what a WireWriter wrote. A read past the end (a message cut short:
// a bug, never user input) sets `ok()` false and yields zeros.
class WireReader {
 public:
  explicit WireReader(std::string_view in) : in_(in) {}

  template <typename T>
    requires std::is_arithmetic_v<T>
  T Get() {
    T value{};
    if (!Take(sizeof(T))) return value;
    std::memcpy(&value, in_.data() + pos_ - sizeof(T), sizeof(T));
    return value;
  }
  std::string GetString();
  template <typename T>
    requires std::is_arithmetic_v<T>
  std::vector<T> GetVector() {
    const uint64_t n = Get<uint64_t>();
    if (n > (in_.size() - pos_) / sizeof(T) || !Take(n * sizeof(T))) {
      ok_ = false;
      return {};
    }
    std::vector<T> values(n);
    if (n > 0) {  // an empty vector's data() may be null, not for memcpy
      std::memcpy(values.data(), in_.data() + pos_ - n * sizeof(T),
                  n * sizeof(T));
    }
    return values;
  }
  std::optional<absl::CivilDay> GetDay();

  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }

 private:
  bool Take(size_t n) {
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return false;
    }
    pos_ += n;
    return true;
  }

  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

void Put(WireWriter& w, const Document& doc);
void Put(WireWriter& w, const cluster::SparseVector& v);
void Put(WireWriter& w, const dedup::Signature& s);
void Put(WireWriter& w, const CopyPair& pair);
void Put(WireWriter& w, const Event& event);
void Put(WireWriter& w, const Cluster& cluster);

void Get(WireReader& r, Document& doc);
void Get(WireReader& r, cluster::SparseVector& v);
void Get(WireReader& r, dedup::Signature& s);
void Get(WireReader& r, CopyPair& pair);
void Get(WireReader& r, Event& event);
void Get(WireReader& r, Cluster& cluster);

}  // namespace storyline::distributed
