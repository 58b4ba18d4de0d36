#include "pipeline/spill.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <type_traits>

#include "base/strings.h"
#include "cluster/similarity.h"

namespace storyline::pipeline {
namespace {

constexpr size_t kFlushBytes = size_t{4} << 20;
constexpr int32_t kUndated = INT32_MIN;

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  template <typename T>
  void Put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void PutString(std::string_view s) {
    Put(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  template <typename T>
  void PutVector(const std::vector<T>& v) {
    Put(static_cast<uint32_t>(v.size()));
    if (v.empty()) return;  // data() may be null
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T& value) {
    if (in_.size() < sizeof value) return false;
    std::memcpy(&value, in_.data(), sizeof value);
    in_.remove_prefix(sizeof value);
    return true;
  }
  bool GetString(std::string& s) {
    uint32_t n = 0;
    if (!Get(n) || in_.size() < n) return false;
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  template <typename T>
  bool GetVector(std::vector<T>& v) {
    uint32_t n = 0;
    if (!Get(n) || in_.size() / sizeof(T) < n) return false;
    v.resize(n);
    if (n > 0) std::memcpy(v.data(), in_.data(), n * sizeof(T));
    in_.remove_prefix(n * sizeof(T));
    return true;
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

absl::Status ErrnoError(std::string_view what, const std::string& path) {
  return absl::InternalError(StrCat(what, " ", path, ": ", strerror(errno)));
}

}  // namespace

std::string EncodeAnalyzedDoc(const AnalyzedDoc& a) {
  std::string out;
  Writer w(out);
  const Document& d = a.doc;
  for (const std::string* s : {&d.id, &d.source, &d.url, &d.title, &d.text}) {
    w.PutString(*s);
  }
  w.Put(static_cast<uint8_t>(d.lang));
  w.Put(d.published ? static_cast<int32_t>(cluster::DayNumber(*d.published))
                    : kUndated);
  w.PutVector(a.counts.terms);
  w.PutVector(a.counts.weights);
  w.Put(a.signature.exact);
  w.PutVector(a.signature.minhash);
  w.PutVector(a.signature.fingerprints);
  w.Put(a.signature.shingles);
  w.PutVector(a.content_stems);
  return out;
}

absl::StatusOr<AnalyzedDoc> DecodeAnalyzedDoc(std::string_view bytes) {
  AnalyzedDoc a;
  Reader r(bytes);
  Document& d = a.doc;
  uint8_t lang = 0;
  int32_t day = 0;
  bool ok = true;
  for (std::string* s : {&d.id, &d.source, &d.url, &d.title, &d.text}) {
    ok = ok && r.GetString(*s);
  }
  ok = ok && r.Get(lang) && r.Get(day) && r.GetVector(a.counts.terms) &&
       r.GetVector(a.counts.weights) && r.Get(a.signature.exact) &&
       r.GetVector(a.signature.minhash) &&
       r.GetVector(a.signature.fingerprints) && r.Get(a.signature.shingles) &&
       r.GetVector(a.content_stems) && r.done();
  if (!ok || a.counts.terms.size() != a.counts.weights.size() ||
      lang > static_cast<uint8_t>(Lang::kOther)) {
    return absl::DataLossError("spilled record is damaged");
  }
  d.lang = static_cast<Lang>(lang);
  if (day != kUndated) d.published = absl::CivilDay(1970, 1, 1) + day;
  return a;
}

absl::StatusOr<std::unique_ptr<SpillFile>> SpillFile::Create(
    const std::string& dir, const std::string& name) {
  const std::string path =
      (std::filesystem::path(dir) / StrCat(name, ".", getpid(), ".spill"))
          .string();
  const int fd =
      open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return ErrnoError("cannot create", path);
  // Unlinked at once: the open descriptor keeps the file, and the system
  // frees its space when the descriptor closes, even if the process is
  // killed. A run stopped with kill -9 leaves nothing in the folder.
  if (unlink(path.c_str()) != 0) {
    const absl::Status error = ErrnoError("cannot unlink", path);
    close(fd);
    return error;
  }
  return std::unique_ptr<SpillFile>(new SpillFile(fd, path));
}

SpillFile::~SpillFile() { close(fd_); }

absl::Status SpillFile::Flush() {
  size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = pwrite(fd_, buffer_.data() + done, buffer_.size() - done,
                             static_cast<off_t>(written_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return ErrnoError("cannot write", path_);
    done += static_cast<size_t>(n);
  }
  written_ += buffer_.size();
  buffer_.clear();
  return absl::OkStatus();
}

absl::StatusOr<SpillFile::Place> SpillFile::AppendBytes(
    std::string_view bytes) {
  if (bytes.size() > UINT32_MAX) {
    return absl::InvalidArgumentError("record over 4 GB");
  }
  const Place place{size_, static_cast<uint32_t>(bytes.size())};
  buffer_.append(bytes);
  size_ += bytes.size();
  if (buffer_.size() >= kFlushBytes) {
    if (auto status = Flush(); !status.ok()) return status;
  }
  return place;
}

absl::StatusOr<SpillFile::Place> SpillFile::Append(const AnalyzedDoc& doc) {
  return AppendBytes(EncodeAnalyzedDoc(doc));
}

absl::StatusOr<std::string> SpillFile::ReadBytes(Place place) const {
  if (place.offset >= written_) {  // still in the buffer
    const uint64_t at = place.offset - written_;
    if (at + place.bytes > buffer_.size()) {
      return absl::OutOfRangeError("no such spilled record");
    }
    return buffer_.substr(at, place.bytes);
  }
  std::string bytes(place.bytes, '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = pread(fd_, bytes.data() + done, bytes.size() - done,
                            static_cast<off_t>(place.offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return ErrnoError("cannot read", path_);
    done += static_cast<size_t>(n);
  }
  return bytes;
}

absl::StatusOr<AnalyzedDoc> SpillFile::Read(Place place) const {
  auto bytes = ReadBytes(place);
  if (!bytes.ok()) return bytes.status();
  return DecodeAnalyzedDoc(*bytes);
}

}  // namespace storyline::pipeline
