// xueshe policy draft | check-draft | diff: setting the tool up for next year.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "markdown.hpp"
#include "commands.hpp"
#include "policy_source.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/deadlines.hpp"
#include "xueshe/policy_diff.hpp"
#include "xueshe/notice_split.hpp"
#include "xueshe/notice_split_json.hpp"
#include "xueshe/policy_draft.hpp"
#include "xueshe/policy_summary.hpp"
#include "xueshe/roster_columns.hpp"

namespace xueshe::cli {
namespace {

using nlohmann::json;

// --lang as given: the language it names, or nullopt once the error is printed.
std::optional<Lang> lang_of(const std::string& given) {
  if (auto lang = carried_language(given)) return lang;
  print_error(Error{"bad_lang", "lang", {{"got", given}}}, Lang::zh_CN);
  return std::nullopt;
}

std::optional<std::string> source_text(const std::string& name, Lang lang) {
  auto text = policy_text_for(name);
  if (!text)
    print_tool_error(policy_tool_error_body(
        is_folder(name) ? policy_unreadable(name) : Error{"unknown_source", "policy", {{"got", name}}}, lang));
  return text;
}

std::string value_text(const json& v) {
  if (v.is_null()) return "—";
  if (v.is_string()) return v.get<std::string>();
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The answers in the roster template's column order, in words.
std::string answers_text(const json& answers, Lang lang) {
  std::string out;
  for (const std::string& field : roster_column_ids()) {
    auto it = answers.find(field);
    if (it == answers.end()) continue;
    AnswerValue v;
    if (it->is_boolean()) v = it->get<bool>();
    else if (auto d = parse_iso_date(it->get<std::string>())) v = *d;
    else v = it->get<std::string>();
    out += (out.empty() ? "" : message(lang, "roster.list_separator")) + roster_column_name(field, lang) + " " +
           roster_value_word(field, v, lang);
  }
  return out;
}

std::string deadlines_text(const json& list, Lang lang) {
  std::string out;
  for (const auto& d : list) {
    Deadline dl;
    const auto kind = deadline_kind_named(d["kind"].get<std::string>());
    if (!kind) continue;  // the engine writes only DeadlineKind's names
    dl.kind = *kind;
    dl.date = *parse_iso_date(d["date"].get<std::string>());
    dl.clause = d["clause"].get<std::string>();
    out += (out.empty() ? "" : message(lang, "roster.list_separator")) + deadline_phrase(dl, lang);
  }
  return out;
}

std::string change_text(const json& c, Lang lang) {
  std::vector<std::string> parts;
  if (c.contains("b_error")) parts.push_back(message(lang, "policytool.diff.error", {{"message", c["b_error"]["message"].get<std::string>()}}));
  if (c.contains("b_question"))
    parts.push_back(message(lang, "policytool.diff.error",
                            {{"message", message(lang, "question." + c["b_question"].get<std::string>() + ".text")}}));
  if (c.contains("route"))
    parts.push_back(message(lang, "policytool.diff.route",
                            {{"a", c["route"][0].get<std::string>()}, {"b", c["route"][1].get<std::string>()}}));
  if (c.contains("alternatives"))
    parts.push_back(message(lang, "policytool.diff.alternatives_changed",
                            {{"a", value_text(c["alternatives"][0])}, {"b", value_text(c["alternatives"][1])}}));
  if (c.contains("deadlines_removed"))
    parts.push_back(message(lang, "policytool.diff.deadline_removed", {{"deadline", deadlines_text(c["deadlines_removed"], lang)}}));
  if (c.contains("deadlines_added"))
    parts.push_back(message(lang, "policytool.diff.deadline_added", {{"deadline", deadlines_text(c["deadlines_added"], lang)}}));
  if (c.contains("clauses_removed") || c.contains("clauses_added"))
    parts.push_back(message(lang, "policytool.diff.clauses_changed",
                            {{"removed", c.contains("clauses_removed") ? value_text(c["clauses_removed"]) : "[]"},
                             {"added", c.contains("clauses_added") ? value_text(c["clauses_added"]) : "[]"}}));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : message(lang, "roster.list_separator")) + p;
  return out;
}

std::string diff_markdown(const json& d, Lang lang) {
  const std::string a = d["a"]["id"].get<std::string>(), b = d["b"]["id"].get<std::string>();
  std::string out = "# " + md_cell(message(lang, "policytool.diff.title", {{"a", a}, {"b", b}})) + "\n\n";
  for (const char* side : {"a", "b"})
    if (d[side]["unverified"].get<std::size_t>() > 0)
      out += "> " + md_cell(message(lang, "warning.policy_unverified",
                                    {{"id", d[side]["id"].get<std::string>()},
                                     {"n", std::to_string(d[side]["unverified"].get<std::size_t>())}})) + "\n\n";

  out += "## " + message(lang, "policytool.diff.clauses") + "\n\n";
  if (d["clauses"].empty()) {
    out += message(lang, "policytool.diff.none") + "\n\n";
  } else {
    out += "| " + message(lang, "policytool.diff.col.what") + " | " + message(lang, "policytool.diff.col.change") +
           " |\n| --- | --- |\n";
    for (const auto& c : d["clauses"]) {
      const std::string change = c["change"].get<std::string>();
      std::string text = change == "changed"
                             ? message(lang, "policytool.diff.clause_changed", {{"parts", value_text(c["parts"])}})
                             : message(lang, "policytool.diff.clause_" + change);
      out += "| " + md_cell(c["id"].get<std::string>()) + " | " + md_cell(text) + " |\n";
    }
    out += "\n";
  }

  out += "## " + message(lang, "policytool.diff.values") + "\n\n";
  if (d["values"].empty()) {
    out += message(lang, "policytool.diff.none") + "\n\n";
  } else {
    out += "| " + message(lang, "policytool.diff.col.path") + " | " + md_cell(a) + " | " + md_cell(b) +
           " |\n| --- | --- | --- |\n";
    for (const auto& v : d["values"])
      out += "| " + md_cell(v["path"].get<std::string>()) + " | " + md_cell(value_text(v["a"])) + " | " +
             md_cell(value_text(v["b"])) + " |\n";
    out += "\n";
  }

  const json& p = d["paths"];
  out += "## " + message(lang, "policytool.diff.paths") + "\n\n";
  out += message(lang, "policytool.diff.paths_summary",
                 {{"a", a}, {"b", b},
                  {"total", std::to_string(p["total"].get<std::size_t>())},
                  {"changed", std::to_string(p["changed"].get<std::size_t>())},
                  {"same", std::to_string(p["unchanged"].get<std::size_t>())},
                  {"only_b", std::to_string(p["only_in_b"].get<std::size_t>())}}) +
         "\n";
  const std::string years = std::to_string(d["years_shifted"].get<int>());
  if (d["years_shifted"].get<int>() != 0) {
    out += "\n" + message(lang, "policytool.diff.shifted", {{"b", b}, {"years", years}}) + "\n";
    if (p["dates_moved_only"].get<std::size_t>() > 0)
      out += "\n" + message(lang, "policytool.diff.moved_only",
                             {{"n", std::to_string(p["dates_moved_only"].get<std::size_t>())}, {"years", years}}) + "\n";
  }
  out += "\n";
  std::vector<const json*> listed;
  for (const json& c : p["changes"])
    if (!c.value("dates_moved_only", false)) listed.push_back(&c);
  const std::size_t shown = std::min<std::size_t>(listed.size(), 50);
  if (shown) {
    out += "| # | " + message(lang, "policytool.diff.col.answers") + " | " + message(lang, "policytool.diff.col.change") +
           " |\n| --- | --- | --- |\n";
    for (std::size_t i = 0; i < shown; ++i) {
      const json& c = *listed[i];
      out += "| " + std::to_string(c["number"].get<std::size_t>()) + " | " + md_cell(answers_text(c["answers"], lang)) +
             " | " + md_cell(change_text(c, lang)) + " |\n";
    }
    if (listed.size() > shown)
      out += "\n" + message(lang, "policytool.diff.more", {{"n", std::to_string(listed.size() - shown)}}) + "\n";
  }
  return out;
}

}  // namespace

int run_policy_draft(const std::string& from, int cohort, const std::string& out_file, const std::string& lang_given) {
  const std::optional<Lang> given = lang_of(lang_given);
  if (!given) return 2;
  const Lang lang = *given;
  auto text = source_text(from, lang);
  if (!text) return 2;
  PolicyDraft draft = draft_policy(*text, cohort, policy_files_beside(from));
  if (draft.error) return print_tool_error(policy_tool_error_body(*draft.error, lang));
  if (out_file.empty()) {
    std::fwrite(draft.text.data(), 1, draft.text.size(), stdout);
    return 0;
  }
  std::ofstream f(out_file, std::ios::binary);
  f << draft.text;
  f.close();
  if (!f) return print_tool_error(policy_tool_error_body(Error{"unwritable", "output", {{"got", out_file}}}, lang));
  std::cerr << message(lang, "policytool.draft_written",
                       {{"file", out_file}, {"n", std::to_string(draft.unverified.size())}, {"cohort", std::to_string(cohort)}})
            << "\n";
  return 0;
}

int run_policy_check_draft(const std::string& file, const std::string& lang_given) {
  const std::optional<Lang> given = lang_of(lang_given);
  if (!given) return 2;
  const Lang lang = *given;
  auto text = source_text(file, lang);
  if (!text) return 2;
  DraftAwareLoad load = load_policy_or_draft(*text, policy_files_beside(file));
  if (load.error) return print_tool_error(policy_tool_error_body(*load.error, lang));
  const Engine engine(std::move(*load.policy));
  json summary = policy_summary(engine, lang);
  json unverified = json::array();
  for (const std::string& path : load.unverified) {
    const auto* v = json_at_path(load.document, path);
    unverified.push_back(json{{"path", path},
                              {"value", v ? json::parse(v->dump(-1, ' ', false, json::error_handler_t::replace), nullptr, false)
                                          : json(nullptr)}});
  }
  summary["unverified"] = unverified;
  summary["ok"] = summary["unreachable_nodes"].empty();
  print_json(summary, true);
  std::cerr << (load.unverified.empty() ? message(lang, "policytool.check_verified")
                                         : message(lang, "policytool.check_ok", {{"n", std::to_string(load.unverified.size())}}))
            << "\n";
  return summary["ok"].get<bool>() ? 0 : 2;
}

int run_policy_diff(const std::string& a, const std::string& b, const std::string& format, const std::string& lang_given) {
  const std::optional<Lang> given = lang_of(lang_given);
  if (!given) return 2;
  const Lang lang = *given;
  auto ta = source_text(a, lang);
  if (!ta) return 2;
  auto tb = source_text(b, lang);
  if (!tb) return 2;
  PolicyDiff d = diff_policies(*ta, *tb, lang, policy_files_beside(a), policy_files_beside(b));
  if (d.error) {
    json body = policy_tool_error_body(*d.error, lang);
    body["error"]["file"] = d.which == "a" ? a : b;
    return print_tool_error(body);
  }
  if (format == "json") {
    print_json(d.diff, true);
  } else {
    const std::string md = diff_markdown(d.diff, lang);
    std::fwrite(md.data(), 1, md.size(), stdout);
  }
  return 0;
}

int run_policy_split(const std::string& file, const std::string& lang_given) {
  const std::optional<Lang> given = lang_of(lang_given);
  if (!given) return 2;
  const Lang lang = *given;
  std::optional<std::string> text;
  if (file == "-") text = read_limited(std::cin, kNoticeMaxBytes);
  else text = read_file(file, kNoticeMaxBytes);
  if (!text)
    return print_tool_error(policy_tool_error_body(
        Error{is_folder(file) ? "notice_is_folder" : "notice_unreadable", "notice", {{"got", file}}}, lang));
  const nlohmann::ordered_json body = notice_split_body(*text, lang);
  if (body.contains("error")) return print_tool_error(json::parse(body.dump()));
  std::cout << body.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  return 0;
}

}  // namespace xueshe::cli
