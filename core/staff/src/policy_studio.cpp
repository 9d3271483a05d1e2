#include "xueshe/policy_studio.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "xueshe/engine.hpp"
#include "xueshe/json_at_path.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/notice_names.hpp"
#include "xueshe/policy_draft.hpp"
#include "xueshe/policy.hpp"

namespace xueshe {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr std::size_t kMaxClauses = 2000;

ordered_json error_of(const Error& e, Lang lang) {
  json body = policy_tool_error_body(e, lang);
  return ordered_json::parse(body.dump());
}

ordered_json parse_object(std::string_view text) {
  ordered_json j = ordered_json::parse(text, nullptr, false);
  return j.is_object() ? j : ordered_json();
}

// Keys whose string value is a text the member reads ({"zh-CN", "en"} in the file).
bool is_text_key(const std::string& key) {
  static const std::set<std::string> keys{"title", "school", "text", "org", "started_by", "what", "when", "label"};
  return keys.count(key) > 0;
}

bool empty_value(const ordered_json& v) {
  return v.is_null() || (v.is_string() && v.get<std::string>().empty()) || (v.is_structured() && v.empty());
}

// The form's values as the file writes them: texts in both languages (the
// English being the Chinese words until translated), empty fields left out
// (a section nobody filled is no section; a route's `steps: []` stays). A null member is kept: the author
// removed what the base says there (a destination the notice does not cover, an inherited fallback route, a
// clause the base cites) — the form writes null only on that explicit choice, an emptied field is left out.
ordered_json to_file(const ordered_json& v, const std::string& key) {
  if (v.is_object()) {
    ordered_json out = ordered_json::object();
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (it->is_null()) {
        out[it.key()] = nullptr;
        continue;
      }
      ordered_json x = to_file(*it, it.key());
      // A route's empty step list is a statement (a new route with no steps of its own); any other empty value is no value.
      if (!empty_value(x) || (it.key() == "steps" && x.is_array())) out[it.key()] = std::move(x);
    }
    return out;
  }
  if (v.is_array()) {
    ordered_json out = ordered_json::array();
    for (const auto& x : v) {
      ordered_json y = to_file(x, key);
      if (!empty_value(y)) out.push_back(std::move(y));
    }
    return out;
  }
  if (v.is_string() && is_text_key(key) && !v.get<std::string>().empty())
    return ordered_json{{"zh-CN", v.get<std::string>()}, {"en", v.get<std::string>()}};
  return v;
}

// The path a form field has: the loader's path without a text's language.
std::string form_path(std::string path) {
  for (const char* suffix : {".zh-CN", ".en"}) {
    const std::string s(suffix);
    if (path.size() > s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0) path.resize(path.size() - s.size());
  }
  return path;
}

