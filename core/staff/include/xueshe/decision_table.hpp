// The decision table: every path through a policy's flow, one row each — the
// answers that define it, its route, its deadlines, the clauses it relies on
// and its warning codes — so staff can check a whole policy against their
// notice at once. Core builds it as data; front ends format it (CSV,
// Markdown, a page).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "xueshe/closed_sets.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

struct TableDeadline {
  DeadlineKind kind;
  Date date;
  std::string clause;
};

struct TableRow {
  std::size_t number = 0;    // 1-based, in the flow's own order
  std::string outcome_node;  // e.g. "outcome.employer_org"
  std::vector<std::pair<std::string, AnswerValue>> answers;  // field, value (asked answers only)
  std::string route;
  std::string org;  // the receiving organization in words
  std::vector<std::string> alternatives;
  std::vector<TableDeadline> deadlines;
  std::vector<std::string> clauses;
  std::vector<std::string> warnings;  // codes
  std::string error;                  // an error message; empty on every path of a sound policy
};

struct DecisionTable {
  std::vector<std::string> fields;  // answers fields asked on some path, in the roster template's order
  std::vector<TableRow> rows;
};

DecisionTable decision_table(const Engine& engine, Date today, Lang lang);

// Every path of the policy's flow (enumerate_paths with the policy's sample
// dates), with the answers a member on it is asked (not the implied ones) in
// the flow's order, and every field some path asks in the roster template's
// order: the decision table's rows and columns, and the practice roster's.
struct AskedPaths {
  std::vector<Path> paths;
  std::vector<std::vector<std::pair<std::string, AnswerValue>>> answers;  // per path
  std::vector<std::string> fields;
};
AskedPaths asked_paths(const Engine& engine);

nlohmann::json decision_table_json(const DecisionTable& table);

}  // namespace xueshe
