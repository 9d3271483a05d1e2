// xueshe roster: a whole roster CSV → the annotated roster on stdout and a
// summary (JSON to --summary FILE, or a few lines on stderr).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string_view>
#include <iostream>

#include "commands.hpp"
#include "file_bytes.hpp"
#include "heap_pages.hpp"
#include "iconv_gb18030.hpp"
#include "policy_source.hpp"
#include "task_threads.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/roster.hpp"
#include "xueshe/roster_decode.hpp"
#include "xueshe/routes.hpp"

namespace xueshe::cli {
namespace {

void write_stdout(std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), stdout); }

std::string percent(double rate) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", rate * 100.0);
  return buf;
}

// The summary in a few lines, for a person at a terminal.
void print_summary(const nlohmann::json& s, Lang lang) {
  const std::string sep = message(lang, "roster.list_separator");
  std::string out = message(lang, "roster.summary.rows",
                            {{"rows", std::to_string(s["rows"].get<std::size_t>())},
                             {"header", std::to_string(s["file"]["header_line"].get<std::size_t>())},
                             {"blank", std::to_string(s["file"]["blank_lines"].get<std::size_t>())},
                             {"evaluated", std::to_string(s["rows_evaluated"].get<std::size_t>())},
                             {"errors", std::to_string(s["rows_with_errors"].get<std::size_t>())}}) +
                    "\n";
  std::string routes;
  for (const auto& item : s["route_order"]) {
    const std::string r = item.get<std::string>();
    if (std::size_t n = s["routes"].value(r, std::size_t{0}))
      routes += (routes.empty() ? "" : sep) + message(lang, "roster.route." + r) + " " + std::to_string(n);
  }
  if (!routes.empty()) out += message(lang, "roster.summary.routes", {{"list", routes}}) + "\n";
  std::string states;
  for (const char* state : {"overdue", "today", "due_soon", "upcoming", "none"})
    if (std::size_t n = s["most_urgent"].value(state, std::size_t{0}))
      states += (states.empty() ? "" : sep) +
                (std::string(state) == "none" ? message(lang, "roster.summary.no_deadline")
                                              : message(lang, std::string("state.") + state)) +
                " " + std::to_string(n);
  if (!states.empty()) out += message(lang, "roster.summary.states", {{"list", states}}) + "\n";
  const auto& c = s["completion"];
  if (c.is_object()) {
    if (c["must_transfer"].get<std::size_t>() == 0) {
      out += message(lang, "roster.summary.completion_none") + "\n";
    } else {
      const std::string clause = c["target_clause"].is_string()
                                     ? message(lang, "roster.summary.target_clause",
                                               {{"clause", c["target_clause"].get<std::string>()}})
                                     : "";
      out += message(lang, "roster.summary.completion",
                     {{"completed", std::to_string(c["completed"].get<std::size_t>())},
                      {"must", std::to_string(c["must_transfer"].get<std::size_t>())},
                      {"rate", percent(c["rate"].get<double>())},
                      {"clause", clause},
                      {"gap", std::to_string(c["open"].get<std::size_t>())},
                      {"overdue_open", std::to_string(c["overdue_open"].get<std::size_t>())}}) +
             "\n";
    }
  }
  if (s["duplicates"]["student_ids"].get<std::size_t>() > 0)
    out += message(lang, "roster.summary.duplicates",
                   {{"n", std::to_string(s["duplicates"]["student_ids"].get<std::size_t>())},
                    {"rows", std::to_string(s["duplicates"]["rows"].get<std::size_t>())}}) +
           "\n";
  const auto& first = s["errors"]["first"];
  if (!first.empty()) {
    const std::size_t shown = std::min<std::size_t>(first.size(), 20);
    out += message(lang, "roster.summary.errors", {{"n", std::to_string(shown)}}) + "\n";
    for (std::size_t i = 0; i < shown; ++i) {
      std::string text = first[i]["message"].get<std::string>();
      for (char& ch : text)
        if (ch == '\n') ch = ' ';
      out += "  " + message(lang, "roster.summary.error_line",
                            {{"line", std::to_string(first[i]["line"].get<std::size_t>())}, {"message", text}}) +
             "\n";
    }
  }
  std::cerr << out;
}

int roster_error(const Error& e, Lang lang) { return print_tool_error(roster_error_body(e, lang)); }

}  // namespace

int run_roster(const CommonOptions& options, const RosterCommand& cmd) {
  StaffSetup s = staff_setup(options);
  if (!s.engine) return 2;
  if (cmd.template_only) {
    write_stdout(roster_template_csv(s.engine->policy(), s.lang));
    return 0;
  }
  if (cmd.input.empty())
    return print_error(Error{"bad_argument", "argv", {{"got", "roster: IN.csv or --template"}}}, s.lang);
  print_draft_banner(s);

  RosterOptions roster_options;
  roster_options.today = s.today;
  roster_options.lang = s.lang;
  roster_options.parts = cmd.jobs > 0 ? cmd.jobs : processors();
  roster_options.run_tasks = [](const std::vector<std::function<void()>>& tasks) {
    run_on_threads(tasks, [] { prepare_thread_heap(std::size_t{16} << 20); });  // a part's rows and evaluations
  };
  const std::string if_shrunk =
      roster_error_body(Error{"roster_changed", "input", {{"got", cmd.input}}}, s.lang)["error"]["message"].get<std::string>() + "\n";
  const std::optional<FileBytes> file = FileBytes::read(cmd.input, roster_options.limits.max_bytes, if_shrunk);
  if (!file)
    return roster_error(Error{is_folder(cmd.input) ? "roster_is_folder" : "roster_unreadable", "input", {{"got", cmd.input}}},
                        s.lang);
  if (file->view().size() > roster_options.limits.max_bytes)
    return roster_error(Error{"roster_too_large", "input", {{"max", std::to_string(roster_options.limits.max_bytes)}}},
                        s.lang);
  // Records, fields, rows, the duplicate table and the output buffer: ≈ 4.5 times the roster's bytes for a
  // 100,000-row roster (5 × and 16 MiB, with room for a GB18030 file decoded to UTF-8).
  prepare_heap(file->view().size() * 5 + (std::size_t{16} << 20));
  const DecodedRoster decoded = decode_roster(file->view(), cmd.encoding, iconv_gb18030_to_utf8,
                                              roster_options.parts > 1 ? roster_options.run_tasks : RunTasks());
  if (decoded.error) return roster_error(*decoded.error, s.lang);

  RosterRun run = evaluate_roster(*s.engine, decoded.text(), roster_options);
  if (run.error) return roster_error(*run.error, s.lang);
  nlohmann::json summary = roster_summary(run, s.engine->policy());
  summary["file"]["encoding"] = decoded.encoding;
  summary["policy"]["unverified"] = s.unverified.size();

  if (!cmd.summary_file.empty()) {
    std::ofstream f(cmd.summary_file, std::ios::binary);
    f << to_json_text(summary, true) << "\n";
    if (!f) return roster_error(Error{"roster_unwritable", "summary", {{"got", cmd.summary_file}}}, s.lang);
  }
  annotated_roster_csv(run, write_stdout);
  std::fflush(stdout);
  if (cmd.summary_file.empty()) print_summary(summary, s.lang);
  return 0;
}

}  // namespace xueshe::cli
