#include "bench_data.h"

#include "corpus.h"
#include "corpus_gen.h"

namespace storyline::bench {
namespace {

std::vector<LabeledArticle> Base() {
  return LoadLabeledArticles(
      DefaultCorpusFiles(STORYLINE_SHARED_DIR, STORYLINE_SOURCE_DIR));
}

}  // namespace

const std::vector<Document>& RealDocuments() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    for (const auto& item : Base()) out.push_back(ToDocument(item.article));
    return out;
  }();
  return docs;
}

std::vector<Document> GeneratedDocuments(size_t n) {
  const CorpusGenerator generator(Base(), GeneratorOptions{});
  std::vector<Document> out;
  out.reserve(n);
  generator.Generate(
      n, [&](GeneratedArticle g) { out.push_back(ToDocument(g.article)); });
  return out;
}

int64_t TextBytes(const std::vector<Document>& docs) {
  int64_t bytes = 0;
  for (const auto& doc : docs) bytes += doc.title.size() + doc.text.size();
  return bytes;
}

}  // namespace storyline::bench
