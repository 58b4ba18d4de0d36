// Options for every stage: plain structs, each field with its default and
// what changing it costs. The CLI and server map flags onto these; the core
// reads no configuration files.
#pragma once

#include <cstdint>

namespace storyline {

struct CleanOptions {
  // Drop lines repeated across at least this many articles of one source
  // (page furniture); lower removes more, at the risk of real sentences.
  int repeated_line_min_docs = 3;
  bool remove_boilerplate = true;
};

struct TextOptions {
  // Texts shorter than this many bytes are not given to CLD2 (unreliable);
  // they are English when Latin-script, Russian when Cyrillic.
  int min_detect_bytes = 24;
};

struct DedupOptions {
  int shingle_tokens = 5;  // shorter: stock phrases start to match
  int minhash_size = 64;   // signature values; more: better estimate, slower
  int bands = 16;          // rows = minhash_size / bands = 4
  // P(candidate) = 1-(1-s^4)^16: .93 at s=.5, .43 at s=.3, .12 at s=.2.
  // One shingle in `fingerprint_mod` is kept as a passage fingerprint; docs
  // sharing `min_shared_fingerprints` become partial-reuse candidates.
  int fingerprint_mod = 8;
  int min_shared_fingerprints = 2;
  // A fingerprint in more documents than this is page boilerplate or a
  // stock phrase, not evidence of copying.
  int max_fingerprint_docs = 64;
  double near_duplicate_jaccard = 0.6;  // at or above: near-duplicate
  // A pair is partial reuse when either side has this share of its shingles
  // in the other and the longest shared passage has `min_passage_tokens`.
  double min_containment = 0.15;
  int min_passage_tokens = 20;
  uint64_t seed = 0x5eed;  // fixed: reproducible output
};

struct ClusterOptions {
  // Defaults were tuned on the development sets listed in the README
  // (English news clustering); see "How clustering works" there.
  //
  // Similarity (time-discounted cosine of TF-IDF vectors) at which articles
  // join one event, by average linkage. Higher: more, smaller events.
  double event_threshold = 0.2;
  // Group-average similarity of articles at which events join one story,
  // continuing the same linkage from the events. Lower: bigger stories.
  double story_threshold = 0.07;
  // Articles up to `window` days apart are not discounted; beyond it the
  // discount decays as exp(-(days - window) / decay) towards the floor.
  // Events: two days, then slowly (a year apart costs about a tenth) down
  // to 0.7, since feed dates are often crawl dates. Stories: no discount.
  int event_window_days = 2;
  double event_decay_days = 1000;
  double event_time_floor = 0.7;
  int story_window_days = 14;
  double story_decay_days = 30;
  double story_time_floor = 1.0;
  double title_weight = 1.6;  // title (or lead sentence) terms count this much
  double name_weight = 2.5;   // capitalized words inside sentences (names)
  int vector_terms = 256;     // terms kept per vector; memory 8 B each
  int candidate_terms = 16;   // top terms that generate candidates
  // Terms in more than this share of the documents, or in more than
  // `max_term_docs`, are not indexed: their posting lists would make
  // candidate search quadratic, and the rarer terms find the same pairs.
  double max_df_ratio = 0.2;
  int max_term_docs = 5000;
  // A term's posting list is cut into blocks of this many articles (by
  // date) and an article looks for candidates in its own block and the two
  // beside it: the work per article stays bounded as the corpus grows.
  int posting_block = 256;
};

struct StoryOptions {
  // Summary length; readers want 3-7 sentences. Evaluation asks for more
  // and cuts by words.
  int summary_sentences = 5;
  // Maximal marginal relevance: 1 = centrality only, lower = more variety.
  double summary_lambda = 0.7;
  // Sentences this similar (cosine) to a chosen one are reprints: skipped.
  double summary_redundancy = 0.5;
  int max_entities = 20;
  int max_quotes = 20;
  int max_timeline = 15;  // most-supported dated entries kept
  int top_terms = 8;
  // Undated articles borrow the latest date of the story's dated articles
  // as their anchor for "January 10" or "on Monday"; off = leave those
  // unresolved.
  bool borrow_story_date = true;
};

struct PipelineOptions {
  CleanOptions clean;
  TextOptions text;
  DedupOptions dedup;
  ClusterOptions cluster;
  StoryOptions story;
  int threads = 0;             // 0 = all cores; output does not depend on it
  bool find_copies = true;     // dedup stage
  bool run_clustering = true;  // events and stories; off = copies only
  bool synthesize = true;      // story stage; off = clusters only
};

}  // namespace storyline

namespace storyline {

struct IngestOptions {
  // A JSONL line, or a text or HTML file, longer than this is reported and
  // skipped: bounds memory on garbage input. JSONL files are read a block
  // of lines at a time and may be of any size.
  size_t max_line_bytes = size_t{16} << 20;
  size_t max_file_bytes = size_t{64} << 20;
  size_t jsonl_block_bytes = size_t{8} << 20;  // read at a time
};

}  // namespace storyline
