#include "xueshe/decision_table.hpp"

#include <algorithm>

#include "xueshe/cases.hpp"
#include "xueshe/flow_export.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/outcome.hpp"
#include "xueshe/roster_columns.hpp"

namespace xueshe {

using nlohmann::json;

AskedPaths asked_paths(const Engine& engine) {
  AskedPaths out;
  out.paths = enumerate_paths(engine.flow(), sample_dates(engine.policy()));
  std::vector<std::string> asked;
  for (const Path& path : out.paths) {
    auto& answers = out.answers.emplace_back();
    for (const Step& s : path.steps) {
      if (s.implied) continue;  // the policy left one option: not asked
      answers.emplace_back(s.field, s.value);
      if (std::find(asked.begin(), asked.end(), s.field) == asked.end()) asked.push_back(s.field);
    }
  }
  for (const std::string& id : roster_column_ids())  // the roster template's order
    if (std::find(asked.begin(), asked.end(), id) != asked.end()) out.fields.push_back(id);
  return out;
}

DecisionTable decision_table(const Engine& engine, Date today, Lang lang) {
  DecisionTable table;
  AskedPaths asked = asked_paths(engine);
  for (std::size_t i = 0; i < asked.paths.size(); ++i) {
    TableRow row;
    row.number = i + 1;
    row.outcome_node = asked.paths[i].outcome ? asked.paths[i].outcome->id : "";
    row.answers = std::move(asked.answers[i]);
    Answers answers;
    for (const auto& [field, value] : row.answers) answers.values[field] = value;
    // The typed evaluation Engine::evaluate renders for one member, read as it is.
    const Evaluation e = engine.walk_answers(answers);
    if (e.error) {
      row.error = error_message(*e.error, lang);
    } else if (!e.at->is_outcome()) {
      row.error = e.at->field;  // the question a path still asks: the policy's flow is unsound
    } else {
      const AssembledOutcome o = assemble_outcome(
          OutcomeContext{engine.policy(), *e.at, e.used, member_cases(e.used), today, carried_or_default(lang), e.situation});
      row.route = o.route;
      row.org = o.org;
      row.alternatives = o.alternatives;
      for (const Deadline& d : o.deadlines) row.deadlines.push_back(TableDeadline{d.kind, d.date, d.clause});
      for (const Clause* c : o.clauses) row.clauses.push_back(c->id);
      for (const Warning& w : o.warnings) row.warnings.push_back(w.code);
    }
    table.rows.push_back(std::move(row));
  }
  table.fields = std::move(asked.fields);
  return table;
}

json decision_table_json(const DecisionTable& table) {
  json rows = json::array();
  for (const TableRow& r : table.rows) {
    json answers = json::object();
    for (const auto& [field, value] : r.answers) {
      if (auto* b = std::get_if<bool>(&value)) answers[field] = *b;
      else answers[field] = answer_token(value);
    }
    json deadlines = json::array();
    for (const TableDeadline& d : r.deadlines)
      deadlines.push_back(json{{"kind", name(d.kind)}, {"date", format_iso_date(d.date)}, {"clause", d.clause}});
    json row{{"number", r.number}, {"outcome_node", r.outcome_node}, {"answers", answers}, {"route", r.route},
             {"org", r.org}, {"alternatives", r.alternatives}, {"deadlines", deadlines}, {"clauses", r.clauses},
             {"warnings", r.warnings}};
    if (!r.error.empty()) row["error"] = r.error;
    rows.push_back(std::move(row));
  }
  return json{{"fields", table.fields}, {"rows", rows}};
}

}  // namespace xueshe
