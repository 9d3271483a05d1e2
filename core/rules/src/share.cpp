// What a share link carries: the answers on the member's path, the birth date
// as the age answer its outcome needs (share.hpp).
#include "xueshe/share.hpp"

#include "xueshe/age_band.hpp"
#include "xueshe/cases.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/outcome.hpp"

namespace xueshe {
namespace {

using nlohmann::json;

// The age answer that gives the same result as the birth date on this path, or
// nullopt when it cannot be told yet (under the limit at graduation, and the
// outcome, whose dates the 28th birthday is weighed against, not reached).
std::optional<std::string> age_answer(const Engine& engine, const Evaluation& e, Date today) {
  if (decide(engine.flow(), "at_age_limit_by_graduation", e.used).value_or(false)) return std::string(age_band::at_limit);
  if (!e.at->is_outcome()) return std::nullopt;
  const OutcomeContext ctx{engine.policy(), *e.at, e.used, member_cases(e.used), today, default_language(), e.situation};
  for (const Warning& w : assemble_outcome(ctx).warnings)
    if (w.code == "age_limit_before_deadline") return std::string(age_band::before_deadline);
  return std::string(age_band::under);
}

}  // namespace

SharedAnswers share_answers(const Engine& engine, const Answers& answers, Date today) {
  SharedAnswers out;
  const Evaluation e = engine.walk_answers(answers);
  if (e.error) {
    out.error = e.error;
    return out;
  }
  const std::optional<std::string> band = e.used.has("birth_date") ? age_answer(engine, e, today) : std::nullopt;
  bool leaving = false;
  for (const Step& s : e.steps) {
    if (s.implied) continue;  // the policy leaves one option: the flow takes it again
    if (s.field == "birth_date" && !band) leaving = true;
    if (leaving) {
      out.left_out.push_back(s.field);
      continue;
    }
    const bool as_band = s.field == "birth_date";
    const std::string field = as_band ? age_band::field : s.field;
    out.answers.values[field] = as_band ? AnswerValue(*band) : s.value;
    out.order.push_back(field);
    out.carries_age_band = out.carries_age_band || field == age_band::field;
  }
  return out;
}

Result share_json(const Engine& engine, std::string_view answers_json, Date today, Lang lang) {
  AnswersParse parsed = parse_answers(answers_json);
  if (parsed.error) return Result{false, error_body(*parsed.error, lang)};
  const SharedAnswers shared = share_answers(engine, parsed.answers, today);
  if (shared.error) return Result{false, error_body(*shared.error, lang)};
  const Policy& p = engine.policy();
  json answers = json::object(), contains = json::array(), left_out = json::array(), notes = json::array();
  for (const std::string& field : shared.order) {
    const AnswerValue& v = shared.answers.values.at(field);
    if (auto* b = std::get_if<bool>(&v)) answers[field] = *b;
    else answers[field] = answer_token(v);
    contains.push_back(json{{"id", field}, {"name", question_name(field, lang)}, {"label", value_label(p, field, v, lang)}});
  }
  std::string names;
  for (const std::string& field : shared.left_out) {
    left_out.push_back(json{{"id", field}, {"name", question_name(field, lang)}});
    names += (names.empty() ? "" : message(lang, "share.name_separator")) + question_name(field, lang);
  }
  const std::string limit = std::to_string(p.national.age_limit.value);
  if (shared.carries_age_band) {
    const std::string band = *shared.answers.choice(age_band::field);
    notes.push_back(message(lang, "share.note.age_band", {{"label", value_label(p, age_band::field, band, lang)}}));
    if (band == age_band::before_deadline) notes.push_back(message(lang, "share.note.undated_warning", {{"limit", limit}}));
  }
  if (!shared.left_out.empty()) notes.push_back(message(lang, "share.note.left_out", {{"names", names}}));
  return Result{true, json{{"answers", answers}, {"contains", contains}, {"left_out", left_out}, {"notes", notes}}};
}

}  // namespace xueshe
