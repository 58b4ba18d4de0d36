// libFuzzer target: the text boilerplate remover keeps valid UTF-8 valid,
// never adds text, and is idempotent (cleaning its output changes nothing).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/boilerplate.h"
#include "text/unicode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // First line is the title, the rest the body, as in plain-text articles.
  const size_t nl = input.find('\n');
  const std::string_view title = input.substr(0, nl);
  const std::string text = storyline::text::RepairUtf8(
      nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1));
  const std::string once =
      storyline::extract::RemoveBoilerplateLines(text, title);
  if (!storyline::text::IsValidUtf8(once)) abort();
  if (once.size() > text.size()) abort();
  const std::string twice =
      storyline::extract::RemoveBoilerplateLines(once, title);
  if (twice != once) abort();
  return 0;
}
