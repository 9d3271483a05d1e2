// xueshe — 学社衔接自查, command-line front end. No rules here: every decision
// comes from core; this file only parses arguments and dispatches.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <optional>

#include "commands.hpp"

namespace {

// The language asked for, for messages about arguments that did not parse.
xueshe::Lang language_in_argv(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lang=en" || (a == "--lang" && i + 1 < argc && std::string(argv[i + 1]) == "en")) return xueshe::Lang::en;
  }
  return xueshe::Lang::zh_CN;
}

// `xueshe nosuchcmd` (or `xueshe policy nosuch`): the word where a command
// was expected, and the commands that could stand there. CLI11 alone says only
// "A subcommand is required".
std::optional<xueshe::Error> unknown_command(const CLI::App& app, int argc, char** argv) {
  const CLI::App* level = &app;
  for (int i = 1; i < argc && level->get_require_subcommand_min() > 0; ++i) {
    const std::string word = argv[i];
    if (word.empty() || word[0] == '-') return std::nullopt;
    const auto commands = level->get_subcommands([](const CLI::App*) { return true; });
    auto named = std::find_if(commands.begin(), commands.end(), [&](const CLI::App* c) { return c->check_name(word); });
    if (named != commands.end()) {
      level = *named;
      continue;
    }
    std::string names;
    for (const CLI::App* c : commands) names += (names.empty() ? "" : ", ") + c->get_name();
    return xueshe::Error{"unknown_command", "argv", {{"got", word}, {"commands", names}}};
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace xueshe::cli;
  CLI::App app{"xueshe — 学社衔接自查: where a graduating league member's relationship goes, how, and by when"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "xueshe 0.1.0");

  CommonOptions common;
  auto add_common = [&common](CLI::App* cmd) {
    cmd->add_option("--policy", common.policy_file, "Policy JSON file (default: built-in hxci-2022)");
    cmd->add_option("--today", common.today, "As-of date YYYY-MM-DD (default: the local date)");
    cmd->add_option("--lang", common.lang, "zh-CN (default) or en");
  };

  bool pretty = false;
  std::string format = "json";
  auto* evaluate = app.add_subcommand("evaluate", "Answers JSON on stdin -> result JSON on stdout (exit 2 on bad input)");
  add_common(evaluate);
  evaluate->add_flag("--pretty", pretty, "Indent the JSON");
  evaluate->add_option("--format", format, "json (default), or ics: the outcome's deadlines as a calendar file")
      ->check(CLI::IsMember({"json", "ics"}));

  auto* ask = app.add_subcommand("ask", "Interactive questionnaire in the terminal");
  add_common(ask);

  std::string flow_format = "json";
  auto* flow = app.add_subcommand("flow", "The question flow as a graph");
  add_common(flow);
  flow->add_option("--format", flow_format, "dot or json")->check(CLI::IsMember({"dot", "json"}));

  auto* paths = app.add_subcommand("paths", "Every path through the flow with its outcome, one JSON line each");
  add_common(paths);

  std::string policy_file;
  std::string check_lang = "zh-CN";
  auto* check = app.add_subcommand("check-policy", "Validate a policy file");
  check->add_option("file", policy_file, "Policy JSON file")->required();
  check->add_option("--lang", check_lang, "zh-CN (default) or en");

  RosterCommand roster_cmd;
  auto* roster = app.add_subcommand("roster", "A whole roster CSV -> the annotated roster CSV on stdout, a summary");
  add_common(roster);
  roster->add_option("input", roster_cmd.input, "Roster CSV (UTF-8 or GB18030)");
  roster->add_flag("--template", roster_cmd.template_only, "Print the template CSV instead");
  roster->add_option("--encoding", roster_cmd.encoding, "auto (default), utf-8 or gb18030")
      ->check(CLI::IsMember({"auto", "utf-8", "gb18030"}));
  roster->add_option("--summary", roster_cmd.summary_file, "Write the summary as JSON to this file");
  roster->add_option("--jobs", roster_cmd.jobs,
                     "Check rows on this many threads (default: one per processor; the output is the same for any number)")
      ->check(CLI::Range(1, 64));

  std::string table_format = "md";
  auto* table = app.add_subcommand("table", "The decision table: every path, its route, deadlines and clauses");
  add_common(table);
  table->add_option("--format", table_format, "md (default) or csv")->check(CLI::IsMember({"csv", "md"}));

  auto* policy = app.add_subcommand("policy", "Next year's policy: draft, check-draft, diff, split");
  policy->require_subcommand(1);
  std::string tool_lang = "zh-CN";
  std::string draft_from, draft_out;
  int draft_cohort = 0;
  auto* draft = policy->add_subcommand("draft", "A draft for another cohort, every date moved, marked unverified");
  draft->add_option("--from", draft_from, "Built-in policy id (hxci-2022) or policy file")->required();
  draft->add_option("--cohort", draft_cohort, "The new cohort, e.g. 2026")->required();
  draft->add_option("-o,--output", draft_out, "Write the draft here (default: stdout)");
  draft->add_option("--lang", tool_lang, "zh-CN (default) or en");
  std::string draft_file;
  auto* check_draft = policy->add_subcommand("check-draft", "Validate a draft; list its unverified values");
  check_draft->add_option("file", draft_file, "Policy or draft file")->required();
  check_draft->add_option("--lang", tool_lang, "zh-CN (default) or en");
  std::string diff_a, diff_b, diff_format = "md";
  auto* diff = policy->add_subcommand("diff", "Changed clauses, values and path outcomes between two policies");
  diff->add_option("a", diff_a, "Policy A (built-in id or file)")->required();
  diff->add_option("b", diff_b, "Policy B (built-in id or file)")->required();
  diff->add_option("--format", diff_format, "md (default) or json")->check(CLI::IsMember({"md", "json"}));
  diff->add_option("--lang", tool_lang, "zh-CN (default) or en");

  std::string split_file;
  auto* split = policy->add_subcommand("split", "A notice's text -> its clauses and candidate dates, periods, percentages (JSON)");
  split->add_option("notice", split_file, "The notice as a UTF-8 text file (- for stdin)")->required();
  split->add_option("--lang", tool_lang, "zh-CN (default) or en");

  std::string application_format = "md";
  bool application_form_only = false;
  auto* application = app.add_subcommand(
      "application", "Study abroad (二.5): {\"answers\", \"applicant\"} on stdin -> the written application");
  add_common(application);
  application->add_option("--format", application_format, "md (default) or json")->check(CLI::IsMember({"md", "json"}));
  application->add_flag("--form", application_form_only, "Print the form definition (JSON) instead; no applicant needed");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (auto unknown = unknown_command(app, argc, argv)) return print_error(*unknown, language_in_argv(argc, argv));
    return print_error(xueshe::Error{"bad_argument", "argv", {{"got", e.what()}}}, language_in_argv(argc, argv));
  }

  if (*evaluate) return run_evaluate(common, pretty, format);
  if (*ask) return run_ask(common);
  if (*flow) return run_flow(common, flow_format);
  if (*paths) return run_paths(common);
  if (*check) return run_check_policy(policy_file, check_lang);
  if (*roster) return run_roster(common, roster_cmd);
  if (*table) return run_table(common, table_format);
  if (*draft) return run_policy_draft(draft_from, draft_cohort, draft_out, tool_lang);
  if (*check_draft) return run_policy_check_draft(draft_file, tool_lang);
  if (*diff) return run_policy_diff(diff_a, diff_b, diff_format, tool_lang);
  if (*split) return run_policy_split(split_file, tool_lang);
  if (*application) return run_application(common, application_format, application_form_only);
  return 2;
}
