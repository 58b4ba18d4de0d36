// libFuzzer target: ExtractHtml must never crash, must give valid UTF-8 and
// must be deterministic on any bytes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/html.h"
#include "text/unicode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Larger inputs only slow the fuzzer down; size bounds are unit-tested.
  if (size > 256 * 1024) return 0;
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  const auto a = storyline::extract::ExtractHtml(html);
  const auto b = storyline::extract::ExtractHtml(html);
  if (a.ok() != b.ok()) abort();
  if (!a.ok()) return 0;
  if (a->text != b->text || a->title != b->title) abort();
  for (const auto* s : {&a->text, &a->title, &a->author, &a->site_name,
                        &a->canonical_url, &a->lang}) {
    if (!storyline::text::IsValidUtf8(*s)) abort();
  }
  return 0;
}