// Splits a loader path into its segments ("[3]" stays "[3]", a quoted key is unquoted).
std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t i = path.rfind('$', 0) == 0 ? 1 : 0;
  while (i < path.size()) {
    if (path[i] == '.') {
      ++i;
      continue;
    }
    if (path[i] == '[') {
      std::size_t j = path.find(']', i);
      if (path.compare(i, 2, "[\"") == 0) {
        std::size_t k = i + 2;
        while (k < path.size() && path[k] != '"') k += path[k] == '\\' ? 2 : 1;
        out.push_back(path.substr(i + 2, k - i - 2));
        i = k + 2;
        continue;
      }
      if (j == std::string::npos) j = path.size() - 1;
      out.push_back(path.substr(i, j - i + 1));
      i = j + 1;
      continue;
    }
    std::size_t j = i;
    while (j < path.size() && path[j] != '.' && path[j] != '[') ++j;
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

// A string member of an object, "" for anything else (a studio file may come from anywhere: nothing here throws).
std::string str(const ordered_json& o, const char* key) {
  if (!o.is_object()) return {};
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::size_t utf8_offset_of_char(const std::string& s, std::size_t chars) {
  std::size_t i = 0;
  for (std::size_t n = 0; i < s.size() && n < chars; ++n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

std::string trimmed(const std::string& s) {
  const char* ws = " \t\r\n";
  const std::size_t a = s.find_first_not_of(ws);
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(ws) - a + 1);
}

// The base chain's effective policy (null when there is no base or it is not found).
json merged_base(const std::string& base, const PolicyTexts& bases) {
  return studio_base_layers(base, bases).merged;
}

// Sets a dotted path ("destinations.employed.clause") in an object, making the objects on the way.
void set_dotted(ordered_json& o, const std::string& path, const ordered_json& v) {
  ordered_json* at = &o;
  std::size_t i = 0;
  for (std::size_t dot; (dot = path.find('.', i)) != std::string::npos; i = dot + 1) {
    ordered_json& next = (*at)[path.substr(i, dot - i)];
    if (!next.is_object()) next = ordered_json::object();
    at = &next;
  }
  (*at)[path.substr(i)] = v;
}

}  // namespace

LayeredPolicy studio_base_layers(const std::string& base, const PolicyTexts& bases) {
  const PolicyTexts texts = [&bases](const std::string& id) -> std::optional<std::string> {
    if (bases)
      if (auto t = bases(id)) return t;
    return builtin_policy_file(id);
  };
  const std::optional<std::string> base_text = base.empty() ? std::nullopt : texts(base);
  if (!base_text) return {};
  LayeredPolicy chain = resolve_policy_layers(*base_text, texts);
  if (chain.error) return {};
  return chain;
}

std::string studio_field_words(const std::string& path, Lang lang_in) {
  const Lang lang = carried_or_default(lang_in);
  const json& cat = catalog(lang);
  auto word = [&](const std::string& key, const std::string& fallback) {
    return cat.contains(key) ? message(lang, key) : fallback;
  };
  const std::vector<std::string> seg = segments(form_path(path));
  std::string out;
  auto add = [&out](const std::string& w) { out += (out.empty() ? "" : " · ") + w; };
  for (std::size_t i = 0; i < seg.size(); ++i) {
    const std::string& s = seg[i];
    if (s.front() == '[') {
      add(message(lang, "studio.item", {{"n", std::to_string(std::stoul(s.substr(1, s.size() - 2)) + 1)}}));
    } else if (i == 0) {
      add(word("studio.section." + s, s));
    } else if (i == 1 && seg[0] == "destinations") {
      add(word("roster.value.destination." + s, s));
    } else if (i == 1 && (seg[0] == "routes" || seg[0] == "periods" || seg[0] == "rules")) {
      add(word("studio." + seg[0] + "." + s, s));
    } else {
      add(word("studio.key." + s, s));
    }
  }
  return out.empty() ? word("studio.section.$", path) : out;
}

ordered_json studio_start(const std::string& base, std::string_view split_json, const std::string& today,
                          Lang lang_in, const PolicyTexts& bases) {
  const Lang lang = carried_or_default(lang_in);
  const ordered_json split = parse_object(split_json);
  if (split.is_null() || split.contains("error") || !split.contains("clauses"))
    return error_of(Error{"studio_no_split", "notice", {}}, lang);
  ordered_json clauses = ordered_json::array();
  for (const auto& c : split["clauses"])
    clauses.push_back(ordered_json{{"id", str(c, "id")}, {"title", str(c, "title")}, {"text", str(c, "text")}});
  ordered_json policy = ordered_json::object();
  ordered_json unverified = ordered_json::array();
  policy["id"] = "";
  policy["title"] = "";
  policy["school"] = "";
  for (const auto& c : clauses)
    if (c["id"] == "引言" && !c["title"].get<std::string>().empty()) {
      policy["title"] = c["title"];
      unverified.push_back("title");
    }
  const ordered_json& notice = split.contains("notice") ? split["notice"] : ordered_json();
  if (notice.is_object() && notice.value("year", ordered_json()).is_number_integer()) {
    policy["cohort"] = notice["year"];
    unverified.push_back("cohort");
  }
  if (notice.is_object() && notice.value("date", ordered_json()).is_string()) {
    policy["notice_date"] = notice["date"];
    unverified.push_back("notice_date");
  }
  policy["last_verified"] = today;
  // What the notice's words name (a destination's clause, a named rule, the unsettled's bases), proposed where the
  // base chain does not say it already: what the base gives is carried over, not replaced by a proposal.
  const json chain = merged_base(base, bases);
  for (const NamedInNotice& n : notice_named_things(clauses)) {
    if (chain.is_object() && json_at_path(chain, n.path)) continue;
    set_dotted(policy, n.path, n.value);
    unverified.push_back(n.path);
  }
  return ordered_json{{"studio", 1}, {"base", base}, {"clauses", clauses}, {"policy", policy}, {"unverified", unverified}};
}

ordered_json studio_edit_clauses(std::string_view clauses_json, std::string_view op_json, Lang lang_in) {
  const Lang lang = carried_or_default(lang_in);
  ordered_json clauses = ordered_json::parse(clauses_json, nullptr, false);
  const ordered_json op = parse_object(op_json);
  if (!clauses.is_array()) return error_of(Error{"studio_bad_edit", "clauses", {}}, lang);
  if (op.is_null() || !op.value("op", ordered_json()).is_string() || !op.value("at", ordered_json()).is_number_unsigned())
    return error_of(Error{"studio_bad_edit", "op", {}}, lang);
  const std::string kind = op["op"].get<std::string>();
  const std::size_t at = op["at"].get<std::size_t>();
  const std::string field = "clauses[" + std::to_string(at) + "]";
  for (const auto& c : clauses)
    if (!c.is_object()) return error_of(Error{"studio_bad_edit", "clauses", {}}, lang);
  if (at >= clauses.size() || (kind == "merge" && at + 1 >= clauses.size()))
    return error_of(Error{"studio_no_clause", field, {{"n", std::to_string(at + 1)}}}, lang);
  auto id_problem = [&](const std::string& id, std::size_t self) -> std::optional<Error> {
    if (id.empty() || id.find_first_of(" \t\r\n") != std::string::npos)
      return Error{"studio_bad_clause_id", field, {{"got", id}}};
    for (std::size_t i = 0; i < clauses.size(); ++i)
      if (i != self && str(clauses[i], "id") == id) return Error{"studio_duplicate_clause_id", field, {{"got", id}}};
    return std::nullopt;
  };
  const std::string new_id = trimmed(str(op, "id"));
  ordered_json renamed = nullptr;  // {from, to}: the notice's candidate values of clause `from` are now under `to`
  if (kind == "merge") {
    renamed = {{"from", str(clauses[at + 1], "id")}, {"to", str(clauses[at], "id")}};
    ordered_json& a = clauses[at];
    const ordered_json& b = clauses[at + 1];
    std::string text = str(a, "text");
    const std::string more = str(b, "text").empty() ? str(b, "title") : str(b, "text");
    a["text"] = text.empty() ? more : more.empty() ? text : text + "\n" + more;
    clauses.erase(at + 1);
  } else if (kind == "split") {
    if (auto e = id_problem(new_id, SIZE_MAX)) return error_of(*e, lang);
    const std::string text = str(clauses[at], "text");
    const std::size_t chars = op.contains("chars") && op["chars"].is_number_unsigned() ? op["chars"].get<std::size_t>() : 0;
    const std::size_t cut = utf8_offset_of_char(text, chars);
    if (cut == 0 || cut >= text.size()) return error_of(Error{"studio_bad_split", field, {}}, lang);
    if (clauses.size() >= kMaxClauses) return error_of(Error{"studio_too_many_clauses", field, {{"max", std::to_string(kMaxClauses)}}}, lang);
    const std::string rest = trimmed(text.substr(cut));
    clauses[at]["text"] = trimmed(text.substr(0, cut));
    // Its title: the first line, at most 40 characters (cut between characters, never inside one).
    const std::string line = rest.substr(0, rest.find('\n'));
    ordered_json added{{"id", new_id}, {"title", line.substr(0, utf8_offset_of_char(line, 40))}, {"text", rest}};
    clauses.insert(clauses.begin() + static_cast<std::ptrdiff_t>(at + 1), added);
  } else if (kind == "renumber") {
    if (auto e = id_problem(new_id, at)) return error_of(*e, lang);
    renamed = {{"from", str(clauses[at], "id")}, {"to", new_id}};
    clauses[at]["id"] = new_id;
  } else if (kind == "remove") {
    clauses.erase(at);
  } else {
    return error_of(Error{"studio_bad_edit", "op", {}}, lang);
  }
  ordered_json out{{"clauses", clauses}};
  if (!renamed.is_null()) out["renamed"] = renamed;
  return out;
}

ordered_json studio_build(std::string_view studio_json, const PolicyTexts& bases, Lang lang_in) {
  const Lang lang = carried_or_default(lang_in);
  const ordered_json s = parse_object(studio_json);
  ordered_json out{{"policy_text", ""}, {"unverified", ordered_json::array()}, {"finished", false}, {"error", nullptr}};
  auto fail = [&](const Error& e) {
    Error shown = e;
    shown.field = studio_field_words(e.field, lang);
    ordered_json body = error_of(shown, lang)["error"];
    body["path"] = form_path(e.field);
    body["field"] = shown.field;
    out["error"] = body;
    return out;
  };
  if (s.is_null() || !s.contains("studio") || s["studio"] != 1 || !s.contains("policy") || !s["policy"].is_object())
    return fail(Error{"studio_not_a_studio_file", "$", {}});
  ordered_json doc = ordered_json::object();
  doc["format"] = "xueshe-policy/2";
  const ordered_json& form = s["policy"];
  // An empty field is a missing one (the loader's "missing" names it, not a wrong type).
  if (form.contains("id") && !empty_value(form["id"])) doc["id"] = form["id"];
  doc["layer"] = "school";
  const std::string base = str(s, "base");
  if (!base.empty()) doc["extends"] = base;
  ordered_json values = to_file(form, "");
  values.erase("id");
  ordered_json clauses = ordered_json::array();
  if (s.value("clauses", ordered_json()).is_array())
    for (const auto& c : s["clauses"]) {
      const std::string id = str(c, "id"), title = str(c, "title"), text = str(c, "text");
      const std::string heading = title.empty() ? id : id + " " + title;
      const std::string body = text.empty() ? title : text;
      clauses.push_back(ordered_json{{"id", id},
                                     {"title", {{"zh-CN", heading}, {"en", heading}}},
                                     {"text", {{"zh-CN", body}, {"en", body}}}});
    }
  // A route the base chain does not define is new: without steps of its own it has none (`steps: []`,
  // which the loader wants written); a route the base defines keeps the base's steps unless the form gives some.
  if (values.contains("routes") && values["routes"].is_object()) {
    const json chain = merged_base(base, bases);
    const json* base_routes = chain.is_object() && chain.contains("routes") ? &chain["routes"] : nullptr;
    for (auto it = values["routes"].begin(); it != values["routes"].end(); ++it)
      if (it->is_object() && !it->contains("steps") && !(base_routes && base_routes->contains(it.key())))
        (*it)["steps"] = ordered_json::array();
  }
  // Keys in the order the built-in files use.
  for (const char* key : {"title", "school", "cohort", "notice_date", "last_verified", "region", "ask_whom"})
    if (values.contains(key)) doc[key] = values[key];
  doc["clauses"] = clauses;
  for (auto it = values.begin(); it != values.end(); ++it)
    if (!doc.contains(it.key())) doc[it.key()] = *it;
  // Unverified: the proposed values still there, in the file's syntax.
  ordered_json unverified = ordered_json::array();
  if (s.value("unverified", ordered_json()).is_array())
    for (const auto& p : s["unverified"])
      if (p.is_string() && json_at_path(doc, p.get<std::string>())) unverified.push_back(p);
  if (!unverified.empty()) doc["unverified"] = unverified;
  const std::string text = doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
  out["policy_text"] = text;
  out["unverified"] = unverified;
  DraftAwareLoad load = load_policy_or_draft(text, bases);
  if (load.error) return fail(*load.error);
  out["finished"] = unverified.empty();
  return out;
}

}  // namespace xueshe
