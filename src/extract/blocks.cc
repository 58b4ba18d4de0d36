#include "extract/blocks.h"

#include <array>
#include <span>

#include "base/strings.h"
#include "extract/dom.h"

namespace storyline::extract {
namespace {

// Deeper content is ignored: it bounds recursion on hostile input, and real
// pages nest a few dozen levels.
constexpr int kMaxDepth = 256;

// Word fragments of class/id names, after readability's and trafilatura's
// lists. A name matching both kinds (e.g. "article-body-comments",
// "comment-body") leans to the side with more hits.
constexpr std::array<std::string_view, 11> kPositive = {
    "article", "body",  "content", "entry", "main",  "page",
    "post",    "story", "text",    "blog",  "hentry"};
constexpr std::array<std::string_view, 36> kNegative = {
    "comment",    "share",     "sharing", "social",     "related",
    "recommend",  "promo",     "sidebar", "footer",     "masthead",
    "newsletter", "subscribe", "signup",  "cookie",     "consent",
    "advert",     "sponsor",   "banner",  "breadcrumb", "menu",
    "nav",        "popup",     "modal",   "widget",     "tags",
    "byline",     "author",    "caption", "credit",     "promoted",
    "disqus",     "outbrain",  "taboola", "paywall",    "most-popular",
    "toolbar"};

int CountHits(std::string_view names, std::span<const std::string_view> words) {
  int hits = 0;
  for (const auto w : words) {
    if (names.find(w) != std::string_view::npos) ++hits;
  }
  return hits;
}

bool IsHidden(const GumboNode* node) {
  if (IsElement(node) &&
      gumbo_get_attribute(&node->v.element.attributes, "hidden")) {
    return true;
  }
  if (Attr(node, "aria-hidden") == "true") return true;
  const std::string style = AsciiLower(Attr(node, "style"));
  return style.find("display:none") != std::string::npos ||
         style.find("display: none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

bool IsFurnitureRole(std::string_view role) {
  return role == "navigation" || role == "complementary" ||
         role == "contentinfo" || role == "banner" || role == "dialog" ||
         role == "menu" || role == "alert";
}

// An element's class and id, lower case, as the name hints read them.
std::string ClassAndId(const GumboNode* node) {
  return AsciiLower(StrCat(Attr(node, "class"), " ", Attr(node, "id")));
}

// Reader comments are never the article, even on pages whose names are
// otherwise not to be trusted.
bool IsCommentThread(const GumboNode* node) {
  const std::string names = ClassAndId(node);
  return names.find("comment") != std::string::npos ||
         names.find("disqus") != std::string::npos;
}

bool Skip(const GumboNode* node, bool class_hints) {
  const GumboTag tag = TagOf(node);
  if (IsInvisibleTag(tag) || tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE ||
      tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_FIGCAPTION) {
    return true;
  }
  if (IsHidden(node) || IsFurnitureRole(Attr(node, "role"))) return true;
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_ARTICLE ||
      tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_HTML) {
    return false;
  }
  if (class_hints) return ClassHint(node) < 0;
  return IsCommentThread(node);
}

class Collector {
 public:
  explicit Collector(bool class_hints) : class_hints_(class_hints) {}

  std::vector<Block> Run(const GumboNode* root) {
    Walk(root, nullptr, 0, false);
    Flush();
    return std::move(blocks_);
  }

 private:
  void Walk(const GumboNode* node, const GumboNode* owner, int depth,
            bool in_link) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      const std::string_view text = node->v.text.text;
      current_ += text;
      if (in_link) link_bytes_ += text.size();
      owner_ = owner;
      return;
    }
    if (!IsElement(node) || depth > kMaxDepth || Skip(node, class_hints_))
      return;
    const GumboTag tag = TagOf(node);
    const bool block = IsBlockTag(tag);
    if (block) {
      Flush();
      owner = node;
    }
    in_link = in_link || tag == GUMBO_TAG_A;
    for (unsigned i = 0; i < ChildrenOf(node).length; ++i) {
      Walk(ChildAt(node, i), owner, depth + 1, in_link);
    }
    if (block) Flush();
  }

  void Flush() {
    if (owner_ != nullptr) {
      Block b;
      b.text = CollapseSpace(current_);
      if (!b.text.empty()) {
        b.link_bytes = link_bytes_;
        b.owner = owner_;
        b.tag = TagOf(owner_);
        blocks_.push_back(std::move(b));
      }
    }
    current_.clear();
    link_bytes_ = 0;
    owner_ = nullptr;
  }

  const bool class_hints_;
  std::vector<Block> blocks_;
  std::string current_;
  size_t link_bytes_ = 0;
  const GumboNode* owner_ = nullptr;
};

}  // namespace

int ClassHint(const GumboNode* node) {
  const std::string names = ClassAndId(node);
  if (names.size() <= 1) return 0;
  if (Attr(node, "itemprop") == "articleBody") return 2;
  const int positive = CountHits(names, kPositive);
  const int negative = CountHits(names, kNegative);
  return positive > 0 ? (positive > negative    ? 1
                         : positive == negative ? 0
                                                : -1)
                      : -negative;
}

std::vector<Block> CollectBlocks(const GumboNode* root, bool class_hints) {
  return Collector(class_hints).Run(root);
}

}  // namespace storyline::extract
