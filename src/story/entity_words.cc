#include "story/entity_words.h"

#include <initializer_list>

#include "story/word_table.h"

namespace storyline::story {
namespace {

// The Russian stems below are Cyrillic: a word in ASCII matches none.
bool MayBeCyrillic(std::string_view w) {
  return !w.empty() && static_cast<unsigned char>(w[0]) >= 0x80;
}

bool StartsWithAny(std::string_view w,
                   std::initializer_list<std::string_view> stems) {
  for (const std::string_view s : stems) {
    if (w.substr(0, s.size()) == s) return true;
  }
  return false;
}

}  // namespace

bool IsTitleWord(std::string_view w) {
  static const auto* const kWords =
      new WordTable{"deputy",      "foreign",
                    "minister",    "secretary",
                    "general",     "president",
                    "vice",        "press",
                    "permanent",   "representative",
                    "ambassador",  "spokesman",
                    "spokeswoman", "spokesperson",
                    "chancellor",  "prime",
                    "senator",     "governor",
                    "mayor",       "chief",
                    "head",        "director",
                    "chairman",    "envoy",
                    "defense",     "defence",
                    "state",       "undersecretary",
                    "assistant",   "mr",
                    "mrs",         "ms",
                    "dr",          "sen",
                    "gen",         "leader"};
  if (kWords->contains(w)) return true;
  return MayBeCyrillic(w) &&
         StartsWithAny(w, {"замминистр", "министр", "заместител", "глав",
                           "президент", "пресс-секретар", "генсек", "секретар",
                           "посол", "постпред", "представител", "премьер",
                           "спикер", "директор", "председател"});
}

bool IsOrgWord(std::string_view w) {
  static const auto* const kWords = new WordTable{
      "ministry",    "council",        "organization", "organisation",
      "alliance",    "mission",        "department",   "agency",
      "committee",   "union",          "party",        "bank",
      "corporation", "company",        "inc",          "ltd",
      "group",       "university",     "office",       "parliament",
      "commission",  "court",          "army",         "forces",
      "fund",        "association",    "institute",    "news",
      "times",       "post",           "pact",         "kremlin",
      "house",       "administration", "government",   "assembly",
      "congress",    "senate",         "federation",   "service"};
  if (kWords->contains(w)) return true;
  return MayBeCyrillic(w) &&
         StartsWithAny(
             w, {"министерств", "мид", "совет", "организаци", "альянс", "парти",
                 "банк", "компани", "агентств", "комитет", "кремл",
                 "правительств", "дума", "служб", "администраци"});
}

bool IsPlaceCue(std::string_view w) {
  return w == "in" || w == "from" || w == "near" || w == "в" || w == "во" ||
         w == "из";
}

bool IsSpeechVerb(std::string_view w) {
  static const auto* const kWords = new WordTable{
      "said",      "says",       "stated",     "stressed",  "noted",
      "added",     "told",       "claimed",    "explained", "warned",
      "announced", "commented",  "declared",   "insisted",  "continued",
      "replied",   "emphasized", "emphasised", "wrote",     "asked",
      "admitted",  "confirmed",  "argued",     "urged",     "concluded",
      "believes",  "recalled",   "tweeted",    "say",       "acknowledged",
      "pointed",   "according"};
  if (kWords->contains(w)) return true;
  return MayBeCyrillic(w) &&
         StartsWithAny(w, {"заявил", "сказал", "отметил", "подчеркнул",
                           "добавил", "сообщил", "пояснил", "рассказал",
                           "признал", "указал", "считает", "написал"});
}

bool IsNameConnector(std::string_view w) {
  return w == "of" || w == "for" || w == "and" || w == "the" || w == "in" ||
         w == "по" || w == "и" || w == "в";
}

bool IsPersonPronoun(std::string_view w) {
  return w == "he" || w == "she" || w == "он" || w == "она";
}

}  // namespace storyline::story
