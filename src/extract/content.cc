#include "extract/content.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "extract/dom.h"

namespace storyline::extract {
namespace {

struct NodeStats {
  double score = 0;
  size_t bytes = 0, link_bytes = 0;
  bool scored = false;
};

using StatsMap = absl::flat_hash_map<const GumboNode*, NodeStats>;

const GumboNode* ParentElement(const GumboNode* node) {
  const GumboNode* p = node ? node->parent : nullptr;
  return p && IsElement(p) ? p : nullptr;
}

bool IsHeading(GumboTag tag) {
  return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

// Prior of a container before its paragraphs vote, after readability.
double InitialScore(const GumboNode* node) {
  double score = 25.0 * ClassHint(node);
  switch (TagOf(node)) {
    case GUMBO_TAG_ARTICLE:
      return score + 10;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
      return score + 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return score + 3;
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_ADDRESS:
      return score - 3;
    case GUMBO_TAG_TH:
    case GUMBO_TAG_BODY:
      return score - 5;
    default:
      return IsHeading(TagOf(node)) ? score - 5 : score;
  }
}

// Text volume and link volume of every ancestor; O(blocks * depth).
void AddVolumes(const std::vector<Block>& blocks, StatsMap& stats) {
  for (const Block& b : blocks) {
    for (const GumboNode* n = b.owner; n; n = ParentElement(n)) {
      NodeStats& s = stats[n];
      s.bytes += b.text.size();
      s.link_bytes += b.link_bytes;
    }
  }
}

void Vote(const std::vector<Block>& blocks, const ContentOptions& options,
          StatsMap& stats) {
  for (const Block& b : blocks) {
    if (IsHeading(b.tag) ||
        static_cast<int>(b.text.size()) < options.min_scoring_chars) {
      continue;
    }
    const double commas = std::count(b.text.begin(), b.text.end(), ',');
    const double vote =
        1 + commas + std::min(3.0, static_cast<double>(b.text.size()) / 100);
    const GumboNode* n = b.tag == GUMBO_TAG_P || b.tag == GUMBO_TAG_LI ||
                                 b.tag == GUMBO_TAG_PRE || b.tag == GUMBO_TAG_TD
                             ? ParentElement(b.owner)
                             : b.owner;
    for (int level = 1; n && level <= 3; ++level, n = ParentElement(n)) {
      NodeStats& s = stats[n];
      if (!s.scored) {
        s.score += InitialScore(n);
        s.scored = true;
      }
      s.score += vote / (level == 1 ? 1 : level == 2 ? 2 : level * 3);
    }
  }
}

double LinkDensity(const NodeStats& s) {
  return s.bytes == 0 ? 0 : static_cast<double>(s.link_bytes) / s.bytes;
}

bool Contains(const GumboNode* ancestor, const GumboNode* node) {
  for (; node; node = ParentElement(node)) {
    if (node == ancestor) return true;
  }
  return false;
}

// Readability's answer to pages that wrap every paragraph in its own box:
// when several runners-up score close to the winner and share an ancestor
// with it, the article is that ancestor, not the one box that won.
const GumboNode* SharedAncestor(const GumboNode* best,
                                const std::vector<const GumboNode*>& close) {
  constexpr int kMinRunnersUp = 3;
  if (static_cast<int>(close.size()) < kMinRunnersUp) return best;
  for (const GumboNode* a = ParentElement(best);
       a && TagOf(a) != GUMBO_TAG_BODY; a = ParentElement(a)) {
    int inside = 0;
    for (const GumboNode* c : close) inside += Contains(a, c) ? 1 : 0;
    if (inside >= kMinRunnersUp) return a;
  }
  return best;
}

const GumboNode* BestCandidate(StatsMap& stats) {
  std::vector<std::pair<double, const GumboNode*>> ranked;
  for (auto& [node, s] : stats) {
    if (!s.scored) continue;
    s.score *= 1 - std::min(1.0, LinkDensity(s));
    ranked.emplace_back(s.score, node);
  }
  if (ranked.empty()) return nullptr;
  // Ties broken by position in the source so the choice is deterministic.
  auto before = [](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first > y.first;
    return x.second->v.element.start_pos.offset <
           y.second->v.element.start_pos.offset;
  };
  constexpr size_t kConsidered = 5;
  const size_t top = std::min(kConsidered, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + top, ranked.end(), before);
  const GumboNode* best = ranked.front().second;
  std::vector<const GumboNode*> close;
  for (size_t i = 1; i < top; ++i) {
    if (ranked[i].first >= 0.75 * ranked.front().first) {
      close.push_back(ranked[i].second);
    }
  }
  const GumboNode* chosen = SharedAncestor(best, close);
  if (chosen != best) {
    NodeStats& s = stats[chosen];
    s.score = std::max(s.score, ranked.front().first);
    s.scored = true;
  }
  return chosen;
}

// The best container plus siblings that look like more of the article.
absl::flat_hash_set<const GumboNode*> Expand(const GumboNode* best,
                                             const StatsMap& stats,
                                             const ContentOptions& options) {
  absl::flat_hash_set<const GumboNode*> chosen = {best};
  const GumboNode* parent = ParentElement(best);
  if (!parent) return chosen;
  const double best_score = stats.at(best).score;
  const double threshold = std::max(10.0, best_score * options.sibling_share);
  const std::string_view best_class = Attr(best, "class");
  for (unsigned i = 0; i < ChildrenOf(parent).length; ++i) {
    const GumboNode* sib = ChildAt(parent, i);
    const auto it = stats.find(sib);
    if (sib == best || it == stats.end()) continue;
    const NodeStats& s = it->second;
    // A sibling dressed like the winner is likely more of the same article
    // (readability's bonus).
    const double bonus = !best_class.empty() && Attr(sib, "class") == best_class
                             ? best_score * options.sibling_share
                             : 0;
    const bool scored = s.scored && s.score + bonus >= threshold;
    const bool prose =
        TagOf(sib) == GUMBO_TAG_P && LinkDensity(s) < 0.25 && s.bytes > 80;
    if (scored || prose) chosen.insert(sib);
  }
  return chosen;
}

bool Within(const GumboNode* node,
            const absl::flat_hash_set<const GumboNode*>& roots) {
  for (; node; node = ParentElement(node)) {
    if (roots.contains(node)) return true;
  }
  return false;
}

}  // namespace

std::string SelectMainText(const std::vector<Block>& blocks,
                           const std::string& headline,
                           const ContentOptions& options) {
  StatsMap stats;
  AddVolumes(blocks, stats);
  Vote(blocks, options, stats);
  const GumboNode* best = BestCandidate(stats);
  if (!best) return {};
  const auto chosen = Expand(best, stats, options);
  std::string out;
  for (const Block& b : blocks) {
    if (!Within(b.owner, chosen)) continue;
    if (b.tag == GUMBO_TAG_H1 || b.text == headline) continue;
    if (b.LinkDensity() > options.max_link_density) continue;
    if (!out.empty()) out += '\n';
    out += b.text;
  }
  return out;
}

}  // namespace storyline::extract
