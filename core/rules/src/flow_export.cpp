#include "xueshe/flow_export.hpp"

#include "xueshe/messages.hpp"

namespace xueshe {

using nlohmann::json;

json flow_to_json(const Flow& flow) {
  json nodes = json::array();
  for (const Node& n : flow.nodes) {
    json node{{"id", n.id}};
    if (n.is_decision()) {
      node["type"] = "decision";
      node["decision"] = n.decision;
      json edges = json::array();
      for (const Edge& e : n.edges) edges.push_back(json{{"when", e.when}, {"to", e.to}});
      node["edges"] = edges;
    } else if (n.is_outcome()) {
      node["type"] = "outcome";
      node["route"] = n.route;
      node["alternatives"] = n.alternatives;
      node["variant"] = n.variant;
    } else {
      node["type"] = "question";
      node["field"] = n.field;
      node["kind"] = kind_name(n.kind);
      node["options"] = n.options;
      json edges = json::array();
      for (const Edge& e : n.edges) edges.push_back(json{{"when", e.when}, {"to", e.to}});
      node["edges"] = edges;
      if (!n.skip_when.empty()) node["skip"] = json{{"when", n.skip_when}, {"to", n.skip_to}};
      if (n.compare) node["compare"] = true;
    }
    nodes.push_back(node);
  }
  return json{{"start", flow.start}, {"nodes", nodes}};
}

namespace {

std::string dot_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string flow_to_dot(const Flow& flow, Lang lang) {
  std::string out = "digraph xueshe {\n  rankdir=LR;\n  node [fontname=\"Noto Sans CJK SC\"];\n";
  for (const Node& n : flow.nodes) {
    std::string label = n.is_outcome()    ? n.route + (n.variant.empty() ? "" : " (" + n.variant + ")")
                        : n.is_decision() ? n.decision
                                          : message(lang, "question." + n.field + ".text");
    out += "  \"" + dot_escape(n.id) + "\" [label=\"" + dot_escape(label) + "\", shape=" +
           (n.is_outcome() ? "box, style=rounded" : n.is_decision() ? "diamond" : "ellipse") + "];\n";
  }
  for (const Node& n : flow.nodes)
    for (const Edge& e : n.edges)
      out += "  \"" + dot_escape(n.id) + "\" -> \"" + dot_escape(e.to) + "\" [label=\"" + dot_escape(e.when) + "\"];\n";
  out += "}\n";
  return out;
}

std::vector<std::pair<std::string, Date>> sample_dates(const Policy& p) {
  // A guide on its own names no cohort: its paths are sampled in the year it was last checked.
  const date::year y = p.cohort != 0 ? date::year{p.cohort} : p.last_verified.year();
  return {{"graduation_date", Date{y, date::month{6}, date::day{30}}},
          {"enrollment_date", Date{y, date::month{9}, date::day{1}}},
          {"departure_date", Date{y, date::month{9}, date::day{15}}}};
}

std::vector<json> evaluate_all_paths(const Engine& engine, Date today, Lang lang) {
  std::vector<json> out;
  for (const Path& path : enumerate_paths(engine.flow(), sample_dates(engine.policy()))) {
    Answers answers;
    json answers_json = json::object();
    for (const Step& s : path.steps) {
      if (s.implied) continue;
      answers.values[s.field] = s.value;
      if (auto* b = std::get_if<bool>(&s.value)) answers_json[s.field] = *b;
      else answers_json[s.field] = answer_token(s.value);
    }
    Result r = engine.evaluate(answers, today, lang);
    out.push_back(json{{"outcome_node", path.outcome ? path.outcome->id : ""}, {"answers", answers_json}, {"result", r.body}});
  }
  return out;
}

}  // namespace xueshe
