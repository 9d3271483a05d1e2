// The answers vocabulary of SPEC §3: every field a member can answer, its kind
// and (for choices) every value it may take. The flow decides which are asked.
#pragma once
#include <string>
#include <vector>

namespace xueshe {

enum class FieldKind { choice, boolean, date };

struct Field {
  const char* id;
  FieldKind kind;
  std::vector<std::string> values;  // choice values; empty otherwise
  // A policy may offer more values (destination: its named situations, e.g.
  // "second_exam"); any such word is read here and the flow checks it is offered.
  bool policy_values = false;
  // A yes/no a member may not know: "unknown" (不知道) is an answer too.
  bool unknown_allowed = false;
  // Answers the question of another field in its place (age_band for
  // birth_date); the two are never given together.
  const char* stands_for = nullptr;
};

const std::vector<Field>& answer_fields();
const Field* find_field(const std::string& id);
// The field that may be answered in place of `id` (age_band for birth_date), or nullptr.
const Field* stand_in_for(const std::string& id);
const char* kind_name(FieldKind kind);  // "choice" | "bool" | "date"

}  // namespace xueshe
