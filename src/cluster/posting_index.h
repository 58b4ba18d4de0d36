// The inverted index behind SimilarPairs: each item is indexed by its
// heaviest terms, and a term's posting list says which items have it,
// dated ones in date order, so that an item can look only at the part of a
// long list near its own day.
#pragma once

#include <span>
#include <vector>

#include "base/uninitialized.h"
#include "cluster/similarity.h"
#include "cluster/vectors.h"

namespace storyline::cluster {

// One item in a term's posting list, as the candidate search reads it.
struct Posting {
  int day;  // first day; 0 when undated
  int item;
  float weight;
};

// The inverted index over each item's heaviest terms: one posting list per
// term (dated postings by first day, then item; then undated ones by
// item), all in one flat array, and for each of an item's indexed terms
// ("slots"), the term's list and the item's own place in it.
class PostingIndex {
 public:
  // A term is indexed when at least two items and at most `max_df` have it
  // among their heaviest (`indexed`: term positions in each vector).
  PostingIndex(std::span<const SparseVector> vectors,
               std::span<const DateRange> dates,
               const std::vector<std::vector<int>>& indexed, int max_df,
               int threads);

  // Whether slot `slot` of item `item` has a posting list.
  bool Has(int item, size_t slot) const { return list_of_[item][slot] >= 0; }
  std::span<const Posting> Dated(int item, size_t slot) const {
    const List& l = lists_[list_of_[item][slot]];
    return std::span(postings_).subspan(l.dated, l.undated - l.dated);
  }
  std::span<const Posting> Undated(int item, size_t slot) const {
    const List& l = lists_[list_of_[item][slot]];
    return std::span(postings_).subspan(l.undated, l.end - l.undated);
  }
  // The item's place in its dated list (dated items) or undated list.
  int Position(int item, size_t slot) const { return position_[item][slot]; }

 private:
  struct List {
    size_t dated, undated, end;  // where its parts start and it ends
  };
  UninitializedVector<Posting> postings_;  // unset outside the lists
  std::vector<List> lists_;
  std::vector<std::vector<int>> list_of_, position_;  // by item and slot
};

}  // namespace storyline::cluster
