#include "extract/html.h"

#include <gumbo.h>

#include "base/strings.h"
#include "base/strings.h"

namespace storyline::extract {
namespace {

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_LI: case GUMBO_TAG_TR:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_BLOCKQUOTE:
      return true;
    default:
      return false;
  }
}

bool IsInvisible(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
         tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_HEAD ||
         tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER ||
         tag == GUMBO_TAG_TEMPLATE;
}

void CollectText(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (IsInvisible(tag)) return;
  if (IsBlock(tag)) out += '\n';
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    CollectText(static_cast<const GumboNode*>(children.data[i]), out);
  }
  if (IsBlock(tag)) out += '\n';
}

const GumboNode* FindTag(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (node->v.element.tag == tag) return node;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* found =
        FindTag(static_cast<const GumboNode*>(children.data[i]), tag);
    if (found) return found;
  }
  return nullptr;
}

// Collapses runs of spaces and drops empty lines.
std::string TidyLines(std::string_view raw) {
  std::string out;
  std::string line;
  auto flush = [&] {
    const std::string_view trimmed = StripSpace(line);
    if (!trimmed.empty()) StrAppend(&out, out.empty() ? "" : "\n", trimmed);
    line.clear();
  };
  bool space = false;
  for (const char c : raw) {
    if (c == '\n') {
      flush();
      space = false;
    } else if (IsAsciiSpace(c)) {
      space = true;
    } else {
      if (space && !line.empty()) line += ' ';
      space = false;
      line += c;
    }
  }
  flush();
  return out;
}

}  // namespace

absl::StatusOr<ExtractedPage> ExtractHtml(std::string_view html) {
  GumboOutput* output = gumbo_parse_with_options(
      &kGumboDefaultOptions, html.data(), html.size());
  ExtractedPage page;
  if (const GumboNode* title = FindTag(output->root, GUMBO_TAG_TITLE)) {
    std::string raw;
    const GumboVector& children = title->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      CollectText(static_cast<const GumboNode*>(children.data[i]), raw);
    }
    page.title = TidyLines(raw);
  }
  std::string raw;
  const GumboNode* body = FindTag(output->root, GUMBO_TAG_BODY);
  CollectText(body ? body : output->root, raw);
  page.text = TidyLines(raw);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  if (page.text.empty() && page.title.empty()) {
    return absl::InvalidArgumentError("page has no text");
  }
  return page;
}

}  // namespace storyline::extract
