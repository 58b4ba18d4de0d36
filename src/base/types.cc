#include "storyline/story.h"
#include "storyline/types.h"

namespace storyline {

std::string_view LangCode(Lang lang) {
  switch (lang) {
    case Lang::kEn:
      return "en";
    case Lang::kRu:
      return "ru";
    case Lang::kOther:
      return "xx";
    case Lang::kUnknown:
      break;
  }
  return "";
}

Lang LangFromCode(std::string_view code) {
  if (code.empty()) return Lang::kUnknown;
  if (code == "en" || code == "eng" || code == "english") return Lang::kEn;
  if (code == "ru" || code == "rus" || code == "russian") return Lang::kRu;
  return Lang::kOther;
}

std::string_view CopyKindName(CopyKind kind) {
  switch (kind) {
    case CopyKind::kExact:
      return "exact";
    case CopyKind::kNearDuplicate:
      return "near-duplicate";
    case CopyKind::kPartial:
      break;
  }
  return "partial";
}

std::string_view EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson:
      return "person";
    case EntityKind::kOrganization:
      return "organization";
    case EntityKind::kPlace:
      return "place";
    case EntityKind::kOther:
      break;
  }
  return "other";
}

}  // namespace storyline
