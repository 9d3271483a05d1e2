// `xueshe application` as a process: {"answers", "applicant"} on stdin, the
// application as Markdown or JSON on stdout, the form with --form, and exit 2
// with one error object naming the field on bad input.
#include <catch2/catch.hpp>

#include "cli_helpers.hpp"

using nlohmann::json;

namespace {

const json abroad = json::parse(
    R"({"destination":"study_abroad","graduation_date":"2022-06-30","departure_date":"2022-08-01","birth_date":"2000-01-01","party_member":false})");

json applicant() {
  return json{{"name", "李四"},
              {"student_id", "2018020202"},
              {"college", "软件学院"},
              {"country_or_region", "德国"},
              {"institution", "Technische Universität München"},
              {"from", "2022-08-01"},
              {"until", "2024-07-31"},
              {"contact_name", "李母"},
              {"contact_relationship", "母亲"},
              {"contact_phone", "+86 139 0000 0000"}};
}

std::string input(const json& answers, const json& typed) { return json{{"answers", answers}, {"applicant", typed}}.dump(); }

const std::vector<std::string> cmd{"application", "--today", "2022-06-01"};

std::vector<std::string> with(std::vector<std::string> args, std::initializer_list<std::string> more) {
  args.insert(args.end(), more);
  return args;
}


}  // namespace

TEST_CASE("application prints the document as Markdown — every value shown as typed") {
  json typed = applicant();
  typed["name"] = "李*四*<script>";
  typed["study_plan"] = "机器学习 | 硕士\n第二行";
  auto r = xueshe_run(cmd, input(abroad, typed));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("# 保留团组织关系申请书", 0) == 0);
  CHECK(r.out.find("哈尔滨信息工程学院团委：") != std::string::npos);  // the policy's school
  // Markdown and HTML characters are escaped, so a viewer shows them as typed.
  CHECK(r.out.find("李\\*四\\*\\<script\\>") != std::string::npos);
  CHECK(r.out.find("<script>") == std::string::npos);
  CHECK(r.out.find("| 学习研究的专业或项目 | 机器学习 \\| 硕士<br>第二行 |") != std::string::npos);
  CHECK(r.out.find("Technische Universität München") != std::string::npos);
  CHECK(r.out.find("+86 139 0000 0000") != std::string::npos);
  CHECK(r.out.find("- [ ] 不同意") != std::string::npos);
  // The printed text names the notice, not the policy file's id; dates as a letter writes them.
  CHECK(r.out.find("hxci-2022") == std::string::npos);
  CHECK(r.out.find("2022年8月1日") != std::string::npos);

  auto en = xueshe_run(with(cmd, {"--lang", "en"}), input(abroad, typed));
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.find("To the league committee of Harbin Institute of Information Technology:") != std::string::npos);
  CHECK(en.out.find("Applicant (signature): ") != std::string::npos);
}

TEST_CASE("application --format json: the document object — values verbatim") {
  json typed = applicant();
  typed["institution"] = "\"quotes\" & 'apostrophes' 🇨🇳👩‍🎓";
  auto r = xueshe_run(with(cmd, {"--format", "json"}), input(abroad, typed));
  REQUIRE(r.exit_code == 0);
  json d = parse_out(r);
  REQUIRE(d.contains("document"));
  CHECK(d["document"]["rows"][4]["value"] == typed["institution"]);
  CHECK(d["document"]["clause"] == "二.5");
  CHECK(d["document"]["addressee_from"] == "policy.school");
  // Same bytes every time (no clock: --today fixes the as-of date).
  CHECK(xueshe_run(with(cmd, {"--format", "json"}), input(abroad, typed)).out == r.out);
}

TEST_CASE("application --form prints the form — prefilled — with no applicant needed") {
  auto r = xueshe_run(with(cmd, {"--form", "--format", "json"}), json{{"answers", abroad}}.dump());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  json form = parse_out(r)["form"];
  REQUIRE(form.is_object());
  CHECK(form["fields"][5]["id"] == "from");
  CHECK(form["fields"][5]["value"] == "2022-08-01");
  CHECK(form["due"].get<std::string>().find("2022-08-01") != std::string::npos);
}

TEST_CASE("application: exit 2 with the error naming the field") {
  json bad_phone = applicant();
  bad_phone["contact_phone"] = "call me";
  expect_error(xueshe_run(cmd, input(abroad, bad_phone)), "application_bad_phone", "applicant.contact_phone", false);
  auto en = xueshe_run(with(cmd, {"--lang", "en"}), input(abroad, bad_phone));
  CHECK(parse_out(en)["error"]["message"].get<std::string>().find("Contact person's phone") != std::string::npos);

  json order = applicant();
  order["until"] = "2022-07-01";
  expect_error(xueshe_run(cmd, input(abroad, order)), "application_date_order", "applicant.until", false);
  json missing = applicant();
  missing.erase("institution");
  expect_error(xueshe_run(cmd, input(abroad, missing)), "application_missing_field", "applicant.institution", false);
  json extra = applicant();
  extra["passport"] = "E123";
  expect_error(xueshe_run(cmd, input(abroad, extra)), "application_unknown_field", "applicant.passport", false);
  json too_long = applicant();
  too_long["college"] = std::string(2001, 'x');
  expect_error(xueshe_run(cmd, input(abroad, too_long)), "application_too_long", "applicant.college", false);

  // The input's own shape.
  expect_error(xueshe_run(cmd, "{"), "application_malformed_json", "$", false);
  expect_error(xueshe_run(cmd, "[]"), "application_bad_input", "$", false);
  expect_error(xueshe_run(cmd, json{{"answers", abroad}}.dump()), "application_bad_input", "applicant", false);
  expect_error(xueshe_run(cmd, json{{"applicant", applicant()}}.dump()), "application_bad_input", "answers", false);
  expect_error(xueshe_run(cmd, json{{"answers", abroad}, {"applicant", applicant()}, {"x", 1}}.dump()),
               "application_bad_input", "x", false);
  expect_error(xueshe_run(cmd, R"({"answers":{},"applicant":{"name":"a","name":"b"}})"), "application_duplicate_field",
               "applicant.name", false);
  std::string bytes = input(abroad, applicant());
  bytes.insert(bytes.find("软件学院") + 3, "\xff");
  expect_error(xueshe_run(cmd, bytes), "application_invalid_utf8", "applicant.college", false);

  // The answers: the engine's errors, under "answers"; other routes need no application.
  json bad_answers = abroad;
  bad_answers["departure_date"] = "2022-02-30";
  expect_error(xueshe_run(cmd, input(bad_answers, applicant())), "invalid_date", "answers.departure_date", false);
  json employed = json::parse(
      R"({"destination":"employed","graduation_date":"2022-06-30","birth_date":"2000-01-01","party_member":false,"self_employed":false,"civil_servant":false,"employer_classified":false,"employer_has_league_org":true,"receiving_region":"other"})");
  expect_error(xueshe_run(cmd, input(employed, applicant())), "application_not_needed", "route", false);
  expect_error(xueshe_run(with(cmd, {"--form"}), json{{"answers", employed}}.dump()), "application_not_needed", "route", false);
  expect_error(xueshe_run(cmd, input(json{{"destination", "study_abroad"}}, applicant())), "application_needs_outcome",
               "graduation_date", false);
  // Options.
  expect_error(xueshe_run(with(cmd, {"--lang", "fr"}), input(abroad, applicant())), "bad_lang", "lang", false);
  expect_error(xueshe_run({"application", "--format", "pdf"}, input(abroad, applicant())), "bad_argument", "argv", false);
}
