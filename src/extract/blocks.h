// Page -> text blocks: the visible text of a page cut at block elements,
// with what the content scorer needs to know about each piece.
#pragma once

#include <gumbo.h>

#include <string>
#include <vector>

namespace storyline::extract {

struct Block {
  std::string text;                  // whitespace collapsed
  size_t link_bytes = 0;             // bytes of text inside <a>
  const GumboNode* owner = nullptr;  // innermost block element holding it
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // owner's tag

  double LinkDensity() const {
    return text.empty() ? 0.0
                        : std::min(1.0, static_cast<double>(link_bytes) /
                                            static_cast<double>(text.size()));
  }
};

// Class/id hint of an element: > 0 looks like article content, < 0 like
// furniture (comments, share bars, sidebars), 0 neutral.
int ClassHint(const GumboNode* node);

// Visible text blocks in document order. Skips invisible and hidden
// elements, and furniture that announces itself through tag (nav, aside,
// footer), ARIA role or class/id names. Nodes are borrowed from `root`'s
// GumboOutput.
// With `class_hints` false, class/id names do not skip anything: the retry
// for pages whose article sits in a misleadingly named wrapper (page
// builders name every box "widget").
std::vector<Block> CollectBlocks(const GumboNode* root, bool class_hints);

}  // namespace storyline::extract
