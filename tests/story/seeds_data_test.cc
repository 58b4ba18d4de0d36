// The whole pipeline on the five seed articles (Russia-NATO security talks,
// January 2022), told as one story: the cluster holds every seed so the
// checks do not depend on clustering thresholds.
#include <algorithm>
#include <string>

#include "gtest/gtest.h"
#include "story/teller.h"
#include "storyline/ingest.h"
#include "storyline/pipeline.h"
#include "testing.h"

namespace storyline::story {
namespace {

class SeedsStory : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    CollectingErrorSink errors;
    PipelineOptions options;
    options.synthesize = false;
    result_ = new PipelineResult(RunPipeline(
        ReadArticles({testing::SeedsDir()}, IngestOptions{}, errors), options,
        errors));
    Cluster all;
    all.id = "seeds";
    for (int d = 0; d < static_cast<int>(result_->docs.size()); ++d) {
      all.docs.push_back(d);
    }
    const StoryInput input{result_->docs, result_->copies, result_->events};
    story_ = new Story(TellStories(input, {&all, 1}, StoryOptions{}, 2)[0]);
  }
  static void TearDownTestSuite() {
    delete story_;
    delete result_;
  }
  static std::string Text(const Citation& c) {
    const std::string& t = result_->docs[c.doc].text;
    return t.substr(c.span.begin, c.span.end - c.span.begin);
  }
  static int DocOf(std::string_view prefix) {
    for (int d = 0; d < static_cast<int>(result_->docs.size()); ++d) {
      if (result_->docs[d].id.find(prefix) != std::string::npos) return d;
    }
    return -1;
  }
  // The timeline entry on `date` whose text contains `words`.
  static const TimelineEntry* Entry(const absl::CivilDay date,
                                    std::string_view words) {
    for (const TimelineEntry& e : story_->timeline) {
      if (e.date == date && e.text.find(words) != std::string::npos) return &e;
    }
    return nullptr;
  }
  static const Quote* QuoteWith(std::string_view words) {
    for (const Quote& q : story_->quotes) {
      for (const QuoteVariant& v : q.variants) {
        if (v.text.find(words) != std::string::npos) return &q;
      }
    }
    return nullptr;
  }

  static PipelineResult* result_;
  static Story* story_;
};

PipelineResult* SeedsStory::result_ = nullptr;
Story* SeedsStory::story_ = nullptr;

TEST_F(SeedsStory, EveryStatementCitesItsSpan) {
  ASSERT_EQ(result_->docs.size(), 5u);
  ASSERT_GE(story_->summary.size(), 3u);
  EXPECT_LE(story_->summary.size(), 7u);
  for (const SummarySentence& s : story_->summary)
    EXPECT_EQ(s.text, Text(s.cite));
  for (const TimelineEntry& e : story_->timeline) {
    EXPECT_EQ(e.text, Text(e.cites.front()));
  }
  for (const Quote& q : story_->quotes) {
    for (const QuoteVariant& v : q.variants) {
      EXPECT_EQ(Text(v.cite).find(v.text), 0u) << v.text;
    }
  }
}

TEST_F(SeedsStory, HeadlineIsCentralNotJustFirstTitle) {
  EXPECT_GT(story_->headline_score, 0.2);
  EXPECT_EQ(story_->headline.find("Sputnik"), std::string::npos)
      << story_->headline;
  EXPECT_NE(story_->headline.find("NATO"), std::string::npos)
      << story_->headline;
}

TEST_F(SeedsStory, SummaryHasNoReprintedSentence) {
  for (size_t i = 0; i < story_->summary.size(); ++i) {
    for (size_t j = i + 1; j < story_->summary.size(); ++j) {
      EXPECT_NE(story_->summary[i].text, story_->summary[j].text);
    }
  }
}

// 000 continues a quotation over two sentences; the second alone ("I
// think we are operating ... ,” she said.") is no summary sentence.
TEST_F(SeedsStory, SummarySentencesStandAlone) {
  ASSERT_GE(story_->summary.size(), 3u);
  auto count = [](std::string_view s, std::string_view mark) {
    int n = 0;
    for (size_t at = s.find(mark); at != std::string_view::npos;
         at = s.find(mark, at + mark.size())) {
      ++n;
    }
    return n;
  };
  for (const SummarySentence& s : story_->summary) {
    EXPECT_EQ(count(s.text, "“"), count(s.text, "”")) << s.text;
    EXPECT_FALSE(s.text[0] >= 'a' && s.text[0] <= 'z') << s.text;
  }
}

