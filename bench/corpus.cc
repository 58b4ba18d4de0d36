#include "corpus.h"

#include <filesystem>
#include <fstream>

#include "nlohmann/json.hpp"
#include "storyline/ingest.h"

namespace storyline::bench {
namespace {

std::string StringField(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

}  // namespace

std::vector<std::string> DefaultCorpusFiles(const std::string& shared_dir,
                                            const std::string& source_dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const char* name : {"g5w1h-newscluster", "ecbplus"}) {
    const fs::path path =
        fs::path(shared_dir) / "data" / name / (std::string(name) + ".jsonl");
    if (fs::exists(path)) files.push_back(path.string());
  }
  if (files.empty()) {
    files.push_back(
        (fs::path(source_dir) / "data/sample/ecbplus-sample.jsonl").string());
  }
  return files;
}

std::vector<LabeledArticle> LoadLabeledArticles(
    const std::vector<std::string>& files) {
  std::vector<LabeledArticle> out;
  for (const auto& file : files) {
    std::ifstream in(file);
    const std::string set = std::filesystem::path(file).stem().string();
    std::string line;
    while (std::getline(in, line)) {
      const auto object = nlohmann::json::parse(line, nullptr, false);
      if (!object.is_object()) continue;
      LabeledArticle item;
      Article& a = item.article;
      a.id = StringField(object, "id");
      a.title = StringField(object, "title");
      a.body = StringField(object, "text");
      a.source = StringField(object, "source");
      a.url = StringField(object, "url");
      a.published = ParseIsoDate(StringField(object, "date"));
      a.lang = LangFromCode(StringField(object, "lang"));
      if (a.id.empty() || a.body.empty()) continue;
      item.label = set + ":" + StringField(object, "label");
      out.push_back(std::move(item));
    }
  }
  return out;
}

Document ToDocument(const Article& article) {
  Document doc;
  doc.id = article.id;
  doc.source = article.source;
  doc.url = article.url;
  doc.title = article.title;
  doc.text = article.body;
  doc.lang = article.lang == Lang::kUnknown ? Lang::kEn : article.lang;
  doc.published = article.published;
  return doc;
}

}  // namespace storyline::bench
