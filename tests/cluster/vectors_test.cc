#include "cluster/vectors.h"

#include <algorithm>
#include <random>

#include "gtest/gtest.h"

namespace storyline::cluster {
namespace {

// A sorted vector of `size` distinct terms drawn from [0, range), always
// holding `forced` terms too, with random weights.
SparseVector RandomVector(std::mt19937& rng, size_t size, Term range,
                          std::vector<Term> forced = {}) {
  std::vector<Term> terms = forced;
  std::uniform_int_distribution<Term> term(0, range - 1);
  while (terms.size() < size) terms.push_back(term(rng));
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  SparseVector v;
  v.terms = terms;
  std::uniform_real_distribution<float> weight(0.01f, 1.0f);
  for (size_t k = 0; k < terms.size(); ++k) v.weights.push_back(weight(rng));
  return v;
}

TEST(DotWithTest, SameAsDotBitForBit) {
  std::mt19937 rng(7);
  // Small ranges make many shared terms; large ones make mostly misses;
  // 256 terms fill the table to its quarter.
  for (const Term range : {Term{40}, Term{600}, ~Term{0}}) {
    for (const size_t size : {size_t{0}, size_t{1}, size_t{17}, size_t{256}}) {
      const SparseVector fixed = RandomVector(rng, size, range);
      DotWith dot(fixed);
      for (int trial = 0; trial < 20; ++trial) {
        const SparseVector other = RandomVector(rng, 1 + trial * 13, range);
        EXPECT_EQ(dot(other), Dot(fixed, other)) << range << " " << size;
        const PackedVectors packed({&other, 1}, 1);
        EXPECT_EQ(dot(packed[0]), Dot(fixed, other)) << range << " " << size;
      }
    }
  }
}

TEST(DotWithTest, AllOnesTermIsMatchedOnEitherSide) {
  // ~0 is the table's empty marker: a fixed vector holding it still
  // matches, and one on the other side adds nothing unless shared.
  std::mt19937 rng(11);
  const Term all_ones = ~Term{0};
  const SparseVector with = RandomVector(rng, 30, 1000, {all_ones});
  const SparseVector without = RandomVector(rng, 30, 1000);
  const SparseVector other = RandomVector(rng, 30, 1000, {all_ones});
  EXPECT_EQ(DotWith(with)(other), Dot(with, other));
  EXPECT_EQ(DotWith(without)(other), Dot(without, other));
  EXPECT_EQ(DotWith(other)(with), Dot(other, with));

  const SparseVector a{{5, all_ones}, {1.0f, 2.0f}};
  const SparseVector b{{all_ones}, {3.0f}};
  const SparseVector c{{5}, {1.0f}};
  EXPECT_EQ(DotWith(a)(b), 6.0);
  EXPECT_EQ(DotWith(b)(a), 6.0);
  EXPECT_EQ(DotWith(c)(b), 0.0);
}

TEST(DotWithTest, ReloadingForgetsThePreviousVector) {
  std::mt19937 rng(3);
  const SparseVector big = RandomVector(rng, 200, 300);
  const SparseVector small = RandomVector(rng, 5, 300);
  DotWith dot(big);
  dot.Load(small);
  EXPECT_EQ(dot(big), Dot(small, big));
  EXPECT_EQ(dot(small), Dot(small, small));
}

TEST(DotWithTest, TermsThatCannotAllBePlacedStillMatch) {
  // Three terms whose two table slots are the same pair (low bits, and high
  // bits of the product the table uses) cannot all be placed: the products
  // must still be Dot's.
  std::vector<Term> clash;
  for (Term t = 0; clash.size() < 3; ++t) {
    if ((t & 15) == 3 && ((t * 0x9E3779B1u) >> 28) == 9) clash.push_back(t);
  }
  const SparseVector fixed{clash, {0.5f, 0.25f, 0.125f}};
  const SparseVector other{{clash[0], clash[2], 77}, {2.0f, 4.0f, 8.0f}};
  EXPECT_EQ(DotWith(fixed)(other), Dot(fixed, other));
  EXPECT_EQ(DotWith(fixed)(other), 1.5);
  const PackedVectors packed({&other, 1}, 1);
  EXPECT_EQ(DotWith(fixed)(packed[0]), 1.5);
}

TEST(PackedVectorsTest, HoldsEveryVectorInOrder) {
  std::mt19937 rng(5);
  std::vector<SparseVector> vectors;
  for (const size_t size : {size_t{3}, size_t{0}, size_t{40}, size_t{1}}) {
    vectors.push_back(RandomVector(rng, size, 1000));
  }
  const PackedVectors packed(vectors, 2);
  for (size_t i = 0; i < vectors.size(); ++i) {
    ASSERT_EQ(packed[i].size(), vectors[i].size());
    for (size_t k = 0; k < vectors[i].size(); ++k) {
      EXPECT_EQ(packed[i][k].term, vectors[i].terms[k]);
      EXPECT_EQ(packed[i][k].weight, vectors[i].weights[k]);
    }
  }
}

}  // namespace
}  // namespace storyline::cluster
