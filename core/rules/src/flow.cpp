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
  Flow f;
  f.start = "graduation_date";
  f.age_limit = p.national.age_limit.value;
  f.age_counted_at_month = p.national.age_counted_at.value == "graduation_month";
  auto& n = f.nodes;
  // A question whose answers only matter to a dated rule (公务员, 研究生) is
  // asked only when one of the policy's dates names that case.
  auto dated_case = [&](const std::string& c) {
    for (const DeadlineRule& r : p.deadlines)
      for (const auto* list : {&r.applies_to, &r.not_for})
        for (const std::string& x : *list)
          if (x == c) return true;
    return false;
  };

  // Rules above the notice (national layer), asked first, once for every
  // destination: the graduation and birth dates decide the age rule (团章.1); a
  // member at the age limit keeps membership only with a league post, and the
  // way out of the League differs for Party members. Under the limit being a
  // Party member changes nothing of the route, so it is not asked (an answer
  // given anyway is still read: it adds the step that says so).
  n.push_back(date_q("graduation_date", "graduation_date", "birth_date"));
  n.back().skip_when = "no_personal";
  n.back().skip_to = "destination";
  n.push_back(date_q("birth_date", "birth_date", "age"));
  n.push_back(decision("age", "at_age_limit_by_graduation", "league_post", "party_member"));
  std::swap(n.back().edges[0], n.back().edges[1]);  // under the limit first: the common paths lead tables
  n.push_back(yes_no("league_post", "holds_league_post", "party_member", "party_member.age_out"));
  n.push_back(yes_no("party_member.age_out", "party_member", "destination.age_out", "destination.age_out"));
  n.push_back(yes_no("party_member", "party_member", "destination", "destination"));
  n.back().skip_when = "unanswered";
  n.back().skip_to = "destination";

  // An outcome node on `route`, reached through the receiving-region question
  // when the route's receiving organization may be in 北京/广东/福建, whose
  // league systems are their own. Returns the node to lead to.
  std::vector<std::string> made;
  auto to_outcome = [&](const std::string& id, const std::string& route, std::string variant = {},
                        std::vector<std::string> alternatives = {}) {
    // A fallback route, and its own fallback, are the member's other options, in order.
    for (const RouteEntry* at = p.route(route); at && at->fallback; at = p.route(at->fallback->route))
      alternatives.push_back(at->fallback->route);
    if (std::find(made.begin(), made.end(), id) == made.end()) {
      made.push_back(id);
      n.push_back(outcome(id, route, alternatives, std::move(variant)));
      const RouteEntry* r = p.route(route);
      if (r && r->ask_region) {
        std::vector<Edge> edges;
        for (const std::string& region : find_field("receiving_region")->values) edges.push_back({region, id});
        n.push_back(question("region." + id, "receiving_region", FieldKind::choice, edges));
      }
    }
    const RouteEntry* r = p.route(route);
    return r && r->ask_region ? "region." + id : id;
  };
  // A destination the notice says nothing about: the member learns the notice
  // is silent and whom to ask.
  auto not_covered = [&](const std::string& dest) {
    return to_outcome("outcome.not_covered." + dest, "not_covered", "not_covered");
  };
  // "不知道" where a member may not know the answer: leads on like the other answers.
  auto or_unknown = [](Node node, std::string to) {
    node.edges.push_back({"unknown", std::move(to)});
    return node;
  };

  std::vector<Edge> destination_edges;
  n.push_back(outcome("outcome.age_out", "age_out"));

  // 二.1 employed (incl. self-employed); 二.3 classified employers follow the military procedure.
  if (const DestinationRules* d = p.destination("employed")) {
    const std::string youth_home = d->route("youth_home"), classified = d->route("classified");
    const std::string to_employer = to_outcome("outcome.employer_org", d->route("with_org"));
    const std::string to_township = to_outcome("outcome.employer_township", d->route("without_org"));
    const bool civil = dated_case("civil_servant");
    destination_edges.push_back({"employed", "employed.employer_type"});

    // One question of the employer's type: each type stands for the answers
    // the rules read (self-employed, classified, 公务员). The yes/no chain of
    // SPEC §3's older fields stays for answers that give them.
    std::vector<Edge> type_edges;
    std::map<std::string, std::vector<std::pair<std::string, AnswerValue>>> implies;
    auto type = [&](const std::string& value, const std::string& to, bool self, bool secret, bool civil_servant) {
      type_edges.push_back({value, to});
      implies[value] = {{"self_employed", self}, {"employer_classified", secret}, {"civil_servant", civil_servant}};
    };
    type("private_company", "employed.has_org", false, false, false);
    type("state_owned", "employed.has_org", false, false, false);
    type("government", "employed.has_org", false, false, civil);
    type("public_institution", "employed.has_org", false, false, false);
    type("social_org", "employed.has_org", false, false, false);
    if (!classified.empty()) {
      const std::string to_classified = to_outcome("outcome.classified", classified, "classified");
      // Where a date names 公务员, a classified employer's staff are asked it next.
      type("classified", civil ? "employed.classified.civil_servant" : to_classified, false, true, false);
      if (civil) implies["classified"].pop_back();
    }
    type("self_employed", "employed.has_org", true, false, false);
    type("not_sure", "employed.has_org", false, false, false);
    n.push_back(question("employed.employer_type", "employer_type", FieldKind::choice, type_edges));
    n.back().implies = implies;
    n.back().skip_when = "older_answers";
    n.back().skip_to = "employed.self_employed";

    const std::string after_self = !classified.empty() ? "employed.classified" : civil ? "employed.civil_servant" : "employed.has_org";
    n.push_back(yes_no("employed.self_employed", "self_employed", "employed.has_org", after_self));
    if (!classified.empty()) {
      const std::string to_classified = to_outcome("outcome.classified", classified, "classified");
      n.push_back(yes_no("employed.classified", "employer_classified",
                         civil ? "employed.classified.civil_servant" : to_classified,
                         civil ? "employed.civil_servant" : "employed.has_org"));
      if (civil)
        n.push_back(yes_no("employed.classified.civil_servant", "civil_servant", to_classified, to_classified));
    }
    if (civil) n.push_back(yes_no("employed.civil_servant", "civil_servant", "employed.has_org", "employed.has_org"));
    // Not knowing whether the employer has an org: the employer's org if it has
    // one, else the township's (and the Youth Home's where the policy has it).
    std::vector<std::string> if_none{d->route("without_org")};
    if (!youth_home.empty()) if_none.push_back(youth_home);
    n.push_back(or_unknown(yes_no("employed.has_org", "employer_has_league_org", to_employer,
                                  !youth_home.empty() ? "employed.youth_home" : to_township),
                           to_outcome("outcome.employer_org.unknown", d->route("with_org"), "org_unknown", if_none)));
    if (!youth_home.empty()) {
      // Whether the local Youth Home has an org is not asked: a member rarely
      // knows, and it only adds an option, shown with how to find out.
      const std::string maybe = to_outcome("outcome.employer_township.youth_home_unknown", d->route("without_org"),
                                           "youth_home_unknown", {youth_home});
      n.push_back(or_unknown(yes_no("employed.youth_home", "youth_home_has_league_org",
                                    to_outcome("outcome.employer_township.youth_home", d->route("without_org"), {}, {youth_home}),
                                    to_township),
                             maybe));
      n.back().skip_when = "unanswered";
      n.back().skip_to = maybe;
    }
  } else {
    destination_edges.push_back({"employed", not_covered("employed")});
  }

  // 二.2 further study: the new school creates its org (and the member may
  // apply once it exists), or the member transfers within a window of the term's start.
  if (const DestinationRules* d = p.destination("further_study")) {
    const bool level = dated_case("postgraduate") || dated_case("further_study_other");
    const std::string first = level ? "further_study.level" : "further_study.enrollment_date";
    destination_edges.push_back({"further_study", first});
    if (level)
      n.push_back(question("further_study.level", "study_level", FieldKind::choice,
                           {{"postgraduate", "further_study.enrollment_date"}, {"other", "further_study.enrollment_date"}}));
    if (d->mode == "new_school_creates") {
      n.push_back(date_q("further_study.enrollment_date", "enrollment_date", "further_study.org_created"));
      n.push_back(or_unknown(yes_no("further_study.org_created", "new_school_org_created",
                                    to_outcome("outcome.new_school_org.org_exists", d->route("route"), "org_exists"),
                                    to_outcome("outcome.new_school_org.org_pending", d->route("route"), "org_pending")),
                             to_outcome("outcome.new_school_org.org_unknown", d->route("route"), "org_unknown")));
    } else {
      n.push_back(date_q("further_study.enrollment_date", "enrollment_date",
                         to_outcome("outcome.new_school_org.member_transfers", d->route("route"), "member_transfers")));
    }
  } else {
    destination_edges.push_back({"further_study", not_covered("further_study")});
  }

  // 二.3 military.
  if (const DestinationRules* d = p.destination("military"))
    destination_edges.push_back({"military", to_outcome("outcome.military", d->route("route"), "military")});
  else
    destination_edges.push_back({"military", not_covered("military")});

  // 二.4 unsettled: community organization, or (where the policy allows) retention at school.
  if (const DestinationRules* d = p.destination("unsettled")) {
    const std::string retain = d->route("retain");
    destination_edges.push_back({"unsettled", "unsettled.choice"});
    std::vector<Edge> unsettled_edges;
    std::string to_retain;
    if (!retain.empty())
      to_retain = to_outcome("outcome.retain_at_school", retain, d->retention == "exceptional" ? "exceptional" : "",
                             {d->route("community")});
    if (!retain.empty()) unsettled_edges.push_back({"retain_at_school", to_retain});
    unsettled_edges.push_back({"transfer_to_community", "unsettled.community_basis"});
    n.push_back(question("unsettled.choice", "unsettled_choice", FieldKind::choice, unsettled_edges));
    n.back().compare = unsettled_edges.size() > 1;
    // Retention allowed only in exceptional cases is no alternative a member just picks.
    std::vector<std::string> community_alternatives;
    if (!retain.empty() && d->retention != "exceptional") community_alternatives.push_back(retain);
    const std::string to_community =
        to_outcome("outcome.community_mobile_branch", d->route("community"), {}, community_alternatives);
    std::vector<Edge> basis_edges;
    for (const std::string& b : d->bases.value) basis_edges.push_back({b, to_community});
    n.push_back(question("unsettled.community_basis", "community_basis", FieldKind::choice, basis_edges));
  } else {
    destination_edges.push_back({"unsettled", not_covered("unsettled")});
  }

  // 二.5 study abroad: a date before which the member acts.
  if (const DestinationRules* d = p.destination("study_abroad")) {
    destination_edges.push_back({"study_abroad", "study_abroad.departure_date"});
    n.push_back(date_q("study_abroad.departure_date", "departure_date",
                       to_outcome("outcome.overseas_study_branch", d->route("route"))));
  } else {
    destination_edges.push_back({"study_abroad", not_covered("study_abroad")});
  }

  // 二.6 work abroad, split official/private, by whether the employer has an
  // office in China, or one route for all; transferred before departure.
  if (const DestinationRules* d = p.destination("work_abroad")) {
    if (d->mode == "official_private") {
      destination_edges.push_back({"work_abroad", "work_abroad.kind"});
      n.push_back(question("work_abroad.kind", "abroad_kind", FieldKind::choice,
                           {{"official", "work_abroad.official.departure_date"},
                            {"private", "work_abroad.private.departure_date"}}));
      n.push_back(date_q("work_abroad.official.departure_date", "departure_date",
                         to_outcome("outcome.dispatching_unit_org", d->route("official"))));
      n.push_back(date_q("work_abroad.private.departure_date", "departure_date",
                         to_outcome("outcome.hometown_township_org", d->route("private"))));
    } else if (d->mode == "office_in_china") {
      destination_edges.push_back({"work_abroad", "work_abroad.office"});
      n.push_back(yes_no("work_abroad.office", "employer_office_in_china", "work_abroad.office.departure_date",
                         "work_abroad.no_office.departure_date"));
      n.push_back(date_q("work_abroad.office.departure_date", "departure_date",
                         to_outcome("outcome.work_abroad.office", d->route("office"))));
      n.push_back(date_q("work_abroad.no_office.departure_date", "departure_date",
                         to_outcome("outcome.work_abroad.no_office", d->route("no_office"))));
    } else {
      destination_edges.push_back({"work_abroad", "work_abroad.departure_date"});
      n.push_back(date_q("work_abroad.departure_date", "departure_date",
                         to_outcome("outcome.work_abroad", d->route("route"))));
    }
  } else {
    destination_edges.push_back({"work_abroad", not_covered("work_abroad")});
  }

  // 二.7 delayed graduation: nothing is transferred now, so answers that name it
  // first need nothing personal (where the notice moves the member to another
  // branch, the age rule applies as to everyone).
  if (const DestinationRules* d = p.destination("delayed_graduation")) {
    const std::string id = to_outcome("outcome.delayed_graduation", d->route("route"));
    const RouteEntry* r = p.route(d->route("route"));
    if (!(r && r->transfers)) f.without_personal.push_back("delayed_graduation");
    destination_edges.push_back({"delayed_graduation", id});
  } else {
    destination_edges.push_back({"delayed_graduation", not_covered("delayed_graduation")});
  }

  // Named situations (二战考研 → unsettled, …) lead where their destination does.
  std::vector<std::string> aliases;
  for (const Situation& s : p.situations)
    for (const Edge& e : destination_edges)
      if (e.when == s.destination) {
        destination_edges.push_back({s.id, e.to});
        if (s.national) aliases.push_back(s.id);
        if (std::find(f.without_personal.begin(), f.without_personal.end(), s.destination) != f.without_personal.end())
          f.without_personal.push_back(s.id);
        break;
      }
  n.push_back(question("destination", "destination", FieldKind::choice, destination_edges));
  n.back().aliases = aliases;
  // Leaving the League at the age limit, the destination changes nothing and is
  // not asked; one given anyway is still read (a roster's column, a situation's note).
  std::vector<Edge> leaving;
  for (const Edge& e : destination_edges) leaving.push_back({e.when, "outcome.age_out"});
  n.push_back(question("destination.age_out", "destination", FieldKind::choice, leaving));
  n.back().aliases = aliases;
  n.back().skip_when = "unanswered";
  n.back().skip_to = "outcome.age_out";
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
    if (skip_holds(flow, *node, answers)) {
      node = flow.find(node->skip_to);
      continue;
    }
    // The question's own field, or the one answered in its place (age_band for birth_date).
    std::string field = node->field;
    auto given = answers.values.find(field);
    if (const Field* stand_in = stand_in_for(field); given == answers.values.end() && stand_in) {
      field = stand_in->id;
      given = answers.values.find(field);
    }
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
    w.steps.push_back(Step{node->id, field, value, implied});
    w.used.values[field] = value;
    if (auto it = node->implies.find(token); it != node->implies.end())
      for (const auto& [implied_field, v] : it->second) w.used.values[implied_field] = v;
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
    // Push in reverse so paths come out in the flow's own order. A question
    // asked of nobody is passed by; its answers (given by older scripts) are
    // paths of their own only where they lead elsewhere. The other passes are
    // for answers in older fields, whose paths the question's own cover.
    const bool unasked = f.node->skip_when == "unanswered";
    for (auto e = f.node->edges.rbegin(); e != f.node->edges.rend(); ++e) {
      if (std::find(f.node->aliases.begin(), f.node->aliases.end(), e->when) != f.node->aliases.end()) continue;
      if (unasked && e->to == f.node->skip_to) continue;
      if (f.node->is_decision()) {
        Frame next{flow.find(e->to), f.steps};
        make_decision_hold(flow, f.node->decision, e->when == "true", next.steps);
        stack.push_back(std::move(next));
        continue;
      }
      AnswerValue value;
      if (f.node->kind == FieldKind::boolean) {
        if (e->when == "unknown") value = e->when;
        else value = e->when == "true";
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
    if (unasked) stack.push_back(Frame{flow.find(f.node->skip_to), f.steps});
  }
  return paths;
}

bool skip_holds(const Flow& flow, const Node& n, const Answers& answers) {
  if (n.skip_when == "no_personal") {  // whatever else was given: nothing personal matters then
    auto dest = answers.choice("destination");
    return dest && std::find(flow.without_personal.begin(), flow.without_personal.end(), *dest) !=
                       flow.without_personal.end();
  }
  if (n.skip_when.empty() || answers.has(n.field)) return false;
  if (n.skip_when == "unanswered") return true;
  if (n.skip_when == "older_answers")  // the employer type, given as SPEC §3's yes/no chain
    return answers.has("self_employed") || answers.has("employer_classified") || answers.has("civil_servant");
  return false;
}

int max_questions_from(const Flow& flow, const std::string& node_id) {
  // The flow is a small DAG; plain recursion, bounded by the node count against cycles.
  struct Search {
    const Flow& flow;
    int depth(const std::string& id, size_t budget) const {
      const Node* n = flow.find(id);
      if (!n || n->is_outcome() || budget == 0) return 0;
      if (!n->asked() && n->is_question()) return depth(n->skip_to, budget - 1);
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
    if (!n->skip_to.empty() && seen.insert(n->skip_to).second) todo.push_back(n->skip_to);
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
