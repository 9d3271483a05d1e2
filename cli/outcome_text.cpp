#include "outcome_text.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "xueshe/closed_sets.hpp"
#include "xueshe/messages.hpp"

namespace xueshe::cli {
namespace {

std::string str(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string days_text(const nlohmann::json& d, Lang lang) {
  int n = d.value("days_left", 0);
  if (n > 0) return message(lang, "days_left.future", {{"n", std::to_string(n)}});
  if (n == 0) return message(lang, "days_left.today");
  return message(lang, "days_left.past", {{"n", std::to_string(-n)}});
}

}  // namespace

std::string outcome_text(const nlohmann::json& o, Lang lang) {
  auto ui = [&lang](const char* key) { return message(lang, std::string("ui.") + key); };
  const nlohmann::json& receiving = o["receiving"];
  std::string out;
  // The heading core gives ("transfer it to", "it stays with", "your result"): not every outcome transfers.
  const std::string heading = str(receiving, "heading");
  out += "== " + (heading.empty() ? ui("receiving") : heading) + " ==\n  " + str(receiving, "org") + "  [" + str(receiving, "clause") + "]\n";
  // Where it goes when that organization cannot take it (特殊情况下…可转接至…), as the page says it.
  for (const auto& f : o["fallbacks"])
    out += "  " + message(lang, "page.fallback", {{"when", str(f, "when")}, {"org", str(f, "org")}}) + "  [" +
           str(f, "clause") + "]\n";
  out += "  " + ui("started_by") + ": " + str(receiving, "started_by") + "\n";
  if (!o["alternative_options"].empty()) {
    out += "\n== " + ui("alternatives") + " ==\n";
    for (const auto& a : o["alternative_options"]) out += "  - " + str(a, "org") + "  [" + str(a, "clause") + "]\n";
  }
  out += "\n== " + ui("steps") + " ==\n";
  int i = 1;
  for (const auto& s : o["steps"])
    out += "  " + std::to_string(i++) + ". (" + ui(("where." + str(s, "where")).c_str()) + ") " + str(s, "text") +
           "  [" + str(s, "clause") + "]\n";
  out += "\n== " + ui("deadlines") + " ==\n";
  if (o["deadlines"].empty()) out += "  " + ui("no_deadlines") + "\n";
  for (const auto& d : o["deadlines"]) {
    // The engine writes only DeadlineState's names (SPEC §3).
    const std::optional<DeadlineState> state = deadline_state_named(str(d, "state"));
    const char* mark = !state ? "   "
                       : *state == DeadlineState::overdue                                     ? "!! "
                       : *state == DeadlineState::due_soon || *state == DeadlineState::today ? "!  "
                                                                                               : "   ";
    out += mark + str(d, "date") + "  " + str(d, "label") + " — " + str(d, "what") + "  (" + days_text(d, lang) +
           ", " + (state ? message(lang, catalog_key(*state)) : str(d, "state")) + ")  [" + str(d, "clause") + "]\n";
    if (d.contains("note")) out += "      " + str(d, "note") + "\n";
  }
  if (!o["warnings"].empty()) {
    out += "\n== " + ui("warnings") + " ==\n";
    for (const auto& w : o["warnings"]) out += "  * " + str(w, "text") + "\n";
  }
  if (!o["notes"].empty()) {
    out += "\n== " + ui("notes") + " ==\n";
    for (const auto& n : o["notes"]) out += "  " + str(n, "text") + "  [" + str(n, "clause") + "]\n";
  }
  if (!o["if_stuck"].empty()) {
    // Each item with its source; general advice (the tool's own, not a notice's rule) named as such, and the
    // sources' words once beneath the list, as the page opens them.
    out += "\n== " + ui("if_stuck") + " ==\n";
    std::vector<std::string> shown;
    std::string sources;
    for (const auto& x : o["if_stuck"]) {
      const std::string id = str(x, "clause");
      const std::string source = x.value("general_advice", false) ? "(" + ui("general_advice") + ")" : "[" + id + "]";
      out += "  - " + str(x, "text") + "  " + source + "\n";
      if (!x.contains("clause_text") || std::find(shown.begin(), shown.end(), id) != shown.end()) continue;
      shown.push_back(id);
      const auto& c = x["clause_text"];
      sources += "    " + source + " " + str(c, "title") + " — " + str(c, "text") + "\n";
    }
    out += sources;
  }
  out += "\n== " + ui("clauses") + " ==\n";
  for (const auto& c : o["clause_texts"]) out += "  [" + str(c, "id") + "] " + str(c, "text") + "\n";
  return out;
}

}  // namespace xueshe::cli
