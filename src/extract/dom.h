// Small read-only helpers over gumbo's DOM. A GumboNode* is borrowed from
// the GumboOutput that owns it; nothing here outlives that output.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

namespace storyline::extract {

inline const GumboVector& ChildrenOf(const GumboNode* node) {
  return node->v.element.children;
}
inline const GumboNode* ChildAt(const GumboNode* node, unsigned i) {
  return static_cast<const GumboNode*>(node->v.element.children.data[i]);
}
inline bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}
inline GumboTag TagOf(const GumboNode* node) {
  return IsElement(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

// The attribute's value, or "" when absent.
std::string_view Attr(const GumboNode* node, const char* name);

// Tags whose content never shows as text (scripts, styles, media, forms).
bool IsInvisibleTag(GumboTag tag);

// Tags that start a new line of text.
bool IsBlockTag(GumboTag tag);

// All visible text under `node`, whitespace collapsed to single spaces.
std::string TextOf(const GumboNode* node);

// Text of `node`'s children without the invisible-tag filter (for <title>,
// whose parent <head> counts as invisible).
std::string TextOfChildren(const GumboNode* node);

// Collapses whitespace runs to one space and trims both ends.
std::string CollapseSpace(std::string_view s);

}  // namespace storyline::extract
