#include "output/json.h"

#include <set>

#include "fmt/format.h"

namespace storyline::output {
namespace {

using nlohmann::json;

std::string_view Excerpt(const Document& doc, Span span) {
  if (span.end > doc.text.size() || span.begin >= span.end) return "";
  return std::string_view(doc.text).substr(span.begin, span.end - span.begin);
}

json CitationJson(const Citation& cite, std::span<const Document> docs) {
  return {{"article", docs[cite.doc].id},
          {"span", {cite.span.begin, cite.span.end}}};
}

json IdList(std::span<const int> indices, std::span<const Document> docs) {
  json ids = json::array();
  for (const int i : indices) ids.push_back(docs[i].id);
  return ids;
}

}  // namespace

json DateJson(const std::optional<absl::CivilDay>& day) {
  if (!day) return nullptr;
  return fmt::format("{:04d}-{:02d}-{:02d}", day->year(), day->month(),
                         day->day());
}

json ArticleJson(const Document& doc) {
  return {{"id", doc.id},     {"title", doc.title},
          {"source", doc.source}, {"url", doc.url},
          {"date", DateJson(doc.published)},
          {"lang", std::string(LangCode(doc.lang))}};
}

json CopyJson(const CopyPair& pair, std::span<const Document> docs) {
  const Document& a = docs[pair.a];
  const Document& b = docs[pair.b];
  json out = {
      {"kind", std::string(CopyKindName(pair.kind))},
      {"a", a.id},
      {"b", b.id},
      {"jaccard", pair.jaccard},
      {"containment_a", pair.containment_a},
      {"containment_b", pair.containment_b},
      {"source", pair.source < 0 ? json(nullptr) : json(docs[pair.source].id)},
      {"direction_basis", pair.direction_basis},
      {"passage_a",
       {{"span", {pair.passage_a.begin, pair.passage_a.end}},
        {"text", Excerpt(a, pair.passage_a)}}},
      {"passage_b",
       {{"span", {pair.passage_b.begin, pair.passage_b.end}},
        {"text", Excerpt(b, pair.passage_b)}}},
  };
  return out;
}

json StoryJson(const Story& story, const PipelineResult& result) {
  const std::span<const Document> docs = result.docs;
  json articles = json::array();
  std::set<std::string> languages;
  for (const int d : story.docs) {
    articles.push_back(ArticleJson(docs[d]));
    if (docs[d].lang != Lang::kUnknown) {
      languages.insert(std::string(LangCode(docs[d].lang)));
    }
  }
  json sources = json::array();
  for (const auto& source : story.sources) {
    sources.push_back({{"name", source.name},
                       {"articles", IdList(source.docs, docs)},
                       {"first_seen", DateJson(source.first_seen)}});
  }
  json summary = json::array();
  for (const auto& sentence : story.summary) {
    json item = CitationJson(sentence.cite, docs);
    item["text"] = sentence.text;
    summary.push_back(item);
  }
  json timeline = json::array();
  for (const auto& entry : story.timeline) {
    json cites = json::array();
    std::set<std::string> ids;
    for (const auto& cite : entry.cites) {
      cites.push_back(CitationJson(cite, docs));
      ids.insert(docs[cite.doc].id);
    }
    timeline.push_back({{"date", DateJson(entry.date)},
                        {"text", entry.text},
                        {"expression", entry.expression},
                        {"precision", entry.precision},
                        {"articles", ids},
                        {"cites", cites}});
  }
  json entities = json::array();
  for (const auto& entity : story.entities) {
    entities.push_back({{"name", entity.name},
                        {"kind", std::string(EntityKindName(entity.kind))},
                        {"variants", entity.variants},
                        {"mentions", entity.mentions},
                        {"role", entity.role},
                        {"articles", IdList(entity.docs, docs)}});
  }
  json quotes = json::array();
  for (const auto& quote : story.quotes) {
    json variants = json::array();
    for (const auto& variant : quote.variants) {
      json item = CitationJson(variant.cite, docs);
      item["text"] = variant.text;
      variants.push_back(item);
    }
    quotes.push_back({{"speaker", quote.speaker}, {"variants", variants}});
  }
  json reuse = json::array();
  for (const int i : story.reuse) reuse.push_back(CopyJson(result.copies[i], docs));
  json disagreements = json::array();
  for (const auto& disagreement : story.disagreements) {
    json claims = json::array();
    for (const auto& claim : disagreement.claims) {
      json item = CitationJson(claim.cite, docs);
      item["text"] = claim.text;
      claims.push_back(item);
    }
    disagreements.push_back(
        {{"topic", disagreement.topic}, {"claims", claims}});
  }
  json events = json::array();
  for (const int e : story.events) {
    events.push_back({{"id", result.events[e].id},
                      {"articles", IdList(result.events[e].docs, docs)}});
  }
  return {
      {"id", story.id},
      {"headline", story.headline},
      {"headline_score", story.headline_score},
      {"headline_basis", story.headline_basis},
      {"headline_article",
       story.headline_doc < 0 ? json(nullptr) : json(docs[story.headline_doc].id)},
      {"first_date", DateJson(story.first_date)},
      {"last_date", DateJson(story.last_date)},
      {"languages", languages},
      {"top_terms", story.top_terms},
      {"summary", summary},
      {"timeline", timeline},
      {"entities", entities},
      {"quotes", quotes},
      {"sources", sources},
      {"reuse", reuse},
      {"disagreements", disagreements},
      {"events", events},
      {"articles", articles},
  };
}

json StoriesJson(const PipelineResult& result) {
  json stories = json::array();
  for (const Story& story : result.stories) {
    stories.push_back(StoryJson(story, result));
  }
  return {{"articles", result.docs.size()},
          {"events", result.events.size()},
          {"stories", stories}};
}

json CopiesJson(const PipelineResult& result) {
  json pairs = json::array();
  for (const auto& pair : result.copies) pairs.push_back(CopyJson(pair, result.docs));
  return {{"articles", result.docs.size()}, {"pairs", pairs}};
}

}  // namespace storyline::output
