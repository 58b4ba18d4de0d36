// Fixed word lists that the story stage asks about nearly every word of a
// text: most words are not in them, and a table of the first two bytes of
// the listed words says so for most of them without hashing the word.
#pragma once

#include <bitset>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"

namespace storyline::story {

// Words with an integer each (a set: all 0).
class WordTable {
 public:
  WordTable() = default;
  WordTable(std::initializer_list<std::string_view> words) {
    for (const std::string_view w : words) Insert(w);
  }
  static WordTable Valued(
      std::initializer_list<std::pair<std::string_view, int>> words) {
    WordTable table;
    for (const auto& [w, value] : words) table.Insert(w, value);
    return table;
  }

  void Insert(std::string_view word, int value = 0) {
    if (word.empty()) return;
    prefixes_.set(Prefix(word));
    words_.emplace(word, value);
  }

  // The word's value; null when it is not listed.
  const int* Find(std::string_view word) const {
    if (word.empty() || !prefixes_.test(Prefix(word))) return nullptr;
    // absl's heterogeneous lookup takes its own string_view type.
    const auto it = words_.find(absl::string_view(word.data(), word.size()));
    return it == words_.end() ? nullptr : &it->second;
  }
  bool contains(std::string_view word) const { return Find(word) != nullptr; }

 private:
  static size_t Prefix(std::string_view w) {
    const auto first = static_cast<unsigned char>(w[0]);
    const auto second = w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0;
    return size_t{first} << 8 | second;
  }

  std::bitset<1 << 16> prefixes_;  // 8 KB
  absl::flat_hash_map<std::string, int> words_;
};

}  // namespace storyline::story
