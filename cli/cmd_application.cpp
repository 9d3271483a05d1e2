// `xueshe application`: the written application of 二.5 (study abroad). Reads
// {"answers": {...}, "applicant": {...}} on stdin, evaluates the answers with
// the policy (the typed outcome, evaluate_member), and prints the application as Markdown (or JSON); --form prints
// the form definition (JSON) instead, and needs no applicant. Bad input: exit 2
// with one error object naming the field ("applicant.contact_phone").
#include <iostream>

#include "commands.hpp"
#include "markdown.hpp"
#include "xueshe/application.hpp"
#include "xueshe/limits.hpp"
#include "xueshe/member_outcome.hpp"

namespace xueshe::cli {
namespace {

using nlohmann::json;

int fail(const json& error_body) {
  print_json(error_body, false);
  return 2;
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string document_markdown(const json& d) {
  std::string out = "# " + md_text(str(d, "title")) + "\n\n" + md_text(str(d, "addressee")) + "\n\n";
  for (const json& p : d["body"]) out += md_text(p.get<std::string>()) + "\n\n";
  out += "## " + md_text(str(d, "rows_heading")) + "\n\n|  |  |\n|---|---|\n";
  for (const json& r : d["rows"]) out += "| " + md_text(str(r, "label"), true) + " | " + md_text(str(r, "value"), true) + " |\n";
  out += "\n" + md_text(str(d, "pledge")) + "\n\n";
  const std::string colon = md_text(str(d["labels"], "colon"));
  auto lines = [&colon](const json& list) {
    std::string s;
    for (const json& l : list) s += md_text(str(l, "label")) + colon + md_text(str(l, "fill")) + "  \n";
    return s + "\n";
  };
  out += lines(d["signature"]);
  const json& a = d["approval"];
  out += "---\n\n## " + md_text(str(a, "title")) + "\n\n";
  for (const json& o : a["options"]) out += "- [ ] " + md_text(o.get<std::string>()) + "\n";
  out += "\n" + lines(a["lines"]) + md_text(str(a, "seal")) + "\n\n---\n\n" + md_text(str(d, "footer")) + "\n";
  return out;
}

}  // namespace

int run_application(const CommonOptions& options, const std::string& format, bool form_only) {
  Setup s = setup(options);
  if (!s.engine) return 2;
  const JsonLimits applicant = application_json_limits();
  const JsonLimits limits{applicant.max_bytes + answers_json_limits().max_bytes, 2, applicant.max_string_bytes};
  const std::string input = read_limited(std::cin, limits.max_bytes);
  StrictJson parsed = parse_strict_json(input, limits);
  if (parsed.error) return fail(application_error_body(application_json_error(*parsed.error, input, ""), s.lang));
  const json& in = parsed.value;
  auto bad_input = [&](const std::string& field) {
    return fail(application_error_body(Error{"application_bad_input", field, {}}, s.lang));
  };
  if (!in.is_object()) return bad_input("$");
  for (auto it = in.begin(); it != in.end(); ++it)
    if (it.key() != "answers" && it.key() != "applicant") return bad_input(json_path_key("", it.key()));
  auto answers = in.find("answers");
  if (answers == in.end() || !answers->is_object()) return bad_input("answers");
  auto typed = in.find("applicant");
  if (!form_only && typed == in.end()) return bad_input("applicant");

  AnswersParse parsed_answers = parse_answers(answers->dump());
  MemberEvaluation member = parsed_answers.error
                                ? MemberEvaluation{std::nullopt, parsed_answers.error}
                                : evaluate_member(*s.engine, parsed_answers.answers, s.today, s.lang);
  if (member.error) {
    // The engine names answers fields; inside this input they are under "answers".
    json body = error_body(*member.error, s.lang);
    std::string& field = body["error"]["field"].get_ref<std::string&>();
    field = field == "$" ? "answers" : "answers." + field;
    return fail(body);
  }

  if (form_only) {
    json form = application_form(*member.member);
    if (form.contains("error")) return fail(form);
    print_json(form, format == "json" ? false : true);
    return 0;
  }
  // The applicant passed on as JSON text, checked by core exactly as the page's is.
  json document = application_document(*member.member, typed->dump());
  if (document.contains("error")) return fail(document);
  if (format == "json") print_json(document, false);
  else std::cout << document_markdown(document["document"]);
  return 0;
}

}  // namespace xueshe::cli
