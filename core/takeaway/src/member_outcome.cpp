#include "xueshe/member_outcome.hpp"

#include "xueshe/cases.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/route_text.hpp"

namespace xueshe {

MemberEvaluation evaluate_member(const Engine& engine, const Answers& answers, Date today, Lang lang_in) {
  Evaluation e = engine.walk_answers(answers);
  if (e.error) return {std::nullopt, std::move(e.error)};
  MemberOutcome m;
  m.policy = &engine.policy();
  m.today = today;
  m.lang = carried_or_default(lang_in);
  m.answered = std::move(e.steps);
  if (!e.at->is_outcome()) {
    m.question = e.at->field;
    return {std::move(m), std::nullopt};
  }
  const OutcomeContext ctx{engine.policy(), *e.at, e.used, member_cases(e.used), today, m.lang, e.situation};
  m.outcome = assemble_outcome(ctx);
  m.started_by = route_started_by(ctx, m.outcome->route, m.outcome->deadlines);
  return {std::move(m), std::nullopt};
}

}  // namespace xueshe
