// A policy is a chain of notices as data (policy_layers.hpp): the national
// rules, a national guide, a province's family, a school's notice — merged into
// one effective policy. Its clauses (text by id), every date and period with the
// clause it comes from, the route table (where each route goes, who starts it,
// the steps, the member's own deadline) and which route each situation leads to.
// Core never hard-codes a date, a clause id or a route's words; it reads them
// from here. The file format is documented in README ("Writing a policy").
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "xueshe/clause.hpp"
#include "xueshe/closed_sets.hpp"
#include "xueshe/dates.hpp"
#include "xueshe/error.hpp"
#include "xueshe/national.hpp"
#include "xueshe/policy_layers.hpp"

namespace xueshe {

// A dated rule of the notice: who it applies to ("cases", see cases.hpp), what
// kind of deadline it is, and its clause. `opens` is the start of a window.
struct DeadlineRule {
  DeadlineKind kind = DeadlineKind::complete_by;  // apply_by | complete_by | all_complete_by | review_window | form_by
  std::optional<Date> opens;
  Date date;
  std::string clause;
  std::vector<std::string> applies_to;  // cases
  std::vector<std::string> not_for;     // explicit exceptions (more specific clause wins)
  Localized what;
  Localized label;  // optional: the notice's own name for this date (else the kind's)
};

// Dates addressed to school staff, not to graduates (shown in summaries).
struct StaffDate {
  Date date;
  std::string clause;
  Localized what;
};

// A completion target for staff ("社会转接率要达到 100%"), with its date if the notice gives one.
struct Target {
  int percent = 100;
  std::optional<Date> date;
  std::string clause;
  Localized what;
};

// A length of time a notice states: "入学一个月内", "开学后30个自然日内",
// "保留6个月，最长不超过1年" (the cap, and when it applies).
struct Period {
  int value = 0;
  std::string unit;  // days | months | years
  std::string clause;
  struct Cap {
    int value = 0;
    std::string unit;
    Localized when;
  };
  std::optional<Cap> cap;
};

// `from` + the period; months and years clamp at the month's end.
Date add_period(Date from, int value, const std::string& unit);

// A step of a route: what the member does (in 智慧团建, offline, or to know).
struct RouteStep {
  std::string id;
  StepWhere where = StepWhere::info;
  Localized text;     // may hold placeholders ({ask}, {org}, {period:NAME}, …)
  std::string clause; // "" = the route's clause
  std::string rule;   // cite this named rule's clause instead
  std::string condition;  // "" | variant:X | alternative:ROUTE | answer:FIELD=VALUE
  std::string document;   // a paper the tool can prepare ("application"), or ""
};

// Where the relationship goes when this route's organization cannot take it
// ("特殊情况下确实无法转入…的，可转接至…"): another route of the table, and when.
// A fallback route may have its own fallback; a chain never loops (the loader checks).
struct Fallback {
  std::string route;
  Localized when;
  std::string clause;  // "" = the route's clause
};

// The member's own date on a route: `from` one of their dates, plus a period.
struct PersonalDeadline {
  DeadlineKind kind = DeadlineKind::transfer_by;  // retention_ends | new_org_created_by | before_departure | transfer_by | retained_until
  std::string from;    // graduation_date | enrollment_date | departure_date
  std::string period;  // name in Policy::periods, or "" (the date itself)
  std::string condition;
  std::string clause;  // "" = the period's clause, else the route's
  Localized what;
};

// One row of the route table.
struct RouteEntry {
  std::string id;
  std::string clause;
  bool transfers = true;     // the relationship leaves the school
  bool ask_region = true;    // the receiving organization's region matters (京粤闽 run their own systems)
  Localized org;
  Localized started_by;
  std::optional<Fallback> fallback;
  std::vector<RouteStep> steps;
  std::optional<PersonalDeadline> deadline;
};

// Which route each situation of a destination leads to (SPEC §3 destinations).
struct DestinationRules {
  std::string clause;  // the clause that covers this destination
  std::map<std::string, std::string> routes;  // role -> route id, e.g. "with_org" -> "employer_org"
  std::string mode;         // further_study: new_school_creates | member_transfers; work_abroad: official_private | office_in_china | one
  std::string retention;    // unsettled: "" (not offered) | allowed | exceptional
  Cited<std::vector<std::string>> bases;  // unsettled: community bases, in the notice's order
  bool bases_preferred_first = false;     // "优先…也可…": the first basis is preferred
  std::string no_residence_org_clause;    // further_study: "不得转至居住地或户籍所在地团组织"
  std::string route(const std::string& role) const {
    auto it = routes.find(role);
    return it == routes.end() ? std::string() : it->second;
  }
};

// A situation graduates name, filed under a destination by a clause (二战考研 → unsettled).
struct Situation {
  std::string id;
  Localized label;
  std::string destination;
  std::string clause;
  bool general_advice = false;  // no notice or national rule files it so: the tool's general advice, said as such
  bool national = false;        // named by the national layer, not by the notice
};

// One file of the chain, for `check-policy` and the page's "which notice" line.
struct PolicyLayerSummary {
  std::string id, layer, hash;
  Localized title;
  Date last_verified;
};

struct Policy {
  std::string id;      // the leaf file's id
  std::string layer;   // the leaf file's layer
  Localized school;    // the issuer (the application is addressed to it)
  Localized title;
  int cohort = 0;      // 0: the chain names no cohort (a guide on its own)
  // The cohort's usual graduation date, offered as a one-tap answer to the
  // graduation-date question; only a notice that states one sets it (in the cohort's year).
  std::optional<Cited<Date>> usual_graduation_date;
  Date notice_date;
  Date last_verified;
  std::string region = "other";  // the sending school's region
  Localized ask_whom;  // whom a member asks where the notice is silent
  std::string ask_whom_clause;

