// Copies on the shipped sample corpus: the fast path (LSH + fingerprints)
// must find what brute force over all pairs finds.
#include "dedup/copies.h"

#include <algorithm>
#include <cmath>

#include "gtest/gtest.h"
#include "pipeline/clean.h"
#include "storyline/ingest.h"
#include "testing.h"
#include "text/analyzer.h"
#include "text/kept_words.h"
#include "text/tokenizer.h"

namespace storyline::dedup {
namespace {

std::vector<Document> SampleDocs() {
  CollectingErrorSink errors;
  auto articles = ReadArticles({testing::SampleDir()}, IngestOptions{}, errors);
  std::vector<Document> docs;
  for (auto& article : articles) {
    auto doc = pipeline::CleanArticle(std::move(article), {}, {});
    if (doc.ok()) docs.push_back(*std::move(doc));
  }
  return docs;
}

void ExpectSamePairs(const std::vector<CopyPair>& got,
                     const std::vector<CopyPair>& expected) {
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].a, expected[i].a);
    EXPECT_EQ(got[i].b, expected[i].b);
    EXPECT_EQ(got[i].kind, expected[i].kind);
    EXPECT_EQ(got[i].jaccard, expected[i].jaccard);
    EXPECT_EQ(got[i].passage_a.begin, expected[i].passage_a.begin);
    EXPECT_EQ(got[i].passage_b.end, expected[i].passage_b.end);
  }
}

TEST(CopiesTest, CandidatesFindEveryPairBruteForceFinds) {
  const std::vector<Document> docs = SampleDocs();
  ASSERT_GT(docs.size(), 100u);
  const DedupOptions options;
  const auto fast = FindCopies(docs, options, 2);

  // Brute force: verify every pair.
  text::Tokenizer tokenizer;
  std::vector<std::vector<text::Token>> words;
  for (const auto& doc : docs) words.push_back(tokenizer.Words(doc.text));
  std::vector<std::pair<int, int>> expected;
  for (int a = 0; a < static_cast<int>(docs.size()); ++a) {
    for (int b = a + 1; b < static_cast<int>(docs.size()); ++b) {
      const auto pair = VerifyPair({a, b}, docs[a], words[a], docs[b], words[b],
                                   false, options);
      if (pair && pair->kind != CopyKind::kPartial) expected.push_back({a, b});
    }
  }
  ASSERT_FALSE(expected.empty());
  for (const auto& [a, b] : expected) {
    const bool found =
        std::any_of(fast.begin(), fast.end(),
                    [&](const auto& p) { return p.a == a && p.b == b; });
    EXPECT_TRUE(found) << docs[a].id << " ~ " << docs[b].id;
  }
}

TEST(CopiesTest, ResultDoesNotDependOnThreads) {
  const std::vector<Document> docs = SampleDocs();
  const auto one = FindCopies(docs, DedupOptions{}, 1);
  const auto four = FindCopies(docs, DedupOptions{}, 4);
  ASSERT_EQ(one.size(), four.size());
  for (size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].a, four[i].a);
    EXPECT_EQ(one[i].b, four[i].b);
    EXPECT_EQ(one[i].jaccard, four[i].jaccard);
  }
}

// Verifying on the shingles kept from the signature pass finds the same
// copies, with the same evidence, as tokenizing the documents again; and
// fingerprints from tokens equal those from the text.
TEST(CopiesTest, KeptShinglesVerifyAsTokenizingAgain) {
  const std::vector<Document> docs = SampleDocs();
  const DedupOptions options;
  Fingerprinter from_text(options), from_tokens(options);
  text::Tokenizer tokenizer;
  std::vector<Signature> signatures;
  std::vector<ShingledText> shingled;
  for (const auto& doc : docs) {
    auto f = from_text.Of(doc.text);
    const auto g = from_tokens.Of(tokenizer.Words(doc.text));
    EXPECT_EQ(f.signature.minhash, g.signature.minhash) << doc.id;
    EXPECT_EQ(f.signature.fingerprints, g.signature.fingerprints) << doc.id;
    EXPECT_EQ(f.shingled.sorted, g.shingled.sorted) << doc.id;
    EXPECT_TRUE(
        std::is_sorted(f.shingled.sorted.begin(), f.shingled.sorted.end()));
    const auto spans = HashWords(doc.text, tokenizer, options.seed).spans;
    ASSERT_EQ(f.shingled.words(), spans.size()) << doc.id;
    for (size_t w = 0; w < spans.size(); ++w) {
      ASSERT_EQ(f.shingled.WordSpan(w), spans[w]) << doc.id << " word " << w;
    }
    signatures.push_back(std::move(f.signature));
    shingled.push_back(std::move(f.shingled));
  }
  const auto candidates = FindCandidates(signatures, options, 2);
  const auto kept =
      VerifyCandidates(docs, signatures, shingled, candidates, options, 2);
  const auto again = VerifyCandidates(docs, signatures, candidates, options, 2);
  ASSERT_FALSE(kept.empty());
  ExpectSamePairs(kept, again);
  EXPECT_EQ(FindCopies(docs, options, 2).size(), kept.size());
}

