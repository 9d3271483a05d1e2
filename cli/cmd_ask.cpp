// Interactive questionnaire: asks what core asks, one question at a time,
// until core returns an outcome. "b" goes back one question.
#include <cstdlib>
#include <iostream>

#include "commands.hpp"
#include "outcome_text.hpp"
#include "xueshe/member_date.hpp"
#include "xueshe/messages.hpp"

namespace xueshe::cli {
namespace {

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// Turns what the user typed into the option it names, or nullopt (dates: read_member_date).
std::optional<AnswerValue> read_answer(const nlohmann::json& q, const std::string& line) {
  const auto& options = q["options"];
  for (size_t i = 0; i < options.size(); ++i) {
    const auto& opt = options[i];
    bool match = line == std::to_string(i + 1) || line == opt["label"].get<std::string>();
    if (opt["value"].is_string()) match = match || line == opt["value"].get<std::string>();
    if (match) {
      if (opt["value"].is_boolean()) return AnswerValue{opt["value"].get<bool>()};
      return AnswerValue{opt["value"].get<std::string>()};
    }
  }
  return std::nullopt;
}

}  // namespace

int run_ask(const CommonOptions& options) {
  Setup s = setup(options);
  if (!s.engine) return 2;
  Lang lang = s.lang;
  auto ui = [&lang](const char* key) { return message(lang, std::string("ui.") + key); };
  std::cout << ui("title") << " — " << s.engine->policy().title.at(lang) << "\n"
            << ui("policy") << ": " << s.engine->policy().id << "  (" << format_iso_date(s.today) << ")\n\n";
  const Policy& policy = s.engine->policy();
  if (!policy.unverified.empty())
    std::cout << message(lang, "warning.policy_unverified",
                         {{"id", policy.id}, {"n", std::to_string(policy.unverified.size())}})
              << "\n\n";

  Answers answers;
  std::vector<std::string> order;  // fields in the order answered, for "back"
  while (true) {
    Result r = s.engine->evaluate(answers, s.today, lang);
    if (!r.ok) {
      // An answer that does not fit with earlier ones (e.g. departure before graduation): ask it again.
      std::cout << r.body["error"]["message"].get<std::string>() << "\n";
      std::string field = r.body["error"]["field"].get<std::string>();
      answers.values.erase(field);
      if (!order.empty() && order.back() == field) order.pop_back();
      continue;
    }
    if (r.body["status"] == "outcome") {
      std::cout << "\n" << outcome_text(r.body, lang);
      return 0;
    }
    const auto& q = r.body["question"];
    std::cout << q["text"].get<std::string>() << "\n";
    if (!q["help"].get<std::string>().empty()) std::cout << "  " << q["help"].get<std::string>() << "\n";
    const auto& opts = q["options"];
    for (size_t i = 0; i < opts.size(); ++i) std::cout << "  " << (i + 1) << ") " << opts[i]["label"].get<std::string>() << "\n";
    // A date question may be answered instead by one of these (delayed graduation: no graduation date to give).
    const nlohmann::json instead = q.value("instead", nlohmann::json::array());
    for (size_t i = 0; i < instead.size(); ++i) std::cout << "  " << (i + 1) << ") " << instead[i]["label"].get<std::string>() << "\n";
    std::cout << (opts.empty() ? ui("date_prompt") : ui("answer_prompt")) << "> " << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) {
      std::cout << "\n" << ui("input_closed") << "\n";
      return 1;
    }
    line = trim(line);
    if ((line == "b" || line == "B") && !order.empty()) {
      answers.values.erase(order.back());
      order.pop_back();
      continue;
    }
    std::string field = q["id"].get<std::string>();
    std::optional<AnswerValue> answer;
    if (const size_t k = std::strtoul(line.c_str(), nullptr, 10);
        k >= 1 && k <= instead.size() && line == std::to_string(k)) {
      field = instead[k - 1]["field"].get<std::string>();
      answer = instead[k - 1]["value"].get<std::string>();
    } else if (q["kind"] == "date") {
      // As people type it (2022/6/30, 2022年6月30日); else what was wrong with it, in words.
      const MemberDate read = read_member_date(line);
      if (!read.date) {
        std::cout << error_body(member_date_error(read, field, line), lang)["error"]["message"].get<std::string>()
                  << "\n";
        continue;
      }
      answer = *read.date;
    } else if (!(answer = read_answer(q, line))) {
      std::cout << ui("invalid_choice") << "\n";
      continue;
    }
    answers.values[field] = *answer;
    order.push_back(field);
  }
}

}  // namespace xueshe::cli
