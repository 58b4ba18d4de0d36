// Step one of entity finding: capitalized runs in each sentence, cut into
// name mentions with kind evidence. entities.cc merges them.
#pragma once

#include <string>
#include <vector>

#include "story/story_view.h"
#include "storyline/story.h"

namespace storyline::story {

struct NameMention {
  int doc = 0;
  Span span;            // the name's bytes
  std::string surface;  // as written, possessive dropped
  std::string key;      // merge key: folded, dots and possessive removed
  std::string surname;  // stem of the last word (people merge on it)
  std::string role;     // title words before a person's name
  int words = 0;
  bool sentence_start = false;  // a lone word here may be just capitalized
  // Evidence for each kind, as votes.
  int person = 0, organization = 0, place = 0;
};

std::vector<NameMention> FindNameMentions(const StoryView& view);

}  // namespace storyline::story
