// Closed word classes that mark names in English and Russian news: titles
// before a person, words that make a name an organization, prepositions
// before a place, verbs of saying. Short rule lists, not a gazetteer.
#pragma once

#include <string_view>

namespace storyline::story {

// "minister", "secretary", "замминистра": part of a person's title.
bool IsTitleWord(std::string_view folded);
// "ministry", "council", "организация": the name is an organization's.
bool IsOrgWord(std::string_view folded);
// "in", "from", "в", "из": a capitalized word after it is likely a place.
bool IsPlaceCue(std::string_view folded);
// "said", "stressed", "заявил": a name next to it is a person speaking.
bool IsSpeechVerb(std::string_view folded);
// "of", "for", "and", "по", "и": may join the words of an organization's
// name ("Organization for Security and Co-operation in Europe").
bool IsNameConnector(std::string_view folded);
// "he", "she", "он", "она": a speaker to resolve to the last named person.
bool IsPersonPronoun(std::string_view folded);

}  // namespace storyline::story
