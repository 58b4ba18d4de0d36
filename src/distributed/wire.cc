#include "distributed/wire.h"

namespace storyline::distributed {

void WireWriter::PutDay(const std::optional<absl::CivilDay>& day) {
  Put<uint8_t>(day.has_value());
  if (day) Put<int64_t>(*day - absl::CivilDay(1970, 1, 1));
}

std::string WireReader::GetString() {
  const uint64_t n = Get<uint64_t>();
  if (!Take(n)) return {};
  return std::string(in_.substr(pos_ - n, n));
}

std::optional<absl::CivilDay> WireReader::GetDay() {
  if (Get<uint8_t>() == 0) return std::nullopt;
  return absl::CivilDay(1970, 1, 1) + Get<int64_t>();
}

void Put(WireWriter& w, const Document& doc) {
  w.PutString(doc.id);
  w.PutString(doc.source);
  w.PutString(doc.url);
  w.PutString(doc.title);
  w.PutString(doc.text);
  w.Put<int32_t>(static_cast<int32_t>(doc.lang));
  w.PutDay(doc.published);
}

void Get(WireReader& r, Document& doc) {
  doc.id = r.GetString();
  doc.source = r.GetString();
  doc.url = r.GetString();
  doc.title = r.GetString();
  doc.text = r.GetString();
  doc.lang = static_cast<Lang>(r.Get<int32_t>());
  doc.published = r.GetDay();
}

void Put(WireWriter& w, const cluster::SparseVector& v) {
  w.PutVector(v.terms);
  w.PutVector(v.weights);
}

void Get(WireReader& r, cluster::SparseVector& v) {
  v.terms = r.GetVector<cluster::Term>();
  v.weights = r.GetVector<float>();
}

void Put(WireWriter& w, const dedup::Signature& s) {
  w.Put(s.exact);
  w.PutVector(s.minhash);
  w.PutVector(s.fingerprints);
  w.Put(s.shingles);
}

void Get(WireReader& r, dedup::Signature& s) {
  s.exact = r.Get<uint64_t>();
  s.minhash = r.GetVector<uint32_t>();
  s.fingerprints = r.GetVector<uint64_t>();
  s.shingles = r.Get<uint32_t>();
}

void Put(WireWriter& w, const CopyPair& pair) {
  w.Put<int32_t>(pair.a);
  w.Put<int32_t>(pair.b);
  w.Put<int32_t>(static_cast<int32_t>(pair.kind));
  w.Put(pair.jaccard);
  w.Put(pair.containment_a);
  w.Put(pair.containment_b);
  for (const Span& span : {pair.passage_a, pair.passage_b}) {
    w.Put(span.begin);
    w.Put(span.end);
  }
  w.Put<int32_t>(pair.source);
  w.PutString(pair.direction_basis);
}

void Get(WireReader& r, CopyPair& pair) {
  pair.a = r.Get<int32_t>();
  pair.b = r.Get<int32_t>();
  pair.kind = static_cast<CopyKind>(r.Get<int32_t>());
  pair.jaccard = r.Get<double>();
  pair.containment_a = r.Get<double>();
  pair.containment_b = r.Get<double>();
  for (Span* span : {&pair.passage_a, &pair.passage_b}) {
    span->begin = r.Get<uint32_t>();
    span->end = r.Get<uint32_t>();
  }
  pair.source = r.Get<int32_t>();
  pair.direction_basis = r.GetString();
}

void Put(WireWriter& w, const Event& event) {
  w.PutString(event.id);
  w.PutVector(event.docs);
}

void Get(WireReader& r, Event& event) {
  event.id = r.GetString();
  event.docs = r.GetVector<int>();
}

void Put(WireWriter& w, const Cluster& cluster) {
  w.PutString(cluster.id);
  w.PutVector(cluster.events);
  w.PutVector(cluster.docs);
}

void Get(WireReader& r, Cluster& cluster) {
  cluster.id = r.GetString();
  cluster.events = r.GetVector<int>();
  cluster.docs = r.GetVector<int>();
}

}  // namespace storyline::distributed
