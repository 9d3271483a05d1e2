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
  auto& n = f.nodes;

  n.push_back(question("destination", "destination", FieldKind::choice,
                       {{"employed", "employed.self_employed"},
                        {"further_study", "further_study.level"},
                        {"military", "outcome.military"},
                        {"unsettled", "unsettled.choice"},
                        {"study_abroad", "study_abroad.graduation_date"},
                        {"work_abroad", "work_abroad.kind"},
                        {"delayed_graduation", "outcome.delayed_graduation"}}));

  // 二.1 employed (incl. self-employed); 二.3 classified employers follow the military procedure.
  n.push_back(yes_no("employed.self_employed", "self_employed", "employed.has_org", "employed.classified"));
  n.push_back(yes_no("employed.classified", "employer_classified", "employed.classified.civil_servant",
                     "employed.civil_servant"));
  n.push_back(yes_no("employed.classified.civil_servant", "civil_servant", "outcome.classified",
                     "outcome.classified"));
  n.push_back(yes_no("employed.civil_servant", "civil_servant", "employed.has_org", "employed.has_org"));
  n.push_back(yes_no("employed.has_org", "employer_has_league_org", "outcome.employer_org",
                     youth_home ? "employed.youth_home" : "outcome.employer_township"));
  if (youth_home)
    n.push_back(yes_no("employed.youth_home", "youth_home_has_league_org", "outcome.employer_township.youth_home",
                       "outcome.employer_township"));
  n.push_back(outcome("outcome.employer_org", "employer_org"));
  n.push_back(outcome("outcome.employer_township", "employer_township_org"));
  if (youth_home)
    n.push_back(outcome("outcome.employer_township.youth_home", "employer_township_org", {"youth_home_org"}));
  n.push_back(outcome("outcome.classified", "special_unit_pool", {}, "classified"));

  // 二.2 further study.
  n.push_back(question("further_study.level", "study_level", FieldKind::choice,
                       {{"postgraduate", "further_study.enrollment_date"}, {"other", "further_study.enrollment_date"}}));
  n.push_back(date_q("further_study.enrollment_date", "enrollment_date", "further_study.org_created"));
  n.push_back(yes_no("further_study.org_created", "new_school_org_created", "outcome.new_school_org.org_exists",
                     "outcome.new_school_org.org_pending"));
  n.push_back(outcome("outcome.new_school_org.org_exists", "new_school_org", {}, "org_exists"));
  n.push_back(outcome("outcome.new_school_org.org_pending", "new_school_org", {}, "org_pending"));

  // 二.3 military.
  n.push_back(outcome("outcome.military", "special_unit_pool", {}, "military"));

  // 二.4 unsettled: community mobile branch, or (where the policy allows) retention at school.
  std::vector<Edge> unsettled_edges;
  if (can_retain) unsettled_edges.push_back({"retain_at_school", "unsettled.retain.graduation_date"});
  unsettled_edges.push_back({"transfer_to_community", "unsettled.community_basis"});
  n.push_back(question("unsettled.choice", "unsettled_choice", FieldKind::choice, unsettled_edges));
  if (can_retain) {
    n.push_back(date_q("unsettled.retain.graduation_date", "graduation_date", "outcome.retain_at_school"));
    n.push_back(outcome("outcome.retain_at_school", "retain_at_school", {"community_mobile_branch"}));
  }
  std::vector<Edge> basis_edges;
  for (const std::string& b : p.community_bases.value) basis_edges.push_back({b, "outcome.community_mobile_branch"});
  n.push_back(question("unsettled.community_basis", "community_basis", FieldKind::choice, basis_edges));
  n.push_back(outcome("outcome.community_mobile_branch", "community_mobile_branch",
                      can_retain ? std::vector<std::string>{"retain_at_school"} : std::vector<std::string>{}));

  // 二.5 study abroad: the relationship stays at school; a written application before departure.
  n.push_back(date_q("study_abroad.graduation_date", "graduation_date", "study_abroad.departure_date"));
  n.push_back(date_q("study_abroad.departure_date", "departure_date", "outcome.overseas_study_branch"));
  n.push_back(outcome("outcome.overseas_study_branch", "overseas_study_branch"));

  // 二.6 work abroad, official or private, transferred before departure.
  n.push_back(question("work_abroad.kind", "abroad_kind", FieldKind::choice,
                       {{"official", "work_abroad.official.graduation_date"},
                        {"private", "work_abroad.private.graduation_date"}}));
  for (const char* kind : {"official", "private"}) {
    std::string base = std::string("work_abroad.") + kind;
    std::string out = kind == std::string("official") ? "outcome.dispatching_unit_org" : "outcome.hometown_township_org";
    n.push_back(date_q(base + ".graduation_date", "graduation_date", base + ".departure_date"));
    n.push_back(date_q(base + ".departure_date", "departure_date", out));
  }
  n.push_back(outcome("outcome.dispatching_unit_org", "dispatching_unit_org"));
  n.push_back(outcome("outcome.hometown_township_org", "hometown_township_org"));

  // 二.7 delayed graduation.
  n.push_back(outcome("outcome.delayed_graduation", "delayed_graduation_org"));
  return f;
}

Walk walk(const Flow& flow, const Answers& answers) {
  Walk w;
  const Node* node = flow.find(flow.start);
  for (size_t guard = 0; node && !node->is_outcome() && guard <= flow.nodes.size(); ++guard) {
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
      return best + 1;
    }
  };
  return Search{flow}.depth(node_id, flow.nodes.size());
}

std::vector<std::string> unreachable_nodes(const Flow& flow) {
  std::set<std::string> seen{flow.start};
  std::vector<std::string> todo{flow.start};
  while (!todo.empty()) {
    const Node* n = flow.find(todo.back());
    todo.pop_back();
    if (!n) continue;
    for (const Edge& e : n->edges)
      if (seen.insert(e.to).second) todo.push_back(e.to);
  }
  std::vector<std::string> out;
  for (const Node& n : flow.nodes)
    if (!seen.count(n.id)) out.push_back(n.id);
  for (const std::string& id : seen)
    if (!flow.find(id)) out.push_back("(missing) " + id);
  return out;
}

}  // namespace xueshe
