// The question flow as data (GOV.UK Smart Answers style): question nodes name
// the answers field they ask and where each answer leads; outcome nodes name the
// route. Built per policy, because a policy can remove options (no retention at
// school, fewer community bases, no youth-home alternative). Front ends, the
// `flow`/`paths` commands and the reachability test all read this one graph.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "xueshe/answers.hpp"
#include "xueshe/error.hpp"
#include "xueshe/fields.hpp"
#include "xueshe/policy.hpp"

namespace xueshe {

struct Edge {
  std::string when;  // option value, "true"/"false", or "*" (any date)
  std::string to;    // node id
};

struct Node {
  std::string id;        // e.g. "employed.has_org", "outcome.employer_org"
  std::string field;     // answers field asked; empty for decisions and outcomes
  std::string decision;  // decision nodes: what core decides from earlier answers (edges "true"/"false")
  FieldKind kind = FieldKind::choice;
  std::vector<std::string> options;  // allowed values here (choice), after the policy
  std::vector<Edge> edges;
  // Options that are other names for an option beside them, leading where it
  // does (the national layer's situations: 西部计划 → employed): offered and
  // answered like any other, but not enumerated as paths of their own.
  std::vector<std::string> aliases;
  // Outcome nodes only:
  std::string route;
  std::vector<std::string> alternatives;
  std::string variant;  // distinguishes outcomes with the same route (e.g. "org_pending")
  // Question nodes only: answers the member's choice stands for in SPEC §3's
  // older fields (employer_type "private_company" → self_employed false, …), so
  // every rule reads the same answers whichever question gave them.
  std::map<std::string, std::vector<std::pair<std::string, AnswerValue>>> implies;
  // A node the walk passes by (to `skip_to`, recording nothing) when `skip_when`
  // holds of the answers given (see skip_holds):
  //   "unanswered"   — asked of nobody: taken only when given (older answers);
  //   "older_answers" — the older fields of this question were given instead;
  //   "no_personal"  — the destination given is one that asks nothing personal.
  std::string skip_when;
  std::string skip_to;
  // A choice whose options are shown side by side, each with the outcome it
  // leads to in brief, before choosing (option_compare.hpp).
  bool compare = false;

  bool asked() const { return is_question() && skip_when != "unanswered"; }

  bool is_decision() const { return !decision.empty(); }
  bool is_question() const { return !field.empty(); }
  bool is_outcome() const { return field.empty() && decision.empty(); }
};

struct Flow {
  std::string start;
  std::vector<Node> nodes;
  // What decision nodes need from the policy's national layer.
  int age_limit = 28;
  bool age_counted_at_month = true;
  // Destinations (and their situations) that ask nothing personal: nothing
  // about them is transferred now (delayed graduation, by most notices).
  std::vector<std::string> without_personal;
  const Node* find(const std::string& id) const;
};

Flow build_flow(const Policy& policy);

// One answered step on a member's way through the flow.
struct Step {
  std::string node;
  std::string field;  // the node's field, or the one answered in its place (age_band)
  AnswerValue value;
  bool implied = false;  // the policy left one option, so it was not asked
};

struct Walk {
  std::vector<Step> steps;      // answered, in order
  const Node* at = nullptr;     // the unanswered question, or the outcome
  Answers used;                 // only the answers on this path (the rest are ignored)
  std::optional<Error> error;   // an answer the policy does not allow here
};

Walk walk(const Flow& flow, const Answers& answers);

// Every path from the start to an outcome, each as its answered steps. Date
// nodes take `sample_dates` values by field (the dates do not change the route).
struct Path {
  std::vector<Step> steps;
  const Node* outcome = nullptr;
};
std::vector<Path> enumerate_paths(const Flow& flow, const std::vector<std::pair<std::string, Date>>& sample_dates);

// Whether `n` is passed by for these answers (Node::skip_when).
bool skip_holds(const Flow& flow, const Node& n, const Answers& answers);

// The most questions still to answer from `node` (itself included) to any outcome.
int max_questions_from(const Flow& flow, const std::string& node_id);

// Decision nodes (decisions.cpp): the branch core takes from answers already
// given, or nullopt when one of them is missing.
std::optional<bool> decide(const Flow& flow, const std::string& decision, const Answers& used);
// For path enumeration: change the sample answers in `steps` so that `decision`
// comes out as `branch`.
void make_decision_hold(const Flow& flow, const std::string& decision, bool branch, std::vector<Step>& steps);

// The answers fields that can still be asked from `node_id` on (itself included).
std::vector<std::string> fields_ahead(const Flow& flow, const std::string& node_id);

// Whether `to` can be reached from `from` (itself included).
bool node_reachable(const Flow& flow, const std::string& from, const std::string& to);

// Node ids that no path from the start reaches (must be empty).
std::vector<std::string> unreachable_nodes(const Flow& flow);

}  // namespace xueshe
