// The plain-text article form.
#include "base/strings.h"
#include <charconv>

#include "base/strings.h"
#include "storyline/ingest.h"

namespace storyline {
namespace {

// A title is one short line that does not end like a sentence.
bool LooksLikeTitle(std::string_view line) {
  if (line.empty() || line.size() > 200) return false;
  const char last = line.back();
  return last != '.' && last != ',' && last != ';' && last != ':';
}

}  // namespace

std::optional<absl::CivilDay> ParseIsoDate(std::string_view s) {
  s = StripSpace(s);
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int year = 0, month = 0, day = 0;
  auto parse = [&s](size_t pos, size_t len, int& out) {
    const char* end = s.data() + pos + len;
    return std::from_chars(s.data() + pos, end, out).ptr == end;
  };
  if (!parse(0, 4, year) || !parse(5, 2, month) || !parse(8, 2, day)) {
    return std::nullopt;
  }
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  const absl::CivilDay date(year, month, day);
  // CivilDay normalizes out-of-range fields; reject instead of rolling over.
  if (date.year() != year || date.month() != month || date.day() != day) {
    return std::nullopt;
  }
  return date;
}

absl::StatusOr<Article> ParseTextArticle(std::string_view content,
                                         std::string_view id) {
  Article article;
  article.id = std::string(id);
  article.format = Format::kText;
  std::string_view rest = StripLeadingSpace(content);
  if (rest.starts_with("date ")) {
    std::string_view after = rest.substr(5);
    after = StripLeadingSpace(after);
    const auto date = ParseIsoDate(after.substr(0, 10));
    if (!date) {
      return absl::InvalidArgumentError(
          StrCat("bad date header: '", after.substr(0, 20), "'"));
    }
    article.published = date;
    rest = StripLeadingSpace(after.substr(10));
  }
  const size_t newline = rest.find('\n');
  const std::string_view first_line = StripTrailingSpace(
      rest.substr(0, newline == std::string_view::npos ? rest.size() : newline));
  if (newline != std::string_view::npos && LooksLikeTitle(first_line)) {
    article.title = std::string(first_line);
    rest = rest.substr(newline + 1);
  }
  article.body = std::string(StripSpace(rest));
  if (article.body.empty() && article.title.empty()) {
    return absl::InvalidArgumentError("empty article");
  }
  return article;
}

}  // namespace storyline
