// People, organizations and places named in a story, found from
// capitalization, titles ("Deputy Foreign Minister"), organization words
// and place prepositions, with variants merged ("Ryabkov" = "Sergei
// Ryabkov" = "Sergey Ryabkov", "U.S." = "US").
#pragma once

#include <cstddef>  // storyline/options.h uses size_t
#include <string_view>
#include <vector>

#include "story/story_view.h"
#include "storyline/options.h"
#include "storyline/story.h"

namespace storyline::story {

// Where a person is named: quotes use it to resolve "she said".
struct PersonMention {
  int doc = 0;
  uint32_t begin = 0;  // byte offset in the document text
  int entity = 0;      // index into EntityIndex::entities
};

struct EntityIndex {
  std::vector<Entity> entities;        // every entity found, unranked
  std::vector<PersonMention> persons;  // by doc, then offset

  // The person whose name ends in `surname` (folded), else -1.
  int FindPerson(std::string_view surname) const;
  // The person named last before `begin` in `doc`, else -1.
  int LastPersonBefore(int doc, uint32_t begin) const;
  // Like LastPersonBefore, but the latest whose role shares a word with
  // `description` ("the NATO permanent representative"); -1 if none.
  int LastPersonWithRole(int doc, uint32_t begin,
                         std::string_view description) const;
};

EntityIndex FindEntities(const StoryView& view);

// The `options.max_entities` most widely reported entities, into `story`.
void AddEntities(const EntityIndex& index, const StoryOptions& options,
                 Story& story);

}  // namespace storyline::story
