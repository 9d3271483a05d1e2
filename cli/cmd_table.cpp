// xueshe table: the decision table (core builds it; this file only lays it
// out as CSV for a spreadsheet or as a Markdown table).
#include <cstdio>
#include <iostream>

#include "markdown.hpp"
#include "commands.hpp"
#include "policy_source.hpp"
#include "xueshe/csv.hpp"
#include "xueshe/decision_table.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/roster.hpp"

namespace xueshe::cli {
namespace {

std::string joined(const std::vector<std::string>& list, const std::string& sep) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::vector<std::vector<std::string>> table_cells(const DecisionTable& t, Lang lang) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{message(lang, "table.col.number")};
  for (const std::string& f : t.fields) header.push_back(roster_column_name(f, lang));
  for (const char* key : {"table.col.route", "table.col.org", "table.col.alternatives"}) header.push_back(message(lang, key));
  for (DeadlineKind kind : roster_deadline_kinds()) header.push_back(message(lang, catalog_key(kind)));
  for (const char* key : {"table.col.clauses", "table.col.warnings"}) header.push_back(message(lang, key));
  rows.push_back(std::move(header));

  const std::string sep = message(lang, "roster.list_separator");
  for (const TableRow& r : t.rows) {
    std::vector<std::string> cells{std::to_string(r.number)};
    for (const std::string& f : t.fields) {
      std::string cell;
      for (const auto& [field, value] : r.answers)
        if (field == f) cell = roster_value_word(field, value, lang);
      cells.push_back(cell);
    }
    cells.push_back(r.error.empty() ? r.route : r.error);
    cells.push_back(r.org);
    cells.push_back(joined(r.alternatives, " "));
    for (DeadlineKind kind : roster_deadline_kinds()) {
      std::vector<std::string> items;
      for (const TableDeadline& d : r.deadlines)
        if (d.kind == kind)
          items.push_back(format_iso_date(d.date) + (lang == Lang::en ? " (" + d.clause + ")" : "（" + d.clause + "）"));
      cells.push_back(joined(items, sep));
    }
    cells.push_back(joined(r.clauses, " "));
    cells.push_back(joined(r.warnings, " "));
    rows.push_back(std::move(cells));
  }
  return rows;
}

}  // namespace

int run_table(const CommonOptions& options, const std::string& format) {
  StaffSetup s = staff_setup(options);
  if (!s.engine) return 2;
  print_draft_banner(s);
  const Policy& p = s.engine->policy();
  const DecisionTable table = decision_table(*s.engine, s.today, s.lang);
  const auto rows = table_cells(table, s.lang);
  std::string out;
  if (format == "csv") {
    out = std::string(kUtf8Bom);
    for (const auto& r : rows) csv_append_record(out, r);
  } else {
    out = "# " + md_cell(message(s.lang, "table.title", {{"title", p.title.at(s.lang)}})) + "\n\n";
    if (!s.unverified.empty())
      out += "> " + md_cell(message(s.lang, "warning.policy_unverified",
                                    {{"id", p.id}, {"n", std::to_string(s.unverified.size())}})) + "\n\n";
    out += md_cell(message(s.lang, "table.note",
                           {{"paths", std::to_string(table.rows.size())},
                            {"cohort", std::to_string(p.cohort)},
                            {"today", format_iso_date(s.today)}})) +
           "\n\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      out += "|";
      for (const auto& c : rows[i]) out += " " + md_cell(c) + " |";
      out += "\n";
      if (i == 0) {
        out += "|";
        for (std::size_t k = 0; k < rows[i].size(); ++k) out += " --- |";
        out += "\n";
      }
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace xueshe::cli
