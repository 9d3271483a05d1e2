// What a notice's own words name among the policy format's named things, for
// the policy studio to propose (each stays unverified until a person confirms
// it; nothing here becomes a rule by itself):
//
// - destinations.<d>.clause: the first clause whose heading names a
//   destination the format has (已落实工作单位 → employed, 升学 →
//   further_study, 参军入伍 → military, 未落实就业 → unsettled, 出国（境）学习 /
//   出国留学 → study_abroad, 出国（境）工作 → work_abroad, 延迟毕业 →
//   delayed_graduation);
// - rules.<r>: the first clause whose text says a named rule's words (修改和撤回
//   → edit_until_accepted, 二次转接 → second_transfer, 涉密单位 →
//   classified_as_military, 以上级通知为准 → higher_notice_prevails, 青年之家 →
//   youth_home_alternative);
// - destinations.unsettled.bases: in the unsettled's clause, the places it
//   names for the township branch in its order (居住地 → residence, 户籍所在地 →
//   hukou, 生源地 → origin, 经常居住地, 实际居住地, 父母居住地), with that clause.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace xueshe {

struct NamedInNotice {
  std::string path;             // the policy path: "destinations.employed.clause", "rules.second_transfer", …
  nlohmann::ordered_json value;  // what goes there: a clause id, or {"value": [bases…], "clause": id}
  std::string sentence;          // a rule: the clause's sentence that says its words (a step's text to propose)
};

// `clauses`: the split's (or the studio file's) [{id, title, text}], in the notice's order.
std::vector<NamedInNotice> notice_named_things(const nlohmann::ordered_json& clauses);

}  // namespace xueshe
