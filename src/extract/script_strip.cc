#include "extract/script_strip.h"

#include "base/strings.h"

namespace storyline::extract {
namespace {

// Whether `html` has the tag name `name` (lower case) at `at`, followed by
// the end of the name.
bool TagAt(std::string_view html, size_t at, std::string_view name) {
  if (at + name.size() > html.size()) return false;
  for (size_t k = 0; k < name.size(); ++k) {
    if ((html[at + k] | 0x20) != name[k]) return false;
  }
  if (at + name.size() == html.size()) return true;
  const char next = html[at + name.size()];
  return next == '>' || next == '/' || next == ' ' || next == '\t' ||
         next == '\n' || next == '\r' || next == '\f';
}

// Offset of the first "</name" at or after `from` (any case), or npos.
size_t FindClosing(std::string_view html, size_t from, std::string_view name) {
  for (size_t i = html.find("</", from); i != std::string_view::npos;
       i = html.find("</", i + 2)) {
    if (TagAt(html, i + 2, name)) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string WithoutScripts(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t copied = 0;  // html[0, copied) is in `out`
  for (size_t i = html.find('<'); i != std::string_view::npos;
       i = html.find('<', i + 1)) {
    if (html.substr(i, 4) == "<!--") {
      out.append(html.substr(copied, i - copied));
      const size_t end = html.find("-->", i + 4);
      copied = end == std::string_view::npos ? html.size() : end + 3;
      if (copied >= html.size()) break;
      i = copied - 1;
      continue;
    }
    std::string_view name;
    if (TagAt(html, i + 1, "script")) {
      name = "script";
    } else if (TagAt(html, i + 1, "style")) {
      name = "style";
    } else if (TagAt(html, i + 1, "svg")) {
      name = "svg";  // icons and charts: markup-heavy, never the article
    } else {
      continue;
    }
    const size_t open_end = html.find('>', i);
    if (open_end == std::string_view::npos) break;
    const std::string_view open_tag = html.substr(i, open_end + 1 - i);
    if (name == "script" &&
        AsciiLower(open_tag).find("ld+json") != std::string::npos) {
      continue;  // metadata: keep it whole
    }
    out.append(html.substr(copied, open_end + 1 - copied));
    const size_t close = FindClosing(html, open_end + 1, name);
    copied = close == std::string_view::npos ? html.size() : close;
    if (copied >= html.size()) break;
    i = copied;  // the closing tag is copied with what follows
  }
  if (copied < html.size()) out.append(html.substr(copied));
  return out;
}

}  // namespace storyline::extract
