// A policy is one school's notice for one cohort, as data: its clauses (text by
// id), every date and number with the clause it comes from, and which clause
// justifies each route. Core never hard-codes a date or a clause id; it reads
// them from here. The file format is documented in README ("Writing a policy").
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "xueshe/clause.hpp"
#include "xueshe/dates.hpp"
#include "xueshe/error.hpp"
#include "xueshe/national.hpp"

namespace xueshe {

// A dated rule of the notice: who it applies to ("cases", see cases.hpp), what
// kind of deadline it is, and its clause. `opens` is the start of a window.
struct DeadlineRule {
  std::string kind;  // apply_by | complete_by | all_complete_by
  std::optional<Date> opens;
  Date date;
  std::string clause;
  std::vector<std::string> applies_to;  // cases
  std::vector<std::string> not_for;     // explicit exceptions (more specific clause wins)
  Localized what;
};

// Dates addressed to school staff, not to graduates (shown in summaries).
struct StaffDate {
  Date date;
  std::string clause;
  Localized what;
};

struct Policy {
  std::string id;
  Localized school;
  Localized title;
  int cohort = 0;
  Date notice_date;
  Date last_verified;
  Localized ask_whom;  // whom a member asks where the notice is silent
  std::string ask_whom_clause;

  std::vector<Clause> clauses;  // in notice order

  // route id -> clause that says where the relationship goes
  std::map<std::string, std::string> route_clauses;
  // named rules that are not routes: "edit_until_accepted", "second_transfer",
  // "classified_as_military", "higher_notice_prevails", "youth_home_alternative"
  std::map<std::string, std::string> rule_clauses;

  Cited<int> retention_months;                       // 0 = no retention at school
  Cited<std::vector<std::string>> community_bases;   // residence | hukou | origin
  Cited<int> new_org_within_months;                  // admitting school creates its org
  Cited<bool> youth_home_alternative;                // 二.1 "也可转至青年之家团组织" for the employed
  Cited<bool> community_youth_home_alternative;      // the same for unsettled members (2022: 二.1 "(下同)")
  std::optional<Cited<int>> receiving_review_days;   // receiving org's review window

  std::vector<DeadlineRule> deadlines;
  std::vector<StaffDate> staff_dates;

  std::string hash;  // FNV-1a 64 of the file's bytes, hex; identifies the exact policy

  // A draft's marker (optional key "unverified"): the JSON paths of values
  // nobody has checked against the notice yet. Non-empty: every front end
  // shows a banner and every outcome a warning (policy_draft.hpp makes drafts).
  std::vector<std::string> unverified;

  NationalLayer national;  // the rules above the notice, always applied with it

  // A clause of the notice or of the national layer.
  const Clause* find_clause(const std::string& id) const;
  Date latest_date() const;  // last date the policy names
};

struct PolicyLoad {
  std::optional<Policy> policy;
  std::optional<Error> error;  // field = JSON path, e.g. "deadlines[2].date"
};

// Loads a school policy and attaches the built-in national layer. A policy
// whose clause ids collide with the national layer's is an error.
PolicyLoad load_policy(std::string_view json_text);

// The built-in default: policies/hxci-2022.json compiled into the binary.
std::string_view builtin_policy_text();

}  // namespace xueshe
