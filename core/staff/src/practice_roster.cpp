#include "xueshe/practice_roster.hpp"

#include <vector>

#include "xueshe/age_rule.hpp"
#include "xueshe/csv.hpp"
#include "xueshe/decision_table.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/roster_columns.hpp"

namespace xueshe {

namespace {
constexpr std::size_t kBirthSpread = 2000;  // days: rows born up to ≈ 5.5 years before their path's date
}  // namespace

std::string practice_roster_csv(const Engine& engine, Lang lang, std::size_t rows) {
  const Flow& flow = engine.flow();
  const AskedPaths asked = asked_paths(engine);
  // The answers each path's member gives, by field.
  std::vector<Answers> answers(asked.answers.size());
  for (std::size_t p = 0; p < asked.answers.size(); ++p)
    for (const auto& [field, value] : asked.answers[p]) answers[p].values[field] = value;
  std::vector<std::string> columns = {"student_id", "name"};
  columns.insert(columns.end(), asked.fields.begin(), asked.fields.end());
  columns.push_back("status");

  std::string out(kUtf8Bom);
  std::vector<std::string> cells;
  for (const std::string& id : columns) cells.push_back(roster_column_name(id, lang));
  csv_append_record(out, cells);
  const std::string completed = message(lang, "roster.status.completed"), open = message(lang, "roster.status.open");
  for (std::size_t i = 0; i < rows && !answers.empty(); ++i) {
    const Answers& a = answers[i % answers.size()];
    cells.clear();
    for (const std::string& id : columns) {
      if (id == "student_id") {
        cells.push_back(std::to_string(100000001 + i));
      } else if (id == "name") {
        cells.push_back("#" + std::to_string(i + 1));
      } else if (id == "status") {
        cells.push_back(i % 3 ? open : completed);
      } else if (!a.has(id)) {
        cells.emplace_back();
      } else if (id == "birth_date" && a.date(id)) {
        const Date own = *a.date(id);
        const Date earlier{date::sys_days{own} - date::days{static_cast<int>(i % kBirthSpread)}};
        const std::optional<Date> graduation = a.date("graduation_date");
        const bool same = !graduation || at_age_limit_by(flow, earlier, *graduation) == at_age_limit_by(flow, own, *graduation);
        cells.push_back(format_iso_date(same ? earlier : own));
      } else if (const std::optional<Date> d = a.date(id)) {
        cells.push_back(format_iso_date(*d));
      } else {
        cells.push_back(roster_value_word(id, a.values.at(id), lang));
      }
    }
    csv_append_record(out, cells);
  }
  return out;
}

}  // namespace xueshe
