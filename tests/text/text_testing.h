// Shared checks of the text tests: the fast tokenizer against ICU.
#pragma once

#include <algorithm>
#include <fstream>
#include <functional>
#include <string>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "text/tokenizer.h"
#include "text/unicode.h"

namespace storyline::text {

// Words() and IcuWords() agree on every field; so do the two foldings.
inline void ExpectSameAsIcu(Tokenizer& tokenizer, const std::string& text) {
  const std::vector<Token> fast = tokenizer.Words(text);
  const std::vector<Token> icu = tokenizer.IcuWords(text);
  for (size_t i = 0; i < std::min(fast.size(), icu.size()); ++i) {
    const Token& a = fast[i];
    const Token& b = icu[i];
    const std::string word = text.substr(b.span.begin, b.span.end - b.span.begin);
    ASSERT_EQ(a.span.begin, b.span.begin) << word;
    ASSERT_EQ(a.span.end, b.span.end) << word;
    EXPECT_EQ(a.norm, FoldCaseWithIcu(word)) << word;
    EXPECT_EQ(a.is_number, b.is_number) << word;
    EXPECT_EQ(a.upper_initial, b.upper_initial) << word;
    EXPECT_EQ(a.sentence_start, b.sentence_start) << word;
  }
  ASSERT_EQ(fast.size(), icu.size()) << text.substr(0, 200);
}

// Calls fn on every string value (at any depth) of every line of a JSONL
// file; returns how many there were.
inline int ForEachJsonlString(const std::string& path,
                              const std::function<void(const std::string&)>& fn) {
  std::ifstream in(path);
  std::string line;
  int n = 0;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
    if (j.is_string()) {
      fn(j.get<std::string>());
      ++n;
    } else if (j.is_structured()) {
      for (const auto& item : j) walk(item);
    }
  };
  while (std::getline(in, line)) {
    walk(nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false));
  }
  return n;
}

}  // namespace storyline::text