  std::vector<Clause> clauses;  // every layer's but the national root's, leaf first, each in its notice's order
  std::map<std::string, std::string> clause_layer;  // clause id -> layer id

  std::map<std::string, RouteEntry> routes;
  // Named rules: "edit_until_accepted", "second_transfer", "classified_as_military",
  // "higher_notice_prevails", "youth_home_alternative" (a notice's; each optional)
  std::map<std::string, std::string> rule_clauses;
  std::map<std::string, Period> periods;
  std::map<std::string, DestinationRules> destinations;  // absent: the notice says nothing
  std::vector<Situation> situations;
  std::map<std::string, Localized> wording;  // catalog texts this policy words its own way (question.*, option.*)

  std::vector<DeadlineRule> deadlines;
  std::vector<StaffDate> staff_dates;
  std::vector<Target> targets;

  std::string hash;  // FNV-1a 64 over every layer's bytes, hex; identifies the exact chain

  // A draft's marker (the leaf's optional key "unverified"): the JSON paths of
  // values nobody has checked against the notice yet. Non-empty: every front end
  // shows a banner and every outcome a warning (policy_draft.hpp makes drafts).
  std::vector<std::string> unverified;
  std::vector<std::string> unverified_bases;  // the same marker in base files: "guangdong: periods.x.value"

  std::vector<PolicyLayerSummary> layers;  // leaf first
  std::vector<std::pair<std::string, std::string>> provenance;  // JSON path -> layer id

  NationalLayer national;  // the root layer's rules

  const Clause* find_clause(const std::string& id) const;
  const RouteEntry* route(const std::string& id) const;
  const Period* period(const std::string& name) const;
  const DestinationRules* destination(const std::string& id) const;
  Date latest_date() const;  // last date the policy names (for a guide alone: its last_verified)
};

struct PolicyLoad {
  std::optional<Policy> policy;
  std::optional<Error> error;  // field = JSON path; params["policy"] = the file's id when it is a base
};

// Loads a policy and its bases: `texts` is asked first for a base's text by id,
// then the built-in files (the national root, the seed notice).
PolicyLoad load_policy(std::string_view json_text, const PolicyTexts& texts = nullptr);

// The built-in default: policies/hxci-2022.json compiled into the binary.
std::string_view builtin_policy_text();
// A built-in policy file by id (cn-league, hxci-2022), or nullopt.
std::optional<std::string> builtin_policy_file(const std::string& id);
// A policy file's hash (FNV-1a of its bytes); for a built-in file's
// one-language copy (the page's modules), the hash of the file as published.
std::string policy_file_hash(std::string_view text);

}  // namespace xueshe