TEST_F(SeedsStory, TimelineRunsFromDecemberDraftsThroughViennaTalks) {
  ASSERT_FALSE(story_->timeline.empty());
  EXPECT_TRUE(std::is_sorted(
      story_->timeline.begin(), story_->timeline.end(),
      [](const auto& a, const auto& b) { return a.date < b.date; }));
  EXPECT_NE(Entry(absl::CivilDay(2021, 12, 17), "draft agreements"), nullptr);
  EXPECT_NE(Entry(absl::CivilDay(2022, 1, 9), "Preliminary talks"), nullptr);
  const TimelineEntry* geneva = Entry(absl::CivilDay(2022, 1, 10), "Geneva");
  ASSERT_NE(geneva, nullptr);
  EXPECT_GE(geneva->cites.size(), 2u);  // 000 and 001 report it alike
  EXPECT_NE(Entry(absl::CivilDay(2022, 1, 11), "Kremlin"), nullptr);
  EXPECT_NE(Entry(absl::CivilDay(2022, 1, 12), "Council"), nullptr);
  EXPECT_NE(Entry(absl::CivilDay(2022, 1, 13), "Vienna"), nullptr);
  // 002 is undated: "On Thursday ... will discuss" is read against the
  // story's latest date (Wednesday 12th) and the future tense.
  EXPECT_NE(Entry(absl::CivilDay(2022, 1, 13), "On Thursday"), nullptr);
}

TEST_F(SeedsStory, OfficialsAreMergedAcrossSpellings) {
  auto find = [](std::string_view surname) -> const Entity* {
    for (const Entity& e : story_->entities) {
      if (e.name.find(surname) != std::string::npos) return &e;
    }
    return nullptr;
  };
  const Entity* ryabkov = find("Ryabkov");
  ASSERT_NE(ryabkov, nullptr);
  EXPECT_EQ(ryabkov->kind, EntityKind::kPerson);
  EXPECT_GE(ryabkov->docs.size(), 4u);
  int ryabkov_entities = 0;
  for (const Entity& e : story_->entities) {
    ryabkov_entities += e.name.find("Ryabkov") != std::string::npos;
  }
  EXPECT_EQ(ryabkov_entities, 1);
  const Entity* smith = find("Smith");
  ASSERT_NE(smith, nullptr);
  EXPECT_EQ(smith->name, "Julianne Smith");
  EXPECT_EQ(smith->kind, EntityKind::kPerson);
  const Entity* stoltenberg = find("Stoltenberg");
  ASSERT_NE(stoltenberg, nullptr);
  EXPECT_EQ(stoltenberg->kind, EntityKind::kPerson);
}

// 000 writes "NATO-Russia Council", 002 and 003 "Russia-NATO Council".
TEST_F(SeedsStory, CouncilNamedEitherWayIsOneEntity) {
  std::vector<std::string> councils;
  for (const Entity& e : story_->entities) {
    if (e.name == "NATO-Russia Council" || e.name == "Russia-NATO Council") {
      councils.push_back(e.name);
      EXPECT_GE(e.docs.size(), 3u);
      EXPECT_EQ(e.kind, EntityKind::kOrganization);
    }
  }
  EXPECT_EQ(councils.size(), 1u);
}

TEST_F(SeedsStory, QuotesHaveTheirSpeakers) {
  const Quote* compromise = QuoteWith("room for compromise");
  ASSERT_NE(compromise, nullptr);
  EXPECT_EQ(compromise->speaker, "Julianne Smith");
  const Quote* era = QuoteWith("completely different era");
  ASSERT_NE(era, nullptr);
  EXPECT_EQ(era->speaker, "Julianne Smith");
  EXPECT_GE(era->variants.size(), 2u);  // 000, 002 and 004 word it differently
  const Quote* optimism = QuoteWith("never lose my optimism");
  ASSERT_NE(optimism, nullptr);
  EXPECT_NE(optimism->speaker.find("Ryabkov"), std::string::npos);
  const Quote* council =
      QuoteWith("I called a meeting of the NATO-Russia Council");
  ASSERT_NE(council, nullptr);
  EXPECT_EQ(council->speaker, "Jens Stoltenberg");
}

TEST_F(SeedsStory, DurationOfGenevaTalksIsDisputed) {
  bool found = false;
  for (const Disagreement& d : story_->disagreements) {
    bool precise = false, nearly = false;
    for (const Claim& c : d.claims) {
      precise |= c.text.find("7.5 hours") != std::string::npos;
      nearly |= c.text.find("eight hours") != std::string::npos;
    }
    found |= precise && nearly;
  }
  EXPECT_TRUE(found);
}

TEST_F(SeedsStory, ReuseBetweenFirstTwoSeedsShowsDirection) {
  const int a = DocOf("000"), b = DocOf("001");
  bool found = false;
  for (const int i : story_->reuse) {
    const CopyPair& p = result_->copies[i];
    if ((p.a == a && p.b == b) || (p.a == b && p.b == a)) {
      found = true;
      EXPECT_FALSE(p.direction_basis.empty() && p.source >= 0);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(SeedsStory, SourcesAndTerms) {
  EXPECT_FALSE(story_->sources.empty());
  int docs = 0;
  for (const SourceInfo& s : story_->sources)
    docs += static_cast<int>(s.docs.size());
  EXPECT_EQ(docs, 5);
  EXPECT_FALSE(story_->top_terms.empty());
}

}  // namespace
}  // namespace storyline::story
