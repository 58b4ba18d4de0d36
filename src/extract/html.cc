#include "extract/html.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>

#include "base/strings.h"
#include "extract/blocks.h"
#include "extract/charset.h"
#include "extract/content.h"
#include "extract/gumbo_arena.h"
#include "extract/metadata.h"
#include "extract/script_strip.h"
#include "text/unicode.h"

namespace storyline::extract {
namespace {

// Text formats never contain NUL; a few in the first KB mean images, PDFs,
// archives or UTF-16 (which no web page should be served as anyway).
bool LooksBinary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 4096);
  return std::count(head.begin(), head.end(), '\0') > 4;
}

bool IsVoidTag(std::string_view name) {
  for (const std::string_view v :
       {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr"}) {
    if (name == v) return true;
  }
  return false;
}

// Length of the prefix of `html` whose (approximate) element nesting stays
// within `max_depth`. gumbo's tree construction is quadratic in nesting
// depth (scope checks walk the open-element stack), so 100k nested <div>s
// would take minutes; real pages nest a few dozen deep. Counts opening tags
// minus closing tags, skipping void and self-closed elements.
size_t DepthBoundedPrefix(std::string_view html, int max_depth) {
  int depth = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos;
       i = html.find('<', i + 1)) {
    if (i + 1 >= html.size()) break;
    if (html[i + 1] == '/') {
      depth = std::max(0, depth - 1);
      continue;
    }
    size_t end = i + 1;
    while (end < html.size() && end - i < 12 &&
           ((html[end] | 0x20) >= 'a' && (html[end] | 0x20) <= 'z')) {
      ++end;
    }
    if (end == i + 1) continue;  // "<!", "< ", "<3": not an element
    const size_t close = html.find('>', end);
    const bool self_closed =
        close != std::string_view::npos && close > 0 && html[close - 1] == '/';
    if (self_closed || IsVoidTag(AsciiLower(html.substr(i + 1, end - i - 1)))) {
      continue;
    }
    if (++depth > max_depth) return i;
  }
  return html.size();
}

// Every block that reads like prose: the fallback when no container wins.
std::string ProseBlocks(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& b : blocks) {
    if (b.text.size() < 60 || b.LinkDensity() > 0.3) continue;
    if (!out.empty()) out += '\n';
    out += b.text;
  }
  return out;
}

}  // namespace

absl::StatusOr<ExtractedPage> ExtractHtml(std::string_view html,
                                          const ExtractOptions& options) {
  if (StripSpace(html).empty()) return absl::InvalidArgumentError("empty page");
  if (LooksBinary(html)) {
    return absl::InvalidArgumentError("binary data, not an HTML page");
  }
  html = html.substr(0, options.max_bytes);
  html = html.substr(0, DepthBoundedPrefix(html, options.max_depth));
  auto utf8 = ToUtf8(html);
  if (!utf8.ok()) return utf8.status();
  // A cut may split a UTF-8 sequence; gumbo must see valid text.
  if (!text::IsValidUtf8(*utf8)) *utf8 = text::RepairUtf8(*utf8);
  *utf8 = WithoutScripts(*utf8);
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // parse errors are not kept: memory bound
  GumboArena arena;              // owns the tree: every node dies with it
  arena.Install(gumbo_options);
  const GumboOutput* output =
      gumbo_parse_with_options(&gumbo_options, utf8->data(), utf8->size());

  PageMetadata meta = ReadMetadata(output->root);
  ExtractedPage page;
  page.title = std::move(meta.title);
  page.author = std::move(meta.author);
  page.site_name = std::move(meta.site_name);
  page.canonical_url = std::move(meta.canonical_url);
  page.lang = std::move(meta.lang);
  page.published = meta.published;

  std::vector<Block> blocks = CollectBlocks(output->root, true);
  page.text = SelectMainText(blocks, page.title, ContentOptions{});
  if (page.text.size() < options.retry_below_chars) {
    // Like readability's second pass: maybe the class names misled us.
    std::vector<Block> all = CollectBlocks(output->root, false);
    std::string text = SelectMainText(all, page.title, ContentOptions{});
    if (text.size() > 2 * page.text.size()) {
      page.text = std::move(text);
      blocks = std::move(all);
    }
  }
  if (page.text.size() < options.min_main_chars) {
    std::string prose = ProseBlocks(blocks);
    if (prose.size() > page.text.size()) page.text = std::move(prose);
  }
  if (page.text.empty() && page.title.empty()) {
    return absl::InvalidArgumentError("page has no text");
  }
  return page;
}

absl::StatusOr<ExtractedPage> ExtractHtml(std::string_view html) {
  return ExtractHtml(html, ExtractOptions{});
}

}  // namespace storyline::extract
