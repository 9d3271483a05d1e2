#include "xueshe/flow.hpp"

#include <algorithm>
#include <set>

namespace xueshe {
namespace {

Node question(std::string id, std::string field, FieldKind kind, std::vector<Edge> edges) {
  Node n;
  n.id = std::move(id);
  n.field = std::move(field);
  n.kind = kind;
  n.edges = std::move(edges);
  if (kind == FieldKind::choice)
    for (const Edge& e : n.edges) n.options.push_back(e.when);
  return n;
}

Node yes_no(std::string id, std::string field, std::string if_true, std::string if_false) {
  return question(std::move(id), std::move(field), FieldKind::boolean,
                  {{"true", std::move(if_true)}, {"false", std::move(if_false)}});
}

Node date_q(std::string id, std::string field, std::string next) {
  return question(std::move(id), std::move(field), FieldKind::date, {{"*", std::move(next)}});
}

// A node that asks nothing: core decides the branch from answers already given
// (see decisions.cpp), e.g. whether the member is at the age limit.
Node decision(std::string id, std::string name, std::string if_true, std::string if_false) {
  Node n;
  n.id = std::move(id);
  n.decision = std::move(name);
  n.kind = FieldKind::boolean;
  n.edges = {{"true", std::move(if_true)}, {"false", std::move(if_false)}};
  return n;
}

Node outcome(std::string id, std::string route, std::vector<std::string> alternatives = {},
             std::string variant = {}) {
  Node n;
  n.id = std::move(id);
  n.route = std::move(route);
  n.alternatives = std::move(alternatives);
  n.variant = std::move(variant);
  return n;
}

}  // namespace

const Node* Flow::find(const std::string& id) const {
  for (const Node& n : nodes)
    if (n.id == id) return &n;
  return nullptr;
}

Flow build_flow(const Policy& p) {
  const bool can_retain = p.retention_months.value > 0;
  const bool youth_home = p.youth_home_alternative.value;
  Flow f;
  f.start = "destination";
  f.age_limit = p.national.age_limit.value;
  f.age_counted_at_month = p.national.age_counted_at.value == "graduation_month";
  auto& n = f.nodes;

  // Rules above the notice (national layer), asked once per destination before
  // its own questions: the graduation and birth dates decide the age rule
  // (团章.1); a member at the age limit keeps membership only with a league post.
  auto personal = [&](const std::string& dest, const std::string& next) {
    n.push_back(date_q(dest + ".graduation_date", "graduation_date", dest + ".birth_date"));
    n.push_back(date_q(dest + ".birth_date", "birth_date", dest + ".party_member"));
    n.push_back(yes_no(dest + ".party_member", "party_member", dest + ".age", dest + ".age"));
    n.push_back(decision(dest + ".age", "at_age_limit_by_graduation", dest + ".league_post", next));
    n.push_back(yes_no(dest + ".league_post", "holds_league_post", next, "outcome.age_out"));
    return dest + ".graduation_date";
  };
  // Where the receiving organization is decides whether the transfer stays in
  // 智慧团建 or leaves it for 北京/广东/福建's own systems.
  auto via_region = [&](const std::string& outcome_id) {
    std::vector<Edge> edges;
    for (const std::string& region : find_field("receiving_region")->values) edges.push_back({region, outcome_id});
    n.push_back(question("region." + outcome_id, "receiving_region", FieldKind::choice, edges));
    return "region." + outcome_id;
  };

  n.push_back(question("destination", "destination", FieldKind::choice,
                       {{"employed", "employed.graduation_date"},
                        {"further_study", "further_study.graduation_date"},
                        {"military", "military.graduation_date"},
                        {"unsettled", "unsettled.graduation_date"},
                        {"study_abroad", "study_abroad.graduation_date"},
                        {"work_abroad", "work_abroad.graduation_date"},
                        {"delayed_graduation", "outcome.delayed_graduation"}}));
  n.push_back(outcome("outcome.age_out", "age_out"));

  // 二.1 employed (incl. self-employed); 二.3 classified employers follow the military procedure.
  personal("employed", "employed.self_employed");
  const std::string to_employer = via_region("outcome.employer_org");
  const std::string to_township = via_region("outcome.employer_township");
  n.push_back(yes_no("employed.self_employed", "self_employed", "employed.has_org", "employed.classified"));
  n.push_back(yes_no("employed.classified", "employer_classified", "employed.classified.civil_servant",
                     "employed.civil_servant"));
  n.push_back(yes_no("employed.classified.civil_servant", "civil_servant", "outcome.classified",
                     "outcome.classified"));
  n.push_back(yes_no("employed.civil_servant", "civil_servant", "employed.has_org", "employed.has_org"));
  n.push_back(yes_no("employed.has_org", "employer_has_league_org", to_employer,
                     youth_home ? "employed.youth_home" : to_township));
  if (youth_home)
    n.push_back(yes_no("employed.youth_home", "youth_home_has_league_org",
                       via_region("outcome.employer_township.youth_home"), to_township));
  n.push_back(outcome("outcome.employer_org", "employer_org"));
  n.push_back(outcome("outcome.employer_township", "employer_township_org"));
  if (youth_home)
    n.push_back(outcome("outcome.employer_township.youth_home", "employer_township_org", {"youth_home_org"}));
  n.push_back(outcome("outcome.classified", "special_unit_pool", {}, "classified"));

  // 二.2 further study.
  personal("further_study", "further_study.level");
  n.push_back(question("further_study.level", "study_level", FieldKind::choice,
                       {{"postgraduate", "further_study.enrollment_date"}, {"other", "further_study.enrollment_date"}}));
  n.push_back(date_q("further_study.enrollment_date", "enrollment_date", "further_study.org_created"));
  n.push_back(yes_no("further_study.org_created", "new_school_org_created",
                     via_region("outcome.new_school_org.org_exists"), via_region("outcome.new_school_org.org_pending")));
  n.push_back(outcome("outcome.new_school_org.org_exists", "new_school_org", {}, "org_exists"));
  n.push_back(outcome("outcome.new_school_org.org_pending", "new_school_org", {}, "org_pending"));

  // 二.3 military.
  personal("military", "outcome.military");
  n.push_back(outcome("outcome.military", "special_unit_pool", {}, "military"));

  // 二.4 unsettled: community mobile branch, or (where the policy allows) retention at school.
  personal("unsettled", "unsettled.choice");
  std::vector<Edge> unsettled_edges;
  if (can_retain) unsettled_edges.push_back({"retain_at_school", "outcome.retain_at_school"});
  unsettled_edges.push_back({"transfer_to_community", "unsettled.community_basis"});
  n.push_back(question("unsettled.choice", "unsettled_choice", FieldKind::choice, unsettled_edges));
  if (can_retain) n.push_back(outcome("outcome.retain_at_school", "retain_at_school", {"community_mobile_branch"}));
  const std::string to_community = via_region("outcome.community_mobile_branch");
  std::vector<Edge> basis_edges;
  for (const std::string& b : p.community_bases.value) basis_edges.push_back({b, to_community});
  n.push_back(question("unsettled.community_basis", "community_basis", FieldKind::choice, basis_edges));
  n.push_back(outcome("outcome.community_mobile_branch", "community_mobile_branch",
                      can_retain ? std::vector<std::string>{"retain_at_school"} : std::vector<std::string>{}));

  // 二.5 study abroad: the relationship stays at school; a written application before departure.
  personal("study_abroad", "study_abroad.departure_date");
  n.push_back(date_q("study_abroad.departure_date", "departure_date", "outcome.overseas_study_branch"));
  n.push_back(outcome("outcome.overseas_study_branch", "overseas_study_branch"));

  // 二.6 work abroad, official or private, transferred before departure.
  personal("work_abroad", "work_abroad.kind");
  n.push_back(question("work_abroad.kind", "abroad_kind", FieldKind::choice,
                       {{"official", "work_abroad.official.departure_date"},
                        {"private", "work_abroad.private.departure_date"}}));
  n.push_back(date_q("work_abroad.official.departure_date", "departure_date", via_region("outcome.dispatching_unit_org")));
  n.push_back(date_q("work_abroad.private.departure_date", "departure_date", via_region("outcome.hometown_township_org")));
  n.push_back(outcome("outcome.dispatching_unit_org", "dispatching_unit_org"));
  n.push_back(outcome("outcome.hometown_township_org", "hometown_township_org"));

  // 二.7 delayed graduation: nothing is transferred now, so nothing more is asked.
  n.push_back(outcome("outcome.delayed_graduation", "delayed_graduation_org"));
  return f;
}

Walk walk(const Flow& flow, const Answers& answers) {
  Walk w;
  const Node* node = flow.find(flow.start);
  for (size_t guard = 0; node && !node->is_outcome() && guard <= flow.nodes.size(); ++guard) {
    if (node->is_decision()) {
      std::optional<bool> branch = decide(flow, node->decision, w.used);
      const Edge* next = nullptr;
      for (const Edge& e : node->edges)
        if (branch && e.when == (*branch ? "true" : "false")) next = &e;
      if (!next) {
        w.error = Error{"internal_flow", node->id, {}};
        return w;
      }
      node = flow.find(next->to);
      continue;
    }
    auto given = answers.values.find(node->field);
    AnswerValue value;
    bool implied = false;
    if (given != answers.values.end()) {
      value = given->second;
    } else if (node->kind == FieldKind::choice && node->options.size() == 1) {
      value = node->options.front();
      implied = true;
    } else {
      w.at = node;
      return w;
    }
    const std::string token = answer_token(value);
    const Edge* next = nullptr;
    for (const Edge& e : node->edges)
      if (e.when == token || e.when == "*") next = &e;
    if (!next) {
      std::string offered;
      for (const auto& o : node->options) offered += (offered.empty() ? "" : ", ") + o;
      w.error = Error{"value_not_offered", node->field, {{"got", token}, {"allowed", offered}}};
      return w;
    }
    w.steps.push_back(Step{node->id, node->field, value, implied});
    w.used.values[node->field] = value;
    node = flow.find(next->to);
  }
  w.at = node;
  return w;
}

std::vector<Path> enumerate_paths(const Flow& flow, const std::vector<std::pair<std::string, Date>>& sample_dates) {
  std::vector<Path> paths;
  struct Frame {
    const Node* node;
    std::vector<Step> steps;
  };
  std::vector<Frame> stack{{flow.find(flow.start), {}}};
  while (!stack.empty()) {
    Frame f = std::move(stack.back());
    stack.pop_back();
    if (!f.node) continue;
    if (f.node->is_outcome()) {
      paths.push_back(Path{std::move(f.steps), f.node});
      continue;
    }
    // Push in reverse so paths come out in the flow's own order.
    for (auto e = f.node->edges.rbegin(); e != f.node->edges.rend(); ++e) {
      if (f.node->is_decision()) {
        Frame next{flow.find(e->to), f.steps};
        make_decision_hold(flow, f.node->decision, e->when == "true", next.steps);
        stack.push_back(std::move(next));
        continue;
      }
      AnswerValue value;
      if (f.node->kind == FieldKind::boolean) {
        value = e->when == "true";
      } else if (f.node->kind == FieldKind::date) {
        value = Date{};
        for (const auto& sd : sample_dates)
          if (sd.first == f.node->field) value = sd.second;
      } else {
        value = e->when;
      }
      Frame next{flow.find(e->to), f.steps};
      next.steps.push_back(Step{f.node->id, f.node->field, value,
                                f.node->kind == FieldKind::choice && f.node->options.size() == 1});
      stack.push_back(std::move(next));
    }
  }
  return paths;
}

int max_questions_from(const Flow& flow, const std::string& node_id) {
  // The flow is a small DAG; plain recursion, bounded by the node count against cycles.
  struct Search {
    const Flow& flow;
    int depth(const std::string& id, size_t budget) const {
      const Node* n = flow.find(id);
      if (!n || n->is_outcome() || budget == 0) return 0;
      int best = 0;
      for (const Edge& e : n->edges) best = std::max(best, depth(e.to, budget - 1));
      return best + (n->is_question() ? 1 : 0);
    }
  };
  return Search{flow}.depth(node_id, flow.nodes.size());
}

namespace {

// Every node reachable from `from`, itself included, in discovery order.
std::vector<const Node*> nodes_from(const Flow& flow, const std::string& from) {
  std::set<std::string> seen{from};
  std::vector<std::string> todo{from};
  std::vector<const Node*> out;
  while (!todo.empty()) {
    const Node* n = flow.find(todo.back());
    todo.pop_back();
    if (!n) continue;
    out.push_back(n);
    for (const Edge& e : n->edges)
      if (seen.insert(e.to).second) todo.push_back(e.to);
  }
  return out;
}

}  // namespace

std::vector<std::string> fields_ahead(const Flow& flow, const std::string& node_id) {
  std::vector<std::string> fields;
  for (const Node* n : nodes_from(flow, node_id))
    if (n->is_question() && std::find(fields.begin(), fields.end(), n->field) == fields.end()) fields.push_back(n->field);
  return fields;
}

bool node_reachable(const Flow& flow, const std::string& from, const std::string& to) {
  for (const Node* n : nodes_from(flow, from))
    if (n->id == to) return true;
  return false;
}

std::vector<std::string> unreachable_nodes(const Flow& flow) {
  std::set<std::string> seen;
  for (const Node* n : nodes_from(flow, flow.start)) seen.insert(n->id);
  std::vector<std::string> out;
  for (const Node& n : flow.nodes) {
    if (!seen.count(n.id)) out.push_back(n.id);
    for (const Edge& e : n.edges)
      if (!flow.find(e.to)) out.push_back("(missing) " + e.to);
  }
  return out;
}

}  // namespace xueshe
