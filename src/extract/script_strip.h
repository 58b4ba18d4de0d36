// Drops what a page's reader never reads before the page is parsed: the
// bodies of <script>, <style> and inline <svg> elements and HTML comments.
// They are often half of a news page's bytes, and gumbo tokenizes every
// byte it is given.
// JSON-LD scripts (type="application/ld+json") are kept: they carry the
// article's metadata.
#pragma once

#include <string>
#include <string_view>

namespace storyline::extract {

// `html` with every <script>/<style>/<svg> element emptied (its tags kept) and
// every comment removed. A script or comment left open runs to the end of
// the page, as a browser would read it. O(bytes).
std::string WithoutScripts(std::string_view html);

}  // namespace storyline::extract
