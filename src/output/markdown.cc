#include "output/markdown.h"

#include "base/strings.h"
#include "fmt/format.h"
#include "fmt/ranges.h"
#include "output/json.h"

namespace storyline::output {
namespace {

std::string Day(const std::optional<absl::CivilDay>& day) {
  return day ? fmt::format("{:04d}-{:02d}-{:02d}", day->year(), day->month(),
                               day->day())
             : std::string("undated");
}

std::string Snippet(const Document& doc, Span span, size_t max_bytes = 160) {
  if (span.end > doc.text.size() || span.begin >= span.end) return "";
  std::string text = doc.text.substr(span.begin, span.end - span.begin);
  if (text.size() > max_bytes) {
    size_t cut = max_bytes;
    // Do not cut inside a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    text = StrCat(text.substr(0, cut), "…");
  }
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

void AppendStory(const Story& story, const PipelineResult& result,
                 std::string& out) {
  const auto& docs = result.docs;
  StrAppend(&out, "## ", story.headline, "\n\n");
  StrAppend(&out, "- id: `", story.id, "` · ", story.docs.size(),
                  " articles · ", story.events.size(), " events · ",
                  Day(story.first_date), " – ", Day(story.last_date), "\n");
  std::vector<std::string> sources;
  for (const auto& source : story.sources) {
    sources.push_back(StrCat(source.name, " (", source.docs.size(), ")"));
  }
  StrAppend(&out, "- sources: ", fmt::format("{}", fmt::join(sources, ", ")), "\n");
  if (!story.top_terms.empty()) {
    StrAppend(&out, "- terms: ", fmt::format("{}", fmt::join(story.top_terms, ", ")),
                    "\n");
  }
  if (!story.summary.empty()) {
    StrAppend(&out, "\n**Summary.**");
    for (const auto& s : story.summary) {
      StrAppend(&out, " ", s.text, " [", docs[s.cite.doc].id, "]");
    }
    StrAppend(&out, "\n");
  }
  if (!story.timeline.empty()) {
    StrAppend(&out, "\n**Timeline**\n\n");
    for (const auto& entry : story.timeline) {
      std::vector<std::string> ids;
      for (const auto& cite : entry.cites) ids.push_back(docs[cite.doc].id);
      StrAppend(&out, "- ", Day(entry.date),
                entry.precision == "day" ? "" : StrCat(" (", entry.precision, ")"),
                ": ", entry.text, " [", fmt::format("{}", fmt::join(ids, ", ")),
                "]\n");
    }
  }
  if (!story.quotes.empty()) {
    StrAppend(&out, "\n**Quotes**\n\n");
    for (const auto& quote : story.quotes) {
      StrAppend(&out, "- ", quote.speaker.empty() ? "?" : quote.speaker,
                      ": “", quote.variants.front().text, "”");
      if (quote.variants.size() > 1) {
        StrAppend(&out, " (", quote.variants.size(), " wordings)");
      }
      StrAppend(&out, "\n");
    }
  }
  if (!story.entities.empty()) {
    std::vector<std::string> names;
    for (const auto& entity : story.entities) {
      names.push_back(StrCat(entity.name, " (",
                                   EntityKindName(entity.kind), ")"));
    }
    StrAppend(&out, "\n**Who and where:** ", fmt::format("{}", fmt::join(names, ", ")),
                    "\n");
  }
  if (!story.reuse.empty()) {
    StrAppend(&out, "\n**Reused text**\n\n");
    for (const int i : story.reuse) {
      const CopyPair& pair = result.copies[i];
      StrAppend(&out, "- ", docs[pair.a].id, " ~ ", docs[pair.b].id,
                      " (", CopyKindName(pair.kind), ", ",
                      fmt::format("{:.0f}%/{:.0f}%", 100 * pair.containment_a,
                                      100 * pair.containment_b),
                      pair.source >= 0
                          ? StrCat(", source ", docs[pair.source].id)
                          : std::string(", source unclear"),
                      "): “", Snippet(docs[pair.a], pair.passage_a), "”\n");
    }
  }
  if (!story.disagreements.empty()) {
    StrAppend(&out, "\n**Sources disagree**\n\n");
    for (const auto& d : story.disagreements) {
      std::vector<std::string> claims;
      for (const auto& claim : d.claims) {
        claims.push_back(
            StrCat("“", claim.text, "” [", docs[claim.cite.doc].id, "]"));
      }
      StrAppend(&out, "- ", d.topic, ": ", fmt::format("{}", fmt::join(claims, " vs ")),
                      "\n");
    }
  }
  StrAppend(&out, "\n");
}

}  // namespace

std::string StoriesMarkdownTitle(size_t stories, size_t articles) {
  return StrCat("# ", stories, " stories from ", articles, " articles\n\n");
}

std::string StoryMarkdown(const Story& story, const PipelineResult& result) {
  std::string out;
  AppendStory(story, result, out);
  return out;
}

std::string StoriesMarkdown(const PipelineResult& result) {
  std::string out =
      StoriesMarkdownTitle(result.stories.size(), result.docs.size());
  for (const Story& story : result.stories) AppendStory(story, result, out);
  return out;
}

std::string AssignmentsTsv(const PipelineResult& result) {
  std::vector<std::string> story_of(result.events.size());
  for (const Cluster& story : result.clusters) {
    for (const int e : story.events) story_of[e] = story.id;
  }
  std::string tsv = "article_id\tevent_id\tstory_id\n";
  for (size_t e = 0; e < result.events.size(); ++e) {
    for (const int d : result.events[e].docs) {
      StrAppend(&tsv, result.docs[d].id, "\t", result.events[e].id, "\t",
                story_of[e], "\n");
    }
  }
  return tsv;
}

std::string CopiesText(const PipelineResult& result) {
  std::string out;
  for (const CopyPair& pair : result.copies) {
    const Document& a = result.docs[pair.a];
    StrAppend(
        &out,
        fmt::format("{}\t{}\t{}\tjaccard={:.3f}\tcontainment={:.3f}/{:.3f}\t",
                        CopyKindName(pair.kind), a.id, result.docs[pair.b].id,
                        pair.jaccard, pair.containment_a, pair.containment_b),
        pair.source >= 0 ? StrCat("source=", result.docs[pair.source].id)
                         : "source=?",
        "\t“", Snippet(a, pair.passage_a, 120), "”\n");
  }
  return out;
}

}  // namespace storyline::output
