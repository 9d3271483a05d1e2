// The question flow as data (GOV.UK Smart Answers style): question nodes name
// the answers field they ask and where each answer leads; outcome nodes name the
// route. Built per policy, because a policy can remove options (no retention at
// school, fewer community bases, no youth-home alternative). Front ends, the
// `flow`/`paths` commands and the reachability test all read this one graph.
#pragma once
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
  std::string id;     // e.g. "employed.has_org", "outcome.employer_org"
  std::string field;  // answers field asked; empty for outcomes
  FieldKind kind = FieldKind::choice;
  std::vector<std::string> options;  // allowed values here (choice), after the policy
  std::vector<Edge> edges;
  // Outcome nodes only:
  std::string route;
  std::vector<std::string> alternatives;
  std::string variant;  // distinguishes outcomes with the same route (e.g. "org_pending")

  bool is_outcome() const { return field.empty(); }
};

struct Flow {
  std::string start;
  std::vector<Node> nodes;
  const Node* find(const std::string& id) const;
};

Flow build_flow(const Policy& policy);

// One answered step on a member's way through the flow.
struct Step {
  std::string node;
  std::string field;
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

// The most questions still to answer from `node` (itself included) to any outcome.
int max_questions_from(const Flow& flow, const std::string& node_id);

// Node ids that no path from the start reaches (must be empty).
std::vector<std::string> unreachable_nodes(const Flow& flow);

}  // namespace xueshe