// Words kept by an analysis pass give the shingles tokenizing gives, and
// so the same copies.
TEST(CopiesTest, KeptWordsVerifyAsTokenizingAgain) {
  const std::vector<Document> docs = SampleDocs();
  const DedupOptions options;
  text::Analyzer analyzer;
  text::KeptTexts kept;
  kept.docs.resize(docs.size());
  std::vector<uint32_t> entries;
  std::vector<Signature> signatures;
  for (size_t d = 0; d < docs.size(); ++d) {
    const auto words = analyzer.Words(docs[d].text, docs[d].lang, entries);
    text::KeepWords(words, entries, kept.docs[d].body);
    kept.docs[d].lexicon = 0;
    signatures.push_back(ComputeSignature(words, options));
  }
  kept.lexicons.push_back(analyzer.TakeLexicon());
  Fingerprinter fingerprinter(options);
  for (size_t d = 0; d < docs.size(); ++d) {
    const ShingledText from_text = fingerprinter.ShinglesOf(docs[d].text);
    const ShingledText from_kept = fingerprinter.ShinglesOf(
        docs[d].text, kept.docs[d].body, kept.lexicons[0]);
    EXPECT_EQ(from_kept.ordered, from_text.ordered) << docs[d].id;
    ASSERT_EQ(from_kept.words(), from_text.words()) << docs[d].id;
    for (size_t w = 0; w < from_text.words(); ++w) {
      ASSERT_EQ(from_kept.WordSpan(w), from_text.WordSpan(w)) << docs[d].id;
    }
  }
  const auto candidates = FindCandidates(signatures, options, 2);
  const auto with_kept =
      VerifyCandidates(docs, signatures, candidates, options, 2, &kept);
  ASSERT_FALSE(with_kept.empty());
  ExpectSamePairs(with_kept,
                  VerifyCandidates(docs, signatures, candidates, options, 2));
}

// Words of 255 bytes or more keep their length outside the one-byte table.
TEST(CopiesTest, LongWordsKeepTheirSpans) {
  const std::string text = "short " + std::string(300, 'x') + " mid " +
                           std::string(255, 'y') + " " + std::string(254, 'z');
  Fingerprinter fingerprinter{DedupOptions{}};
  const ShingledText s = fingerprinter.ShinglesOf(text);
  ASSERT_EQ(s.words(), 5u);
  EXPECT_EQ(s.WordSpan(0), (Span{0, 5}));
  EXPECT_EQ(s.WordSpan(1), (Span{6, 306}));
  EXPECT_EQ(s.WordSpan(2), (Span{307, 310}));
  EXPECT_EQ(s.WordSpan(3), (Span{311, 566}));
  EXPECT_EQ(s.WordSpan(4), (Span{567, 821}));
  EXPECT_EQ(s.long_words.size(), 2u);
}

TEST(CopiesTest, WordsHashedFromTextAsFromTokens) {
  text::Tokenizer tokenizer;
  const DedupOptions options;
  for (const auto& doc : SampleDocs()) {
    const HashedWords from_text = HashWords(doc.text, tokenizer, options.seed);
    const HashedWords from_tokens =
        HashWords(tokenizer.Words(doc.text), options.seed);
    EXPECT_EQ(from_text.hashes, from_tokens.hashes) << doc.id;
    EXPECT_EQ(from_text.spans, from_tokens.spans) << doc.id;
  }
}

// One-permutation MinHash still estimates Jaccard: the share of equal
// values tracks the true resemblance of real texts cut and joined.
TEST(CopiesTest, SignatureAgreementEstimatesJaccard) {
  const std::vector<Document> docs = SampleDocs();
  ASSERT_GT(docs.size(), 40u);
  text::Tokenizer tokenizer;
  const DedupOptions options;
  double worst = 0;
  for (size_t k = 0; k + 1 < 40; k += 2) {
    const auto a = HashWords(docs[k].text, tokenizer, options.seed).hashes;
    const auto other =
        HashWords(docs[k + 1].text, tokenizer, options.seed).hashes;
    // b: the first two thirds of a, then the other text.
    std::vector<uint64_t> b(a.begin(), a.begin() + 2 * a.size() / 3);
    b.insert(b.end(), other.begin(), other.end());
    const Signature sa = ComputeSignature(a, options);
    const Signature sb = ComputeSignature(b, options);
    int equal = 0;
    for (size_t i = 0; i < sa.minhash.size(); ++i) {
      equal += sa.minhash[i] == sb.minhash[i];
    }
    const double estimate = static_cast<double>(equal) / sa.minhash.size();
    const double jaccard =
        Overlap(ShingleHashes(a, options.shingle_tokens, options.seed),
                ShingleHashes(b, options.shingle_tokens, options.seed))
            .Jaccard();
    worst = std::max(worst, std::abs(estimate - jaccard));
  }
  // 64 values: the standard error is at most 0.0625.
  EXPECT_LT(worst, 0.25);
}

TEST(CopiesTest, ExactCopyAndUnrelatedText) {
  std::vector<Document> docs(3);
  docs[0].id = "a";
  docs[0].text =
      "The Indian Navy foiled a pirate attack on a merchant vessel in the "
      "Gulf of Aden on Saturday, officials said.";
  docs[1] = docs[0];
  docs[1].id = "b";
  docs[2].id = "c";
  docs[2].text =
      "Lindsay Lohan has left the Betty Ford Center after treatment.";
  const auto copies = FindCopies(docs, DedupOptions{}, 1);
  ASSERT_EQ(copies.size(), 1u);
  EXPECT_EQ(copies[0].kind, CopyKind::kExact);
  EXPECT_EQ(copies[0].jaccard, 1.0);
}

}  // namespace
}  // namespace storyline::dedup
