#include "calendar_input.hpp"

namespace xueshe {

bool is_member_status_note(const std::string& step_id) {
  // steps.cpp: "you are a Party member …", "you are 28 or over but hold a league post …"
  return step_id == "party.transfers" || step_id == "age.post_keeps";
}

CalendarInputRead read_calendar_input(const MemberOutcome& m) {
  if (!m.outcome) return {std::nullopt, Error{"calendar_needs_outcome", m.question, {}}};
  const AssembledOutcome& o = *m.outcome;
  if (o.deadlines.empty()) return {std::nullopt, Error{"calendar_no_deadlines", "deadlines", {}}};

  const Policy& p = *m.policy;
  CalendarInput in;
  in.policy_id = p.id;
  in.policy_hash = p.hash;
  in.policy_title = p.title.at(m.lang);
  in.today = m.today;
  in.route = o.route;
  in.org = o.org;
  in.started_by = m.started_by;
  for (const Deadline& d : o.deadlines) in.deadlines.push_back(CalendarDeadline{d.kind, d.label, d.clause, d.what, d.date});
  for (const Action& s : o.steps)
    if (!is_member_status_note(s.id)) in.steps.push_back(CalendarStep{s.where, s.text, s.clause});
  for (const Clause* c : o.clauses) in.clauses.push_back(CalendarClause{c->id, c->title.at(m.lang), c->text.at(m.lang)});
  return {std::move(in), std::nullopt};
}

}  // namespace xueshe
