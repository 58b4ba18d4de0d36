#include "pipeline/clean.h"

#include "extract/boilerplate.h"
#include "extract/html.h"
#include "text/language.h"
#include "text/unicode.h"

namespace storyline::pipeline {

absl::StatusOr<Document> CleanArticle(Article article,
                                      const CleanOptions& options,
                                      const TextOptions& text_options) {
  Document doc;
  doc.id = std::move(article.id);
  doc.source = std::move(article.source);
  doc.url = std::move(article.url);
  doc.published = article.published;
  if (article.format == Format::kHtml) {
    auto page = extract::ExtractHtml(article.body);
    if (!page.ok()) return page.status();
    doc.title = article.title.empty() ? std::move(page->title)
                                      : std::move(article.title);
    doc.text = std::move(page->text);
    if (!doc.published) doc.published = page->published;
    if (doc.url.empty()) doc.url = std::move(page->canonical_url);
    if (doc.source.empty()) doc.source = std::move(page->site_name);
  } else {
    doc.title = std::move(article.title);
    doc.text = std::move(article.body);
  }
  doc.title = text::NormalizeNfc(text::RepairUtf8(doc.title));
  doc.text = text::NormalizeNfc(text::RepairUtf8(doc.text));
  if (options.remove_boilerplate) {
    doc.text = extract::RemoveBoilerplateLines(doc.text, doc.title);
  }
  if (doc.title.empty() && doc.text.empty()) {
    return absl::InvalidArgumentError("no text left after cleaning");
  }
  doc.lang = article.lang;
  if (doc.lang == Lang::kUnknown) {
    doc.lang = text::DetectLanguage(doc.title + "\n" + doc.text, text_options);
  }
  return doc;
}

}  // namespace storyline::pipeline
