#include "story/entities.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "base/strings.h"
#include "story/entity_mentions.h"

namespace storyline::story {
namespace {

struct Group {
  std::vector<int> mentions;
  int person = 0, organization = 0, place = 0;
  int named_person = 0;  // mentions that look like a person's full name
};

bool PersonLike(const NameMention& m) {
  return m.person >= 2 || (m.person >= 1 && m.words >= 2);
}

EntityKind KindOf(const Group& g) {
  // One-word names ("Moscow says") are people only next to a full name.
  if (g.named_person > 0 &&
      (g.person >= 3 || (g.person > g.organization && g.person >= g.place))) {
    return EntityKind::kPerson;
  }
  if (g.organization > 0 && g.organization >= g.place) {
    return EntityKind::kOrganization;
  }
  if (g.place > 0) return EntityKind::kPlace;
  return EntityKind::kOther;
}

std::vector<std::string> LowerWords(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : s) {
    if (c == ' ' || c == ',' || c == '-') {
      if (!word.empty()) out.push_back(AsciiLower(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(AsciiLower(word));
  return out;
}

Entity MakeEntity(const Group& g, const std::vector<NameMention>& mentions) {
  Entity e;
  e.kind = KindOf(g);
  absl::flat_hash_map<std::string, int> surfaces, roles;
  for (const int i : g.mentions) {
    const NameMention& m = mentions[i];
    ++surfaces[m.surface];
    if (!m.role.empty()) ++roles[m.role];
    e.docs.push_back(m.doc);
  }
  // The name is the longest variant; the most used of equally long ones.
  std::pair<size_t, int> best{0, 0};
  for (const auto& [s, n] : surfaces) {
    const std::pair<size_t, int> score{s.size(), n};
    if (score > best || (score == best && s < e.name)) best = score, e.name = s;
  }
  for (const auto& [s, n] : surfaces) {
    if (s != e.name) e.variants.push_back(s);
  }
  std::sort(e.variants.begin(), e.variants.end());
  int best_role = 0;
  for (const auto& [r, n] : roles) {
    if (n > best_role || (n == best_role && r < e.role))
      best_role = n, e.role = r;
  }
  e.mentions = static_cast<int>(g.mentions.size());
  std::sort(e.docs.begin(), e.docs.end());
  e.docs.erase(std::unique(e.docs.begin(), e.docs.end()), e.docs.end());
  return e;
}

}  // namespace

EntityIndex FindEntities(const StoryView& view) {
  const std::vector<NameMention> mentions = FindNameMentions(view);
  // A lone capitalized word at a sentence start counts only if the story
  // also capitalizes it mid-sentence.
  absl::flat_hash_set<std::string> mid_sentence;
  for (const NameMention& m : mentions) {
    if (!m.sentence_start || m.words > 1) mid_sentence.insert(m.key);
  }
  absl::flat_hash_map<std::string, int> group_of;
  std::vector<Group> groups;
  auto add = [&](const std::string& key, int i) {
    const auto [it, added] =
        group_of.try_emplace(key, static_cast<int>(groups.size()));
    if (added) groups.emplace_back();
    Group& g = groups[it->second];
    g.mentions.push_back(i);
    g.person += mentions[i].person;
    g.organization += mentions[i].organization;
    g.place += mentions[i].place;
    g.named_person += PersonLike(mentions[i]);
  };
  // People first, merged on the surname, so that "Ryabkov" alone can join.
  for (int i = 0; i < static_cast<int>(mentions.size()); ++i) {
    if (PersonLike(mentions[i])) add("p:" + mentions[i].surname, i);
  }
  for (int i = 0; i < static_cast<int>(mentions.size()); ++i) {
    const NameMention& m = mentions[i];
    if (PersonLike(m)) continue;
    if (m.words == 1 && m.sentence_start && !mid_sentence.contains(m.key)) {
      continue;
    }
    const std::string person_key = "p:" + m.surname;
    if (m.words <= 2 && group_of.contains(person_key) && m.organization == 0) {
      add(person_key, i);
    } else {
      add("n:" + m.key, i);
    }
  }
  EntityIndex index;
  std::vector<std::pair<std::pair<int, uint32_t>, int>> persons;
  for (const Group& g : groups) {
    index.entities.push_back(MakeEntity(g, mentions));
    if (index.entities.back().kind != EntityKind::kPerson) continue;
    for (const int i : g.mentions) {
      persons.push_back({{mentions[i].doc, mentions[i].span.begin},
                         static_cast<int>(index.entities.size() - 1)});
    }
  }
  std::sort(persons.begin(), persons.end());
  for (const auto& [where, entity] : persons) {
    index.persons.push_back({where.first, where.second, entity});
  }
  return index;
}

int EntityIndex::FindPerson(std::string_view name) const {
  const std::vector<std::string> words = LowerWords(name);
  if (words.empty()) return -1;
  for (int e = 0; e < static_cast<int>(entities.size()); ++e) {
    if (entities[e].kind != EntityKind::kPerson) continue;
    const std::vector<std::string> own = LowerWords(entities[e].name);
    if (!own.empty() && own.back() == words.back()) return e;
    for (const std::string& v : entities[e].variants) {
      const std::vector<std::string> other = LowerWords(v);
      if (!other.empty() && other.back() == words.back()) return e;
    }
  }
  return -1;
}

int EntityIndex::LastPersonBefore(int doc, uint32_t begin) const {
  int found = -1;
  for (const PersonMention& p : persons) {
    if (p.doc == doc && p.begin < begin) found = p.entity;
  }
  return found;
}

int EntityIndex::LastPersonWithRole(int doc, uint32_t begin,
                                    std::string_view description) const {
  const std::vector<std::string> words = LowerWords(description);
  int found = -1;
  for (const PersonMention& p : persons) {
    if (p.doc != doc || p.begin >= begin) continue;
    for (const std::string& r : LowerWords(entities[p.entity].role)) {
      if (r != "the" && r != "of" &&
          std::find(words.begin(), words.end(), r) != words.end()) {
        found = p.entity;
        break;
      }
    }
  }
  return found;
}

void AddEntities(const EntityIndex& index, const StoryOptions& options,
                 Story& story) {
  std::vector<const Entity*> ranked;
  for (const Entity& e : index.entities) {
    // A single unclassified capitalized word is more likely noise.
    if (e.kind == EntityKind::kOther && e.mentions < 2) continue;
    ranked.push_back(&e);
  }
  std::sort(ranked.begin(), ranked.end(), [](const Entity* a, const Entity* b) {
    const bool a_known = a->kind != EntityKind::kOther;
    const bool b_known = b->kind != EntityKind::kOther;
    if (a_known != b_known) return a_known;
    if (a->docs.size() != b->docs.size())
      return a->docs.size() > b->docs.size();
    if (a->mentions != b->mentions) return a->mentions > b->mentions;
    return a->name < b->name;
  });
  if (static_cast<int>(ranked.size()) > options.max_entities) {
    ranked.resize(std::max(0, options.max_entities));
  }
  for (const Entity* e : ranked) story.entities.push_back(*e);
}

}  // namespace storyline::story
