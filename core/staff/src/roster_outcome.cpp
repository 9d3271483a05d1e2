// A roster row's outcome straight from the engine's assembled outcome
// (outcome.hpp), without the JSON Engine::evaluate builds for one member.
#include "roster_outcome.hpp"

#include <cstdint>

#include "xueshe/cases.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/outcome.hpp"

namespace xueshe {

void mark_most_urgent(RosterOutcome& o) {
  // DeadlineState is ordered most urgent first.
  for (const RosterDeadline& d : o.deadlines)
    if (!o.urgent_state || d.state < *o.urgent_state || (d.state == *o.urgent_state && d.date < *o.urgent_date)) {
      o.urgent_state = d.state;
      o.urgent_date = d.date;
    }
}

std::optional<Walk> direct_walk(const Engine& engine, const Answers& answers) {
  Walk w = walk(engine.flow(), answers);
  // A question or an error: Engine::evaluate says it. (At an outcome no field is
  // ahead, so the engine's only other check is the dates' order.)
  if (w.error || !w.at || !w.at->is_outcome() || check_date_order(w.used)) return std::nullopt;
  return w;
}

std::string used_key(const Walk& w, std::string_view except) {
  std::string key(w.at->id);
  for (const auto& [field, value] : w.used.values) {
    if (field == except) continue;
    key.push_back('\0');
    key += field;
    key.push_back(static_cast<char>('0' + value.index()));  // the kind, so "true" the word is not true the flag
    if (const Date* d = std::get_if<Date>(&value)) {
      const int days = date::sys_days(*d).time_since_epoch().count();
      key.append(reinterpret_cast<const char*>(&days), sizeof days);
    } else if (const bool* b = std::get_if<bool>(&value)) {
      key.push_back(*b ? '1' : '0');
    } else {
      const std::string& word = std::get<std::string>(value);
      const auto length = static_cast<std::uint32_t>(word.size());
      key.append(reinterpret_cast<const char*>(&length), sizeof length);
      key += word;
    }
  }
  return key;
}

RosterOutcome direct_outcome(const Engine& engine, const Walk& w, Date today, Lang lang) {
  // A named situation (二战考研) is its destination for every rule, as in Engine::walk_answers.
  Answers used = w.used;
  const Situation* situation = resolve_situation(engine.policy(), used);
  return outcome_at(engine, *w.at, used, situation, today, lang);
}

RosterOutcome outcome_at(const Engine& engine, const Node& at, const Answers& used, const Situation* situation,
                         Date today, Lang lang_in) {
  const Lang lang = carried_or_default(lang_in);
  const OutcomeContext ctx{engine.policy(), at, used, member_cases(used), today, lang, situation};
  AssembledOutcome a = assemble_outcome(ctx);
  RosterOutcome o;
  o.ok = true;
  o.route = std::move(a.route);
  o.org = std::move(a.org);
  o.alternatives = std::move(a.alternatives);
  for (const Deadline& d : a.deadlines) o.deadlines.push_back(RosterDeadline{d.kind, d.date, d.clause, d.state});
  mark_most_urgent(o);
  for (Warning& wr : a.warnings) {
    const std::string staff_key = "roster.warning." + wr.key;
    o.warning_staff_texts.push_back(catalog(lang).contains(staff_key) ? message(lang, staff_key, wr.params) : wr.text);
    o.warning_codes.push_back(std::move(wr.code));
    o.warning_texts.push_back(std::move(wr.text));
  }
  for (const Clause* c : a.clauses) o.clauses.push_back(c->id);
  return o;
}

}  // namespace xueshe
