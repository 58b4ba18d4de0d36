#include "extract/script_strip.h"

#include "extract/html.h"
#include "gtest/gtest.h"

namespace storyline::extract {
namespace {

TEST(WithoutScripts, EmptiesScriptsStylesAndDropsComments) {
  EXPECT_EQ(WithoutScripts("<p>a</p><script>var x = '<p>no</p>';</script>"
                           "<STYLE type=x>p{}</STYLE><!-- hidden --><p>b</p>"),
            "<p>a</p><script></script><STYLE type=x></STYLE><p>b</p>");
}

TEST(WithoutScripts, EmptiesInlineSvg) {
  EXPECT_EQ(WithoutScripts("<p>a</p><svg viewBox=\"0 0 9 9\"><path d=\"M0\"/>"
                           "<text>icon</text></SVG><p>b</p>"),
            "<p>a</p><svg viewBox=\"0 0 9 9\"></SVG><p>b</p>");
  EXPECT_EQ(WithoutScripts("<svgx>kept</svgx>"), "<svgx>kept</svgx>");
}

TEST(WithoutScripts, KeepsJsonLdAndLookalikeTags) {
  const std::string ld =
      R"(<script type="application/ld+json">{"headline": "Talks"}</script>)";
  EXPECT_EQ(WithoutScripts(ld), ld);
  EXPECT_EQ(WithoutScripts("<scripts>x</scripts><styled>y</styled>"),
            "<scripts>x</scripts><styled>y</styled>");
}

TEST(WithoutScripts, UnclosedScriptOrCommentRunsToTheEnd) {
  EXPECT_EQ(WithoutScripts("<p>a</p><script>for(;;){"), "<p>a</p><script>");
  EXPECT_EQ(WithoutScripts("<p>a</p><!-- never closed <p>b</p>"), "<p>a</p>");
  EXPECT_EQ(WithoutScripts("<p>a</p><script"), "<p>a</p><script");
}

TEST(WithoutScripts, ExtractionSeesNoScriptText) {
  const std::string page =
      "<html><head><title>Geneva talks end</title>"
      "<script>document.write('<p>Subscribe to our newsletter now and get "
      "every story first, every single morning of the week.</p>')</script>"
      "</head><body><article><p>Talks between Russia and NATO on security "
      "guarantees were held in Geneva on January 10 and lasted about seven "
      "and a half hours, officials said.</p></article></body></html>";
  const auto extracted = ExtractHtml(page);
  ASSERT_TRUE(extracted.ok());
  EXPECT_NE(extracted->text.find("Geneva on January 10"), std::string::npos);
  EXPECT_EQ(extracted->text.find("Subscribe"), std::string::npos);
}

}  // namespace
}  // namespace storyline::extract
