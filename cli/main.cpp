// xueshe — 学社衔接自查, command-line front end. No rules here: every decision
// comes from core; this file only parses arguments and dispatches.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"

namespace {

// The language asked for, for messages about arguments that did not parse.
std::string language_in_argv(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lang=en" || (a == "--lang" && i + 1 < argc && std::string(argv[i + 1]) == "en")) return "en";
  }
  return "zh-CN";
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
  evaluate->add_option("--format", format, "json")->check(CLI::IsMember({"json"}));

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

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return print_error(xueshe::Error{"bad_argument", "argv", {{"got", e.what()}}}, language_in_argv(argc, argv));
  }

  if (*evaluate) return run_evaluate(common, pretty);
  if (*ask) return run_ask(common);
  if (*flow) return run_flow(common, flow_format);
  if (*paths) return run_paths(common);
  if (*check) return run_check_policy(policy_file, check_lang);
  return 2;
}
