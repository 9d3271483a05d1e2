// One function per subcommand; each returns the process exit code.
#pragma once
#include <string>

#include "io.hpp"
#include "xueshe/lang.hpp"

namespace xueshe::cli {

int run_evaluate(const CommonOptions& options, bool pretty, const std::string& format);
int run_ask(const CommonOptions& options);
int run_flow(const CommonOptions& options, const std::string& format);
int run_paths(const CommonOptions& options);
int run_check_policy(const std::string& file, const std::string& lang);

// For school league offices: a whole roster, the decision table, next year's policy.
struct RosterCommand {
  std::string input;           // the roster CSV
  bool template_only = false;  // print the template instead
  std::string encoding = "auto";
  std::string summary_file;    // JSON summary here; empty: a short summary on stderr
  std::size_t jobs = 0;        // threads checking rows; 0: one per processor (the output is the same)
};
int run_roster(const CommonOptions& options, const RosterCommand& command);
int run_table(const CommonOptions& options, const std::string& format);
int run_policy_draft(const std::string& from, int cohort, const std::string& out_file, const std::string& lang);
int run_policy_check_draft(const std::string& file, const std::string& lang);
// A notice split into clauses and candidate values (JSON); "-" reads stdin.
int run_policy_split(const std::string& file, const std::string& lang);
int run_policy_diff(const std::string& a, const std::string& b, const std::string& format, const std::string& lang);

// The written application of 二.5 (study abroad): {"answers", "applicant"} on stdin.
int run_application(const CommonOptions& options, const std::string& format, bool form_only);

}  // namespace xueshe::cli
