#include "xueshe/fields.hpp"

#include "xueshe/age_band.hpp"

namespace xueshe {

const std::vector<Field>& answer_fields() {
  static const std::vector<Field> fields = {
      {"destination", FieldKind::choice,
       {"employed", "further_study", "military", "unsettled", "study_abroad", "work_abroad",
        "delayed_graduation"},
       true},
      {"graduation_date", FieldKind::date, {}},
      {"employer_type", FieldKind::choice,
       {"private_company", "state_owned", "government", "public_institution", "social_org", "classified",
        "self_employed", "not_sure"}},
      {"self_employed", FieldKind::boolean, {}},
      {"employer_classified", FieldKind::boolean, {}},
      {"civil_servant", FieldKind::boolean, {}},
      {"employer_has_league_org", FieldKind::boolean, {}, false, true},
      {"youth_home_has_league_org", FieldKind::boolean, {}, false, true},
      {"study_level", FieldKind::choice, {"postgraduate", "other"}},
      {"enrollment_date", FieldKind::date, {}},
      {"new_school_org_created", FieldKind::boolean, {}, false, true},
      {"unsettled_choice", FieldKind::choice, {"retain_at_school", "transfer_to_community"}},
      {"community_basis", FieldKind::choice,
       {"residence", "usual_residence", "actual_residence", "hukou", "origin", "parents_residence"}},
      {"abroad_kind", FieldKind::choice, {"official", "private"}},
      {"departure_date", FieldKind::date, {}},
      {"employer_office_in_china", FieldKind::boolean, {}},
      {"birth_date", FieldKind::date, {}},
      {age_band::field, FieldKind::choice, {age_band::at_limit, age_band::before_deadline, age_band::under}, false,
       false, "birth_date"},
      {"holds_league_post", FieldKind::boolean, {}},
      {"party_member", FieldKind::boolean, {}},
      {"receiving_region", FieldKind::choice, {"beijing", "guangdong", "fujian", "other"}},
  };
  return fields;
}

const Field* find_field(const std::string& id) {
  for (const Field& f : answer_fields())
    if (id == f.id) return &f;
  return nullptr;
}

const Field* stand_in_for(const std::string& id) {
  for (const Field& f : answer_fields())
    if (f.stands_for && id == f.stands_for) return &f;
  return nullptr;
}

const char* kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::choice: return "choice";
    case FieldKind::boolean: return "bool";
    case FieldKind::date: return "date";
  }
  return "choice";
}

}  // namespace xueshe
